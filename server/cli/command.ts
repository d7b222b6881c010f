/**
 * @module The shape of one `qingliu` sub-command. `server/cli.ts` lists them; each lives in its own file here.
 */

/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** One sub-command (its words may be several, e.g. `audit verify`). */
export interface CliCommand {
  /** The words after `qingliu`, e.g. ["audit", "verify"]. */
  words: string[];
  /** One line for the overview list. */
  summary: string;
  /** Full usage text printed by `--help`. */
  help: string;
  /** Runs the command with the remaining arguments; resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
