/**
 * @module HJ 212-2017 §6.4 Table 4 and §6.6 CP data area: `CP=&&key=value;…&&`, items of one factor joined by `,`,
 * different items by `;`. Keys are `xxxxxx-Rtd`, `-Min`, `-Avg`, `-Max`, `-ZsRtd`…, `-Cou`, `-Flag`, `-EFlag`,
 * `-SampleTime`, `-SN`, `-Info` (factor fields), `SBxxx-RS`/`-RT` (treatment facility state / run time),
 * `DataTime`, `BeginTime`/`EndTime`, and plain parameters (`RtdInterval`, `QnRtn`, `PolId` …). Parsing is a single
 * character scan; spaces around keys and values are dropped (seen in the standard's own examples).
 */

/** Fields of one factor group, e.g. `{ Rtd: "7.1", Flag: "N" }` for `w01001-Rtd=7.1,w01001-Flag=N`. */
export interface Factor {
  /** Factor code as sent (`w21003`, or a 2005 code like `060`). */
  code: string;
  /** Field name (`Rtd`, `Min`, `Avg`, `Max`, `Cou`, `Flag`, `EFlag`, `SampleTime`, `ZsRtd` …) → raw value text. */
  fields: Record<string, string>;
}

/** State of one treatment facility (`SB1-RS=1`, `SB1-RT=23.5`). */
export interface Device {
  /** Facility id as sent, e.g. "SB1". */
  id: string;
  /** `RS` (run state 0–5) and/or `RT` (daily run hours), raw text. */
  fields: Record<string, string>;
}

/** A parameter that is neither a factor field nor a facility field, in sending order. */
export interface CpParam {
  /** Parameter name, e.g. "RtdInterval". */
  key: string;
  /** Raw value text ("" when the item had no `=`). */
  value: string;
}

/** The parsed CP area. */
export interface CpArea {
  /** `DataTime` (YYYYMMDDhhmmss) as sent. */
  dataTime?: string;
  /** `BeginTime` of a history request. */
  beginTime?: string;
  /** `EndTime` of a history request. */
  endTime?: string;
  /** Factor groups in sending order (a factor sent twice appears twice). */
  factors: Factor[];
  /** Facility groups (`SBxxx-…`) in sending order. */
  devices: Device[];
  /** All other parameters in sending order (repeated keys kept). */
  other: CpParam[];
}

/** An empty CP area. */
export function emptyCp(): CpArea {
  return { factors: [], devices: [], other: [] };
}

const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Parses the text between `CP=&&` and the closing `&&`. Never throws.
 * @example parseCp("DataTime=20160801084000;w01018-Avg=21.5,w01018-Flag=N").factors[0].fields.Avg // "21.5"
 */
export function parseCp(body: string): CpArea {
  return parseCpRange(body, 0, body.length);
}

/**
 * Parses `s[from, to)` as a CP body without copying it first (the packet parser's hot path).
 */
export function parseCpRange(s: string, from: number, to: number): CpArea {
  const cp = emptyCp();
  let groupCode = ""; // code of the factor/facility group being filled in the current ';' item
  let group: Record<string, string> | null = null;
  let start = from;
  while (start <= to) {
    // one entry: up to the next ',' or ';'; remember the first '=' and the first '-' before it
    let eq = -1, dash = -1, k = start;
    for (; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c === 59 || c === 44) break; // ';' ','
      if (eq < 0) {
        if (c === 61) eq = k; // '='
        else if (c === 45 && dash < 0) dash = k; // '-'
      }
    }
    const endsItem = k >= to || s.charCodeAt(k) === 59;
    let ka = start, kb = eq < 0 ? k : eq;
    while (ka < kb && isSpace(s.charCodeAt(ka))) ka++;
    while (kb > ka && isSpace(s.charCodeAt(kb - 1))) kb--;
    let va = eq < 0 ? k : eq + 1, vb = k;
    while (va < vb && isSpace(s.charCodeAt(va))) va++;
    while (vb > va && isSpace(s.charCodeAt(vb - 1))) vb--;
    if (kb > ka || vb > va) {
      const value = s.slice(va, vb);
      if (dash > ka && dash < kb - 1) {
        const field = s.slice(dash + 1, kb);
        const codeLen = dash - ka;
        // compare in place before slicing a new code string: most entries continue the current group
        const same = group !== null && groupCode.length === codeLen && s.startsWith(groupCode, ka) && !Object.hasOwn(group, field);
        if (!same) {
          group = {};
          groupCode = s.slice(ka, dash);
          const isDevice = codeLen > 2 && s.charCodeAt(ka) === 83 && s.charCodeAt(ka + 1) === 66; // "SB"
          if (isDevice) cp.devices.push({ id: groupCode, fields: group });
          else cp.factors.push({ code: groupCode, fields: group });
        }
        // a peer may send a "__proto__" field; keep it as data, not as the object's prototype
        if (field === "__proto__") Object.defineProperty(group, field, { value, enumerable: true, writable: true, configurable: true });
        else (group as Record<string, string>)[field] = value;
      } else {
        const key = s.slice(ka, kb);
        if (key === "DataTime" && cp.dataTime === undefined) cp.dataTime = value;
        else if (key === "BeginTime" && cp.beginTime === undefined) cp.beginTime = value;
        else if (key === "EndTime" && cp.endTime === undefined) cp.endTime = value;
        else cp.other.push({ key, value });
      }
    }
    if (endsItem) group = null;
    start = k + 1;
  }
  return cp;
}

function fieldsText(code: string, fields: Record<string, string>): string {
  let out = "";
  for (const field in fields) out += (out ? "," : "") + code + "-" + field + "=" + fields[field];
  return out;
}

/**
 * Writes a CP area back (without `CP=&&`/`&&`): DataTime, BeginTime,EndTime, other parameters, factors (one `;`
 * item each, fields joined by `,`), facilities. `parseCp(serialiseCp(cp))` equals `cp`.
 * @example serialiseCp({ dataTime: "20160801084000", factors: [{ code: "w01018", fields: { Avg: "21.5" } }], devices: [], other: [] })
 */
export function serialiseCp(cp: CpArea): string {
  const items: string[] = [];
  if (cp.dataTime !== undefined) items.push("DataTime=" + cp.dataTime);
  const window: string[] = [];
  if (cp.beginTime !== undefined) window.push("BeginTime=" + cp.beginTime);
  if (cp.endTime !== undefined) window.push("EndTime=" + cp.endTime);
  if (window.length) items.push(window.join(","));
  for (const { key, value } of cp.other) items.push(key + "=" + value);
  for (const f of cp.factors) items.push(fieldsText(f.code, f.fields));
  for (const d of cp.devices) items.push(fieldsText(d.id, d.fields));
  return items.join(";");
}
