/**
 * @module `qingliu user create`: creates an account from the command line (e.g. the first administrator of a
 * production install without demo data).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { migrate } from "../db/migrate";
import { ROLES, type Role } from "../db/schema";
import { userCreator } from "../commands/userCreator";
import { listUnits } from "../repositories/unit.repository";
import { AppError } from "../errors";
import type { CliCommand } from "./command";

/** `qingliu user create` */
export const userCreate: CliCommand = {
  words: ["user", "create"],
  summary: "创建用户 / create a user",
  help: `用法 / usage: qingliu user create --username NAME --name 显示名 --role ROLE [--role ROLE…] [--unit 单位…] [--password P]

角色 / roles: ${ROLES.join(", ")}
--unit 接受单位名称或别名 / accepts a unit's name or alias. 未给 --password 时生成随机密码并打印，用户首次登录须修改。
Without --password a random one is generated and printed; the user must change it at first sign-in.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        role: { type: "string", multiple: true },
        unit: { type: "string", multiple: true },
        password: { type: "string" },
      },
    });
    const roles = values.role ?? [];
    const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (!values.username || !values.name || roles.length === 0 || bad.length) {
      io.stderr.write(`${bad.length ? `未知角色 / unknown role: ${bad.join(", ")}\n` : ""}${this.help}\n`);
      return 2;
    }
    const database = await openConfiguredDatabase(loadConfig());
    try {
      await migrate(database.db);
      const units = await listUnits(database.db);
      const unitIds: string[] = [];
      for (const name of values.unit ?? []) {
        const u = units.find((x) => x.name === name || x.aliases.includes(name));
        if (!u) {
          io.stderr.write(`未知单位 / unknown unit: ${name}\n`);
          return 2;
        }
        unitIds.push(u.id);
      }
      const password = values.password ?? randomBytes(12).toString("base64url");
      const user = await database.db.transaction().execute((trx) =>
        userCreator(
          { trx, actor: { id: null, name: "命令行 / CLI" }, ip: null, correlationId: "cli" },
          { username: values.username!, displayName: values.name!, password, roles: roles as Role[], unitIds, mustChangePassword: !values.password },
        ),
      );
      io.stdout.write(`已创建 / created: ${user.username} (${user.roles.join(", ")})${values.password ? "" : `\n初始密码 / initial password: ${password}`}\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        const issues = (err.data as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
        io.stderr.write(`${err.message}\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}\n`);
        return 1;
      }
      throw err;
    } finally {
      await database.close();
    }
  },
};
