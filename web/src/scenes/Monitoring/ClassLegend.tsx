/**
 * @module The map legend: class colours (Ⅰ–Ⅱ blue, Ⅲ green, Ⅳ yellow, Ⅴ orange, 劣Ⅴ red, grey without data) and
 * the symbol of each point kind.
 */
import { Flex, Typography } from "antd";
import { useT } from "../../i18n";
import { NO_CLASS_COLOUR, classHex, kindText } from "./quality";

const SYMBOLS = [
  { kind: "section", glyph: "●" },
  { kind: "auto_station", glyph: "■" },
  { kind: "outlet", glyph: "▲" },
  { kind: "flow_station", glyph: "◆" },
  { kind: "drinking_intake", glyph: "◎" },
] as const;

/** Legend below the map. */
export function ClassLegend() {
  const t = useT();
  const swatches = [
    { colour: classHex(1), label: t("monitoring.legend.12") },
    { colour: classHex(3), label: t("monitoring.class.3") },
    { colour: classHex(4), label: t("monitoring.class.4") },
    { colour: classHex(5), label: t("monitoring.class.5") },
    { colour: classHex(6), label: t("monitoring.class.6") },
    { colour: NO_CLASS_COLOUR, label: t("monitoring.legend.none") },
  ];
  return (
    <Flex gap={16} wrap style={{ marginTop: 8, fontSize: 12 }} data-testid="monitoring-legend">
      <Flex gap={10} wrap>
        {swatches.map((s) => (
          <span key={s.label}>
            <span style={{ display: "inline-block", width: 12, height: 12, borderRadius: 6, background: s.colour, marginInlineEnd: 4, verticalAlign: -2 }} />
            {s.label}
          </span>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {SYMBOLS.map((s) => `${s.glyph} ${kindText(s.kind, t)}`).join("  ")}
      </Typography.Text>
    </Flex>
  );
}
