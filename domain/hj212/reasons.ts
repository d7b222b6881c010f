/**
 * @module Structured rejection reasons of the HJ 212 codec. Every way the codec refuses input (HJ 212-2017 §6.3
 * packet structure, §6.4 data segment, Table 3 field rules, Appendix A CRC) has a stable `code` id that callers,
 * logs and the UI can key on, with a Chinese and an English message. The codec never throws on bad input; it
 * returns one of these.
 */

/** Messages for every rejection code (zh first: the platform's users read Chinese). */
export const REASON_MESSAGES = {
  "frame.header_missing": { zh: "包头不是“##”", en: "packet does not start with \"##\"" },
  "frame.length_invalid": { zh: "数据段长度不是4位十进制数", en: "data-segment length is not 4 decimal digits" },
  "frame.too_long": { zh: "数据段长度超过1024", en: "data segment longer than 1024 characters" },
  "frame.too_short": { zh: "数据包过短", en: "packet too short to hold length, CRC and terminator" },
  "frame.length_mismatch": { zh: "数据段长度与声明不符", en: "declared length does not match the data segment" },
  "frame.crc_invalid": { zh: "CRC不是4位十六进制数", en: "CRC is not 4 hexadecimal digits" },
  "frame.crc_mismatch": { zh: "CRC校验错误", en: "CRC does not match the data segment" },
  "frame.garbage": { zh: "丢弃无法识别的字节", en: "skipped bytes that are not part of a packet" },
  "frame.truncated": { zh: "数据包未结束即出现新包头", en: "packet cut short by the start of another packet" },
  "frame.unterminated": { zh: "超过最大包长仍无包尾CR LF", en: "no CR LF within the maximum packet size" },
  "packet.cp_missing": { zh: "缺少指令参数CP=&&…&&", en: "missing command parameters CP=&&…&&" },
  "packet.cp_unterminated": { zh: "CP未以&&结束", en: "CP area is not closed by &&" },
  "packet.cp_trailing": { zh: "CP结束后仍有内容", en: "characters after the end of the CP area" },
  "packet.field_missing": { zh: "缺少必需字段", en: "a required field is missing" },
  "packet.field_invalid": { zh: "字段取值非法", en: "a field has an invalid value" },
  "packet.field_duplicate": { zh: "字段重复", en: "a field appears twice" },
  "packet.version_unsupported": { zh: "不支持的协议版本", en: "unsupported protocol version (Flag version bits)" },
  "split.inconsistent": { zh: "拆分包的总包数或头部不一致", en: "split packets disagree on PNUM or header" },
  "split.out_of_range": { zh: "包号超出总包数", en: "PNO outside 1…PNUM" },
  "split.duplicate": { zh: "重复的拆分包", en: "the same PNO arrived twice with different content" },
  "split.expired": { zh: "拆分包未在时限内收齐", en: "split packet set not completed in time" },
  "reading.not_upload": { zh: "不是数据上传命令", en: "not a data-upload command" },
  "reading.datatime_missing": { zh: "缺少数据时间DataTime", en: "missing DataTime" },
  "reading.datatime_invalid": { zh: "数据时间格式错误", en: "DataTime is not a valid YYYYMMDDhhmmss time" },
  "reading.factor_unknown": { zh: "未知的监测因子编码", en: "unknown factor code" },
  "reading.value_invalid": { zh: "监测值不是有效数字", en: "value is not a finite number" },
  "reading.flag_invalid": { zh: "未知的数据标记", en: "unknown data flag" },
} as const satisfies Record<string, { zh: string; en: string }>;

/** Stable id of a rejection, e.g. "frame.crc_mismatch". */
export type ReasonCode = keyof typeof REASON_MESSAGES;

/** Why the codec refused a packet, frame, field or reading. */
export interface Rejection {
  /** Stable id; never changes once released. */
  code: ReasonCode;
  /** Human-readable message in Chinese and English. */
  message: { zh: string; en: string };
  /** What exactly was wrong (field name, offending value, expected vs actual); may be empty. */
  detail: string;
}

/**
 * Builds a rejection with the catalogue message.
 * @example reject("frame.crc_mismatch", "expected 1C80, got 1C81")
 */
export function reject(code: ReasonCode, detail = ""): Rejection {
  return { code, message: REASON_MESSAGES[code], detail };
}
