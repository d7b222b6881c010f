/**
 * @module Read-only pages of the public site: the campaign's goals with their indicators' status (the supervision
 * area's indicator values, judged by domain/indicators/status.ts), and the water-quality month — each section's
 * official class (server/routes/readings/assessment.ts: means first, then class, GB 3838-2002 and
 * 《地表水环境质量评价办法》), attainment of its target and its rank by CWQI (环办监测〔2017〕51号), all from reviewed
 * data (review.repository publishedReadingsOfPoints: rejected values and flagged values still waiting for review
 * left out, a correction's current version used). Every figure carries where it came from: the rule, the basis,
 * the readings' period and count, and how many were left out and why. No raw device data and no people.
 */
import type { FastifyInstance } from "fastify";
import { NotFound } from "../../errors";
import { assessMonth, bodyOf, monthWindow } from "../readings/assessment";
import { countByState } from "../../repositories/complaint.repository";
import { currentPlanGoals, monthsWithReadings, planIndicators, publicSections } from "../../repositories/publicPortal.repository";
import { publishedMonthOfPoints } from "../../monitoring/publishedMonth";
import { cwqi, rankSections } from "../../../domain/complaints/publicRanking";
import { indicatorStatus } from "../../../domain/indicators/status";
import { indicatorViews } from "../../plans/indicators";
import { formatShanghai } from "../../../domain/labImport/time";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

const PUBLIC = { config: { public: true } } as const;

/** The rule texts every water figure cites. */
export const WATER_RULES = {
  class: "GB 3838-2002《地表水环境质量标准》表1；《地表水环境质量评价办法（试行）》（环办〔2011〕22号）：月均值定类别，水温、总氮、粪大肠菌群不参与",
  ranking: "《城市地表水环境质量排名技术规定（试行）》（环办监测〔2017〕51号）：CWQI = Σ Ci/Cs（Ⅲ类限值；溶解氧 Cs/Ci；pH 按偏离 7 计），总氮、粪大肠菌群不参与",
  qc: "依据经审核数据：自动质控（QARTOD）判为“可疑”（3）或“失败”（4）的数据经人工审核确认或更正后方参与评价，待审与否决的数据不参与并计数；更正以最新版本为准；尚未质控的最新数据暂按原值参与并计数",
};

const thisMonth = () => formatShanghai(new Date()).slice(0, 7);

/** Registers /api/public/overview and /api/public/water-quality*. */
export function publicPortalRoutes(app: FastifyInstance, { readDb }: RouteDeps) {
  /**
   * Indicators computed from monitoring (地表水考核目标, 取水水质达标率, …) for their target years, from reviewed data
   * (server/plans/indicators.ts over reading.repository monthlyMeansOf); kept for a minute like the month's assessment.
   */
  let computedCache: { at: number; planId: string; value: Promise<Awaited<ReturnType<typeof indicatorViews>>> } | null = null;
  const computedIndicators = (planId: string) => {
    if (computedCache && computedCache.planId === planId && Date.now() - computedCache.at < 60_000) return computedCache.value;
    const value = indicatorViews(readDb, planId);
    computedCache = { at: Date.now(), planId, value };
    value.catch(() => { computedCache = null; });
    return value;
  };

  app.get("/api/public/overview", PUBLIC, async () => {
    const current = await currentPlanGoals(readDb);
    const stored = current ? await planIndicators(readDb, current.plan.id) : [];
    // No entered value: the value computed from monitoring, when the indicator is computed and the data give one.
    const views = current && stored.some((i) => i.value === null && i.method !== "entered") ? await computedIndicators(current.plan.id) : [];
    const indicators = stored.map((i) => {
      const v = i.value === null ? views.find((x) => x.id === i.id) : undefined;
      if (!v?.computed || v.computed.value === null) return { ...i, computedBasis: null };
      return {
        ...i, value: Math.round(v.computed.value * 100) / 100, period: String(v.year), source: "computed", source_document: null, recorded_at: null,
        baseline: i.baseline ?? v.computedBaseline ?? null,
        // Computed from monitoring: the reviewed monthly means; other computations (registries' data) have no such basis.
        computedBasis: i.method === "surface_water" || i.method === "drinking_intake" ? ("reviewed" as const) : null,
      };
    });
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    return {
      ok: true,
      data: {
        plan: current ? { title: current.plan.title, docNumber: current.plan.doc_number, year: current.plan.year, issuedOn: current.plan.issued_on } : null,
        goals: (current?.goals ?? []).map((g) => ({ id: g.id, text: g.text, targets: g.targets })),
        indicators: indicators.map((i) => {
          const status = indicatorStatus({ comparison: i.comparison, target: i.target_value, amberMargin: i.amber_margin }, i.value, i.baseline);
          return {
            code: i.code, name: i.name, unit: i.unit, comparison: i.comparison, target: i.target_value, targetYear: i.target_year, baselineYear: i.baseline_year,
            goalText: i.goal_text, value: i.value, period: i.period, light: status.light, achieved: status.achieved, shortfall: status.shortfall,
            // Where the figure came from: an entered value cites its document; a computed one names its method and formula.
            source: i.value === null ? null : { kind: i.source, document: i.source_document, method: i.method, formula: i.formula, recordedAt: i.recorded_at?.toISOString() ?? null, basis: i.computedBasis },
          };
        }),
        complaints: await countByState(readDb, yearAgo),
      },
    };
  });

  /**
   * The month's assessment is the same for every visitor: kept for a minute (the current month, still filling) or an
   * hour (past months), so a busy public page costs one assessment, not one per request.
   */
  const cache = new Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof assess>>> }>();
  const assessAll = (month: string) => {
    const ttl = month === thisMonth() ? 60_000 : 3_600_000;
    const hit = cache.get(month);
    if (hit && Date.now() - hit.at < ttl) return hit.value;
    const value = assess(month);
    cache.set(month, { at: Date.now(), value });
    value.catch(() => cache.delete(month));
    if (cache.size > 48) cache.delete(cache.keys().next().value!);
    return value;
  };

  /** Assesses every section for a month; one query per period for all points. */
  const assess = async (month: string) => {
    const points = await publicSections(readDb);
    const window = monthWindow(month);
    const { periodOf, rows, states } = await publishedMonthOfPoints(readDb, points.map((p) => p.id), window.from, window.to);
    const results = points.map((p) => {
      const used = rows.get(p.id) ?? [];
      const c = states.get(p.id) ?? { unchecked: 0, passed: 0, pending: 0, accepted: 0, rejected: 0, corrected: 0 };
      const a = assessMonth(p, month, used);
      const means = a.monthly ? Object.fromEntries(Object.entries(a.monthly.means).map(([k, v]) => [k, v!.mean])) : {};
      const index = a.monthly ? cwqi(means, bodyOf(p)) : null;
      return {
        code: p.code, name: p.name, kind: p.kind, waterBody: p.water_body, lat: p.lat, lon: p.lon, targetClass: p.target_class,
        class: a.monthly?.class ?? null, attainment: a.monthly?.attainment?.attained ?? null, classesShort: a.monthly?.attainment?.gap ?? null, mainPollutants: a.monthly?.mainPollutants ?? [],
        index: index?.index ?? null,
        provenance: {
          basis: "reviewed" as const, period: periodOf.get(p.id) ?? null, samples: a.monthly?.sampleCount ?? 0, readings: used.length,
          // Left out (waiting for review, rejected), and what the used ones were: passed the tests, accepted or
          // corrected by a reviewer, not yet reached by the tests.
          excluded: { pending: c.pending, rejected: c.rejected },
          used: { passed: c.passed, accepted: c.accepted, corrected: c.corrected, unchecked: c.unchecked },
          rule: WATER_RULES.class,
        },
        detail: { means, perFactor: a.monthly?.perFactor ?? {}, cwqiItems: index?.items ?? {}, factorsOverTarget: a.monthly?.factorsOverTarget ?? [] },
      };
    });
    return rankSections(results);
  };

  app.get("/api/public/water-quality", PUBLIC, async (req) => {
    const q = parse(S.WaterQuery, req.query);
    const months = await monthsWithReadings(readDb);
    let month = q.month ?? months[0] ?? thisMonth();
    let ranked = await assessAll(month);
    // Early in a month the monthly lab samples are not in yet: without a month asked for, show the newest month
    // that classes at least as many sections as the one before it.
    if (!q.month && months.length > 1) {
      const before = await assessAll(months[1]);
      const classed = (xs: typeof ranked) => xs.filter((x) => x.class !== null).length;
      if (classed(before) > classed(ranked)) [month, ranked] = [months[1], before];
    }
    const sections = ranked.map(({ detail: _d, ...r }) => r);
    const sum = (f: (s: (typeof sections)[number]) => number) => sections.reduce((n, s) => n + f(s), 0);
    const basis = { kind: "reviewed" as const, excluded: { pending: sum((s) => s.provenance.excluded.pending), rejected: sum((s) => s.provenance.excluded.rejected) }, unchecked: sum((s) => s.provenance.used.unchecked) };
    return { ok: true, data: { month, months, rules: WATER_RULES, basis, sections } };
  });

  app.get("/api/public/water-quality/:code", PUBLIC, async (req) => {
    const { code } = parse(S.WaterPointParams, req.params);
    const q = parse(S.WaterQuery, req.query);
    const month = q.month ?? (await monthsWithReadings(readDb))[0] ?? thisMonth();
    const one = (await assessAll(month)).find((s) => s.code === code);
    if (!one) throw NotFound("断面不存在");
    return { ok: true, data: { month, rules: WATER_RULES, section: one } };
  });
}
