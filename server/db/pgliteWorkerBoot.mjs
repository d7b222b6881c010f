// Worker-thread entry: loads the TypeScript worker through tsx (Node 20 ignores --import in a worker's execArgv).
import { register } from "tsx/esm/api";

register();
await import("./pgliteWorker.ts");
