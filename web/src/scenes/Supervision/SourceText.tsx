/**
 * @module The plan's normalised text with the parts one task came from highlighted: the task itself shaded, each
 * responsibility clause in its role's colour and each deadline underlined; the field the reviewer points at is
 * outlined and scrolled into view. Spans are offsets into the normalised text (domain/plan/types.ts).
 */
import { useEffect, useMemo, useRef } from "react";
import type { ParsedTask, Span, TaskRole } from "../../api/plans";

/** One highlighted range. */
export interface Mark extends Span {
  /** "task", a role, or "deadline". */
  kind: "task" | TaskRole | "deadline";
  /** Identifies the field for focusing, e.g. "clause:3" or "deadline:0". */
  key: string;
}

/** Colours per kind (background, border). */
export const MARK_COLOURS: Record<Mark["kind"], string> = {
  task: "#f1f5f9",
  lead: "#bfdbfe",
  co_lead: "#c7d2fe",
  responsible: "#ddd6fe",
  implementer: "#bbf7d0",
  participant: "#fde68a",
  deadline: "#fecaca",
};

/** The marks of one task. */
export function marksOf(task: ParsedTask): Mark[] {
  return [
    { ...task.span, kind: "task", key: "task" },
    ...task.clauses.map((c, i): Mark => ({ ...c.span, kind: c.role, key: `clause:${i}` })),
    ...task.deadlines.map((d, i): Mark => ({ ...d.span, kind: "deadline", key: `deadline:${i}` })),
  ];
}

/** Splits the text into runs, each with the innermost mark covering it. */
function runs(text: string, marks: Mark[]) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; mark: Mark | null }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    // The narrowest mark wins: a clause inside the task shows the clause's colour.
    const cover = marks.filter((m) => m.start <= start && m.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
    out.push({ start, end, mark: cover });
  }
  return out;
}

/** The text panel. */
export function SourceText({ text, marks, focus }: { text: string; marks: Mark[]; focus: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => runs(text, marks), [text, marks]);
  useEffect(() => {
    const target = box.current?.querySelector(`[data-key="${focus ?? "task"}"]`) ?? box.current?.querySelector('[data-key="task"]');
    target?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [focus, marks]);
  return (
    <div
      ref={box}
      data-testid="source-text"
      style={{ whiteSpace: "pre-wrap", lineHeight: 1.9, fontSize: 14, height: "70vh", overflowY: "auto", padding: 12, border: "1px solid #e5e7eb", borderRadius: 8, background: "#fff" }}
    >
      {parts.map((p) =>
        p.mark ? (
          <mark
            key={p.start}
            data-key={p.mark.key}
            data-kind={p.mark.kind}
            style={{
              background: MARK_COLOURS[p.mark.kind],
              textDecoration: p.mark.kind === "deadline" ? "underline" : undefined,
              outline: focus && p.mark.key === focus ? "2px solid #0e7490" : undefined,
              padding: 0,
              borderRadius: 2,
            }}
          >
            {text.slice(p.start, p.end)}
          </mark>
        ) : (
          <span key={p.start}>{text.slice(p.start, p.end)}</span>
        ),
      )}
    </div>
  );
}
