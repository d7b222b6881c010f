/**
 * @module HJ 212-2017 code tables: Table 5 system codes (ST), Table 9 command codes (CN), §6.6.4 return codes
 * (QnRtn/ExeRtn), Table 8 data flags (with the HJ/T 212-2005 meanings that differ), and the facility run states of
 * `SBxxx-RS`. Reference §4.7–4.10, §4.14. Water factor codes are in `factors.ts`.
 */

/** Table 5 system codes with their Chinese names. */
export const SYSTEM_CODES: Readonly<Record<string, string>> = {
  "21": "地表水质量监测", "22": "空气质量监测", "23": "声环境质量监测", "24": "地下水质量监测", "25": "土壤质量监测",
  "26": "海水质量监测", "27": "挥发性有机物监测", "31": "大气环境污染源", "32": "地表水体环境污染源",
  "33": "地下水体环境污染源", "34": "海洋环境污染源", "35": "土壤环境污染源", "36": "声环境污染源",
  "37": "振动环境污染源", "38": "放射性环境污染源", "39": "工地扬尘污染源", "41": "电磁环境污染源",
  "51": "烟气排放过程监控", "52": "污水排放过程监控", "91": "系统交互",
};

/** ST of every reply and notice packet (9011–9014). */
export const ST_SYSTEM = "91";

/** Table 9 command codes (2017) with their Chinese names. */
export const COMMAND_CODES: Readonly<Record<string, string>> = {
  "1000": "设置超时时间及重发次数", "1011": "提取/上传现场机时间", "1012": "设置现场机时间", "1013": "现场机时间校准请求",
  "1061": "提取/上传实时数据间隔", "1062": "设置实时数据间隔", "1063": "提取/上传分钟数据间隔", "1064": "设置分钟数据间隔",
  "1072": "设置现场机访问密码", "2011": "取/上传污染物实时数据", "2012": "停止察看污染物实时数据",
  "2021": "取/上传设备运行状态数据", "2022": "停止察看设备运行状态", "2031": "取/上传污染物日历史数据",
  "2041": "取/上传设备运行时间日历史数据", "2051": "取/上传污染物分钟数据", "2061": "取/上传污染物小时数据",
  "2081": "上传数采仪开机时间", "3011": "零点校准量程校准", "3012": "即时采样", "3013": "启动清洗/反吹",
  "3014": "比对采样", "3015": "超标留样", "3016": "设置采样时间周期", "3017": "提取/上传采样时间周期",
  "3018": "提取/上传出样时间", "3019": "提取/上传设备唯一标识", "3020": "提取/上传现场机信息", "3021": "设置现场机参数",
  "9011": "请求应答", "9012": "执行结果", "9013": "通知应答", "9014": "数据应答",
};

/** Commands that carry monitoring data uploads (field → host), by CN. */
export const UPLOAD_KINDS = {
  "2011": "realtime", "2051": "minute", "2061": "hour", "2031": "day", "2041": "facilityDay", "2081": "restart",
} as const;

/** Request return codes (QnRtn, §6.6.4 Table 6). */
export const QN_RTN = {
  1: "准备执行请求", 2: "请求被拒绝", 3: "PW错误", 4: "MN错误", 5: "ST错误", 6: "Flag错误", 7: "QN错误", 8: "CN错误", 9: "CRC校验错误", 100: "未知错误",
} as const;

/** A QnRtn value. */
export type QnRtn = keyof typeof QN_RTN;

/** Execution return codes (ExeRtn, §6.6.4 Table 7). */
export const EXE_RTN = {
  1: "执行成功", 2: "执行失败，但不知道原因", 3: "命令请求条件错误", 4: "通讯超时", 5: "系统繁忙不能执行", 6: "系统故障", 100: "没有数据",
} as const;

/** An ExeRtn value. */
export type ExeRtn = keyof typeof EXE_RTN;

/** Table 8 data flags (2017). F is "instrument stopped" (2005: emission source stopped); T is over the measuring range. */
export const DATA_FLAGS = {
  N: { zh: "在线监控（监测）仪器仪表工作正常", en: "normal" },
  F: { zh: "在线监控（监测）仪器仪表停运", en: "instrument stopped" },
  M: { zh: "在线监控（监测）仪器仪表处于维护期间产生的数据", en: "maintenance" },
  S: { zh: "手工输入的设定值", en: "manually entered value" },
  D: { zh: "在线监控（监测）仪器仪表故障", en: "instrument fault" },
  C: { zh: "在线监控（监测）仪器仪表处于校准状态", en: "calibration" },
  T: { zh: "在线监控（监测）仪器仪表采样数值超过测量上限", en: "above measuring range" },
  B: { zh: "在线监控（监测）仪器仪表与数采仪通讯异常", en: "instrument–DAQ communication failure" },
} as const;

/** A 2017 data flag. */
export type DataFlag = keyof typeof DATA_FLAGS;

/** HJ/T 212-2005 data flags whose meaning differs from or is absent in 2017 (reference §4.14). */
export const DATA_FLAGS_2005 = {
  P: { zh: "电源故障", en: "power failure (2005 only)" },
  F: { zh: "排放源停运", en: "emission source stopped (2005 meaning)" },
  C: { zh: "校验", en: "check (2005 meaning)" },
} as const;

/**
 * True when `s` is a 2017 data flag.
 * @example isDataFlag("N") // true
 */
export function isDataFlag(s: string): s is DataFlag {
  return s.length === 1 && Object.hasOwn(DATA_FLAGS, s);
}

/** `SBxxx-RS` facility states. */
export const FACILITY_STATES = { 0: "关闭", 1: "运行", 2: "校准", 3: "维护", 4: "报警", 5: "反吹" } as const;
