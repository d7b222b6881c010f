/**
 * @module Demo data of the public portal: each complaint category routed to a unit of the demo district, response
 * templates, reward tiers, and a few complaints in different states on the demo waters — every text marked （演示）.
 * Filed through the real commands, so routing, encryption and the audit log run as in production.
 */
import type { CommandContext } from "../context";
import { categorySaver, templateSaver, tierSaver } from "../commands/complaintCatalogSaver";
import { complaintFiler } from "../commands/complaintFiler";
import { complaintTransitioner } from "../commands/complaintHandler";
import { portalSettings } from "../repositories/complaintCatalog.repository";
import { FileStore, defaultFilesDir } from "../repositories/file.repository";
import type { TransitionName } from "../../domain/complaints/states";

/** Category → handling unit (names of the demo directory). */
const ROUTING: Record<string, string> = {
  sewage: "中站生态环境分局", black_odorous: "区住房和城乡建设局", outfall: "中站生态环境分局", four_chaos: "区农业农村局",
  waste_dumping: "区城市管理局", drinking_source: "中站生态环境分局", livestock: "区农业农村局",
};

const TEMPLATES = [
  { step: "dispatch", title: "转办", body: "您反映的问题已转交承办单位办理，请耐心等待。" },
  { step: "investigate", title: "现场核查", body: "承办单位已安排人员到现场核查。" },
  { step: "resolve", title: "已整改", body: "经现场核查，您反映的问题属实，已责令责任单位立即整改，整改已完成。感谢您的监督！" },
  { step: "closeNotFixed", title: "需长期治理", body: "经现场核查，问题属实，但需纳入整治计划分步解决，我们将持续跟进。" },
  { step: "markInvalid", title: "不属于受理范围", body: "您反映的问题不属于水污染防治投诉受理范围，建议向相关部门反映。" },
];

/** Seeds the demo portal data; `unitIds` maps demo unit names to ids. */
export async function seedDemoPublic(ctx: CommandContext, unitIds: Map<string, string>) {
  for (const [code, unit] of Object.entries(ROUTING)) await categorySaver(ctx, code, { unitId: unitIds.get(unit) ?? null });
  for (const [i, t] of TEMPLATES.entries()) await templateSaver(ctx, null, { ...t, categoryCode: null, sort: i });
  await tierSaver(ctx, null, { name: "一般线索（演示）", amount: 200, criteria: "查证属实，问题得到整改", categoryCode: null, active: true, sort: 1 });
  await tierSaver(ctx, null, { name: "重要线索（演示）", amount: 1000, criteria: "查证属实，发现私设暗管、偷排等违法行为并立案查处", categoryCode: null, active: true, sort: 2 });
  const settings = await portalSettings(ctx.trx);
  const files = new FileStore(defaultFilesDir());
  const day = 86_400_000;
  const demo: { categoryCode: string; description: string; address: string; lat: number; lon: number; daysAgo: number; steps: [TransitionName, string][] }[] = [
    { categoryCode: "sewage", description: "大沙河府城桥下游排口有黑色污水排出，气味刺鼻（演示）", address: "府城街道大沙河桥下游", lat: 35.1958, lon: 113.1742, daysAgo: 20, steps: [["dispatch", "已转中站生态环境分局办理。"], ["investigate", "已到现场核查。"], ["resolve", "经核查属实，已责令该单位封堵排口并处罚款，整改已完成（演示）。"]] },
    { categoryCode: "waste_dumping", description: "白马门河岸边堆放大量建筑垃圾（演示）", address: "白马门河入大沙河口附近", lat: 35.2052, lon: 113.1525, daysAgo: 6, steps: [["dispatch", "已转区城市管理局办理。"], ["investigate", "已安排清运。"]] },
    { categoryCode: "black_odorous", description: "新河中站段水体发黑发臭，夏季尤其明显（演示）", address: "新河中站段", lat: 35.2318, lon: 113.2046, daysAgo: 3, steps: [["dispatch", "已转区住房和城乡建设局办理。"]] },
    { categoryCode: "livestock", description: "村头养殖场粪污直接排入沟渠（演示）", address: "龙翔街道某村", lat: 35.2221, lon: 113.1418, daysAgo: 1, steps: [] },
  ];
  for (const d of demo) {
    const at = new Date(Date.now() - d.daysAgo * day);
    const { complaint } = await complaintFiler(ctx, {
      categoryCode: d.categoryCode, description: d.description, address: d.address, lat: d.lat, lon: d.lon, subject: null, anonymous: true, contact: null,
      wantsReward: false, photos: [], source: "web", open311KeyId: null, ip: null, at, files, settings,
    });
    for (const [i, [t, note]] of d.steps.entries()) {
      await complaintTransitioner(ctx, {
        complaintId: complaint.id, transition: t as "dispatch", as: "office", unitId: t === "dispatch" ? complaint.unit_id ?? undefined : undefined,
        note, internalNote: null, at: new Date(at.getTime() + (i + 1) * 3_600_000 * 20),
      });
    }
  }
}
