/**
 * @module The demo district's campaign plan: the seed plan 中环攻坚办〔2022〕13号 (19 tasks), imported at first start as
 * the office would — parsed against the directory just created. `DEMO_PLAN=false` leaves it out, so that the
 * office's own import can be shown or tested on an otherwise complete demo district.
 */
import { readFileSync } from "node:fs";
import type { CommandContext } from "../context";
import { planImporter } from "../commands/planImporter";
import { parseWithDirectory } from "./parseWithDirectory";

/** The seed plan: 中站区2022年水污染防治攻坚战实施方案 (中环攻坚办〔2022〕13号), kept in the repository. */
export const SEED_PLAN_TEXT = readFileSync(new URL("../seed/zhongzhan-2022-water-plan.txt", import.meta.url), "utf8");

/** Imports the seed plan unless `DEMO_PLAN=false`; returns the plan id, or null when left out. */
export async function seedDemoPlan(ctx: CommandContext, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.DEMO_PLAN === "false") return null;
  const plan = await parseWithDirectory(ctx.trx, SEED_PLAN_TEXT);
  if (plan.unknownUnits.length || plan.year === null) throw new Error(`seed plan does not parse cleanly: ${JSON.stringify(plan.unknownUnits)}`);
  const r = await planImporter(ctx, { plan: { ...plan, year: plan.year, title: plan.title ?? "实施方案" }, sourceText: SEED_PLAN_TEXT, importedBy: null });
  return r.planId;
}
