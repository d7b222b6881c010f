/**
 * @module Runs one `qingliu` sub-command in-process with in-memory streams, for CLI tests.
 */
import { PassThrough, Readable } from "node:stream";
import type { CliCommand } from "../cli/command";

/** What a run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cmd` with `argv`; `input` is fed on stdin. */
export async function runCli(cmd: CliCommand, argv: string[], input = ""): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await cmd.run(argv, { stdout, stderr, stdin: Readable.from([input]) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}
