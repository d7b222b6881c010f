/**
 * @module The controls above a series chart: factor, stored series (lab samples, hour, day …), time range (presets
 * ending at the newest data, or any range) and aggregation (raw with LTTB, hour/day/month buckets on the server).
 */
import { DatePicker, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReadingPeriod, SeriesBucket } from "../../api/types";
import { useT, type MessageKey } from "../../i18n";

/** Range presets. */
export type RangePreset = "7d" | "30d" | "90d" | "1y" | "3y" | "custom";

/** What a series chart shows. */
export interface SeriesWindow {
  factor: string | undefined;
  period: ReadingPeriod;
  bucket: SeriesBucket;
  preset: RangePreset;
  /** The range when `preset` is custom. */
  custom: [Dayjs, Dayjs] | null;
}

const PRESET_DAYS: Record<Exclude<RangePreset, "custom">, number> = { "7d": 7, "30d": 30, "90d": 90, "1y": 366, "3y": 1096 };
const PERIODS: ReadingPeriod[] = ["sample", "hour", "day", "min", "rt"];
const BUCKETS: SeriesBucket[] = ["raw", "hour", "day", "month"];

/**
 * The [from, to) instants of a window. Presets end just after `anchor` (the newest value), so a point whose data
 * stopped months ago still shows its last stretch rather than an empty chart.
 */
export function windowRange(w: SeriesWindow, anchor: Date | null): { from: string; to: string } {
  if (w.preset === "custom" && w.custom) return { from: w.custom[0].startOf("day").toISOString(), to: w.custom[1].endOf("day").add(1, "ms").toISOString() };
  const days = PRESET_DAYS[w.preset === "custom" ? "1y" : w.preset];
  const end = dayjs(anchor ?? new Date()).add(1, "day").startOf("day");
  return { from: end.subtract(days, "day").toISOString(), to: end.toISOString() };
}

/** Props of `SeriesControls`. */
export interface SeriesControlsProps {
  value: SeriesWindow;
  onChange: (next: SeriesWindow) => void;
  /** Factor options (code → label); omit to hide the factor picker. */
  factors?: { value: string; label: string }[];
  /** Series that have data (others are still offered). */
  periods?: ReadingPeriod[];
}

/** The control row. */
export function SeriesControls({ value, onChange, factors, periods }: SeriesControlsProps) {
  const t = useT();
  const set = (patch: Partial<SeriesWindow>) => onChange({ ...value, ...patch });
  const offered = periods?.length ? PERIODS.filter((p) => periods.includes(p) || p === value.period) : PERIODS;
  return (
    <Space wrap>
      {factors && (
        <Select
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 220 }}
          placeholder={t("monitoring.series.factor")}
          value={value.factor}
          onChange={(factor: string) => set({ factor })}
          options={factors}
          data-testid="series-factor"
        />
      )}
      <Select
        style={{ width: 130 }}
        value={value.period}
        onChange={(period: ReadingPeriod) => set({ period })}
        options={offered.map((p) => ({ value: p, label: t(`monitoring.period.${p}` as MessageKey) }))}
        data-testid="series-period"
      />
      <Select
        style={{ width: 120 }}
        value={value.preset}
        onChange={(preset: RangePreset) => set({ preset, custom: preset === "custom" ? (value.custom ?? [dayjs().subtract(1, "year"), dayjs()]) : value.custom })}
        options={(["7d", "30d", "90d", "1y", "3y", "custom"] as RangePreset[]).map((p) => ({ value: p, label: t(`monitoring.range.${p}` as MessageKey) }))}
        data-testid="series-range"
      />
      {value.preset === "custom" && (
        <DatePicker.RangePicker
          value={value.custom}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && set({ custom: [r[0], r[1]] })}
          data-testid="series-range-custom"
        />
      )}
      <Select
        style={{ width: 150 }}
        value={value.bucket}
        onChange={(bucket: SeriesBucket) => set({ bucket })}
        options={BUCKETS.map((b) => ({ value: b, label: t(`monitoring.bucket.${b}` as MessageKey) }))}
        data-testid="series-bucket"
      />
    </Space>
  );
}
