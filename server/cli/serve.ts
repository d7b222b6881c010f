/**
 * @module `qingliu serve`: runs the platform (services chosen by SERVICES) until SIGTERM/SIGINT.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../env";
import { startProcess } from "../main";
import type { CliCommand } from "./command";

/** `qingliu serve` */
export const serve: CliCommand = {
  words: ["serve"],
  summary: "启动平台 / start the platform",
  help: `用法 / usage: qingliu serve [--port 8080] [--host 127.0.0.1]

启动 SERVICES 中列出的服务（默认 web,worker），数据库默认为 ./data 下的嵌入式 PGlite；
设置 DATABASE_URL=postgres://… 使用 PostgreSQL。收到 SIGTERM/SIGINT 时平稳退出。
Starts the services in SERVICES (default web,worker) on embedded PGlite under ./data, or PostgreSQL when
DATABASE_URL is set. Exits gracefully on SIGTERM/SIGINT.

环境变量 / environment: PORT, HOST, DATABASE_URL, DATA_DIR, SERVICES, LOG_LEVEL, DEMO, DEMO_PASSWORD, COOKIE_SECURE`,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { port: { type: "string" }, host: { type: "string" } } });
    const config = loadConfig({ ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) });
    const proc = await startProcess(config);
    if (proc.web) io.stdout.write(`清流 Qingliu: ${proc.web.url.replace("127.0.0.1", "127.0.0.1")}\n`);
    await new Promise<void>((resolve) => {
      const onSignal = (sig: string) => {
        io.stderr.write(`收到 ${sig}，正在平稳退出 / ${sig}: shutting down…\n`);
        proc.stop().then(resolve, resolve);
      };
      process.once("SIGTERM", () => onSignal("SIGTERM"));
      process.once("SIGINT", () => onSignal("SIGINT"));
    });
    return 0;
  },
};
