/**
 * @module Small pieces of the enterprise pages: the state of a factor's online monitoring as a tag (联网 /
 * 申报未联网 / 未安装), pollutants as tags, and the options of pollutant selects.
 */
import { Tag } from "antd";
import { ENTERPRISE_POLLUTANTS, type MonitorState } from "../../../../../domain/registries/enterprise";
import type { MessageKey, Translate } from "../../../i18n";

const COLOURS: Record<MonitorState, string> = { connected: "green", declared: "gold", none: "red" };

/** A monitor state as a tag. */
export function MonitorTag({ state, t, testId }: { state: MonitorState; t: Translate; testId?: string }) {
  return <Tag color={COLOURS[state]} data-testid={testId} data-state={state}>{t(`enterprises.monitor.${state}` as MessageKey)}</Tag>;
}

/** Pollutant options (name and code) in the current language. */
export function pollutantOptions(t: Translate) {
  return ENTERPRISE_POLLUTANTS.map((p) => ({ value: p.code, label: `${t.lang === "zh" ? p.zh : p.en}（${p.code}）` }));
}
