/**
 * @module The `qingliu` command line: finds the sub-command by its words and runs it; `--help` everywhere.
 */
import type { CliCommand, CliIO } from "./cli/command";
import { serve } from "./cli/serve";
import { migrateCommand } from "./cli/migrate";
import { userCreate } from "./cli/user";
import { auditVerify } from "./cli/audit";
import { assess } from "./cli/assess";
import { hj212Check } from "./cli/hj212";
import { backup, restore } from "./cli/backup";
import { planParse } from "./cli/plan";
import { planImport } from "./cli/planImport";
import { importReadings } from "./cli/import";
import { simulate } from "./cli/simulate";

/** Every sub-command. */
export const COMMANDS: CliCommand[] = [serve, migrateCommand, userCreate, auditVerify, assess, hj212Check, importReadings, simulate, planParse, planImport, backup, restore];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.words.join(" ").length));
  return [
    "清流 Qingliu — 区级水污染防治攻坚平台 / district water-pollution-control platform",
    "",
    "用法 / usage: qingliu <command> [options]   (qingliu <command> --help)",
    "",
    ...COMMANDS.map((c) => `  ${c.words.join(" ").padEnd(width)}  ${c.summary}`),
    "",
  ].join("\n");
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const cmd = [...COMMANDS]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => argv[i] === w));
  if (!cmd) {
    const asked = argv.filter((a) => !a.startsWith("-"));
    if (asked.length && !argv.includes("--help")) io.stderr.write(`未知命令 / unknown command: ${asked.join(" ")}\n\n`);
    (asked.length && !argv.includes("--help") ? io.stderr : io.stdout).write(overview());
    return asked.length && !argv.includes("--help") ? 2 : 0;
  }
  const rest = argv.slice(cmd.words.length);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(cmd.help + "\n");
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    const e = err as Error & { code?: string };
    io.stderr.write(`错误 / error: ${e.message}\n`);
    return e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? 2 : 1;
  }
}

// Run when executed directly (tsx server/cli.ts …); bin/qingliu.mjs imports main() instead.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
