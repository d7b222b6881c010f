/**
 * @module Small pieces the public pages share: state tags, light dots, the empty state of a list another area has
 * not published yet, and dates in Beijing time.
 */
import type { ReactNode } from "react";
import { Empty, Tag } from "antd";
import dayjs from "dayjs";
import type { ComplaintState } from "../../api/complaints";
import { useT, type MessageKey } from "../../i18n";

const STATE_COLOURS: Record<ComplaintState, string> = {
  received: "blue", dispatched: "geekblue", investigating: "gold", resolved: "green", closed_not_fixed: "orange", duplicate: "default", invalid: "default",
};

/** A complaint state as a coloured tag. */
export function StateTag({ state }: { state: ComplaintState }) {
  const t = useT();
  return <Tag color={STATE_COLOURS[state]} data-testid="state-tag" data-state={state}>{t(`complaints.state.${state}` as MessageKey)}</Tag>;
}

/** Traffic-light colours of indicator status. */
export const LIGHT_COLOURS = { green: "#16a34a", amber: "#d97706", red: "#dc2626", none: "#9ca3af" } as const;

/** A date-time in Beijing time. */
export const when = (iso: string | null | undefined, withTime = true) => (iso ? dayjs(iso).format(withTime ? "YYYY-MM-DD HH:mm" : "YYYY-MM-DD") : "—");

/** A titled card-like section. */
export function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} style={{ background: "#fff", borderRadius: 10, padding: 12, marginBottom: 12, boxShadow: "0 1px 2px rgba(0,0,0,.05)" }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", marginBottom: 8, gap: 8 }}>
        <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** What a page shows while another area's public list is not published yet, or is empty. */
export function NotYet({ testId, text }: { testId: string; text: string }) {
  return <Empty data-testid={testId} description={text} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
