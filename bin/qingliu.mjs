#!/usr/bin/env node
// The `qingliu` command: runs the TypeScript CLI through tsx (no build step).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/cli.ts");
process.exitCode = await main(process.argv.slice(2));
