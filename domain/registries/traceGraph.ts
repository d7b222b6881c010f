/**
 * @module The 溯源 (source tracing) graph of an outfall (国办函〔2022〕17号 "溯": link every outfall to its sources
 * and name who is responsible; reference §6): the outfall receives from drains (沟渠) and pipes (管道), which in turn
 * receive from other drains and pipes and, at the far end, from enterprises or other sources (生活污水, 养殖,
 * 农田退水 …). Each node names the node it flows into (null: straight into the outfall), so the graph is a tree
 * rooted at the outfall. Tracing is complete when every path upstream ends at an enterprise or a source.
 */

/** Kinds of node. */
export const TRACE_NODE_KINDS = ["drain", "pipe", "enterprise", "source"] as const;
/** One kind. */
export type TraceNodeKind = (typeof TRACE_NODE_KINDS)[number];
/** Names of the kinds. */
export const TRACE_NODE_LABELS: Readonly<Record<TraceNodeKind, { zh: string; en: string }>> = {
  drain: { zh: "沟渠", en: "drain" },
  pipe: { zh: "管道", en: "pipe" },
  enterprise: { zh: "企业", en: "enterprise" },
  source: { zh: "其他污染源", en: "other source" },
};

/** One node. */
export interface TraceNode {
  id: string;
  kind: TraceNodeKind;
  label: string;
  /** The node it flows into; null flows straight into the outfall. */
  downstreamId: string | null;
}

/** A problem with the graph. */
export interface TraceIssue {
  /** The node concerned, when one is. */
  nodeId?: string;
  zh: string;
}

/** The graph checked. */
export interface TraceCheck {
  /** Structural errors (unknown downstream, cycles, a source receiving flow): the graph cannot be stored. */
  errors: TraceIssue[];
  /** Paths that do not reach a source yet: stored, but tracing is not complete. */
  open: TraceIssue[];
  /** No errors, at least one node, and every path ends at an enterprise or source. */
  complete: boolean;
  /** Depth of each node: 1 flows into the outfall. */
  depth: Record<string, number>;
  /** Enterprises and sources found. */
  origins: TraceNode[];
}

const isOrigin = (k: TraceNodeKind) => k === "enterprise" || k === "source";

/**
 * Checks a trace graph.
 * @example checkTrace([{ id: "a", kind: "pipe", label: "雨污合流管", downstreamId: null }, { id: "b", kind: "enterprise", label: "某厂", downstreamId: "a" }]).complete // true
 */
export function checkTrace(nodes: readonly TraceNode[]): TraceCheck {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const errors: TraceIssue[] = [];
  const open: TraceIssue[] = [];
  const depth: Record<string, number> = {};
  if (byId.size !== nodes.length) errors.push({ zh: "节点编号重复" });
  for (const n of nodes) {
    if (!n.label.trim()) errors.push({ nodeId: n.id, zh: "节点须有名称" });
    if (n.downstreamId === null) continue;
    const down = byId.get(n.downstreamId);
    if (!down) errors.push({ nodeId: n.id, zh: `“${n.label}”的去向节点不存在` });
    else if (isOrigin(down.kind)) errors.push({ nodeId: n.id, zh: `“${n.label}”不能汇入${down.kind === "enterprise" ? "企业" : "污染源"}“${down.label}”：企业和污染源只能是源头` });
  }
  // Depth by walking downstream; a walk longer than the node count has gone round a cycle.
  for (const n of nodes) {
    let d = 0;
    let cur: TraceNode | undefined = n;
    while (cur && d <= nodes.length) {
      d++;
      cur = cur.downstreamId === null ? undefined : byId.get(cur.downstreamId);
      if (cur === undefined) break;
    }
    if (d > nodes.length) errors.push({ nodeId: n.id, zh: `“${n.label}”的去向形成了环` });
    else depth[n.id] = d;
  }
  const hasUpstream = new Set(nodes.map((n) => n.downstreamId).filter((x): x is string => x !== null));
  for (const n of nodes)
    if (!isOrigin(n.kind) && !hasUpstream.has(n.id))
      open.push({ nodeId: n.id, zh: `“${n.label}”尚未追溯到企业或污染源` });
  if (nodes.length === 0) open.push({ zh: "尚未录入溯源节点" });
  return {
    errors: dedupe(errors),
    open,
    complete: errors.length === 0 && open.length === 0,
    depth,
    origins: nodes.filter((n) => isOrigin(n.kind)),
  };
}

function dedupe(xs: TraceIssue[]): TraceIssue[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.zh) ? false : (seen.add(x.zh), true)));
}
