/**
 * @module Text rules for complaints: the public copy of a description with personal data masked (mobile and landline
 * numbers, 18-digit 居民身份证 numbers per GB 11643-1999, e-mail addresses, 车牌号), and a similarity of two
 * descriptions (Dice coefficient over character bigrams, which suits Chinese text without word segmentation).
 */

const MASKS: [RegExp, string][] = [
  // ID card numbers first: 17 digits + digit or X.
  [/(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g, "[身份证号已隐去]"],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[邮箱已隐去]"],
  // Mobile numbers (optionally +86), with spaces or dashes inside.
  [/(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?![0-9])/g, "[电话已隐去]"],
  // Landlines: 0 + area code (2–3 digits) + 7–8 digits.
  [/(?<![0-9])0\d{2,3}[- ]?\d{7,8}(?![0-9])/g, "[电话已隐去]"],
  // Vehicle plates: province character + letter + 5–6 alphanumerics.
  [/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}/g, "[车牌已隐去]"],
];

/**
 * The description as the public may read it: personal numbers and addresses of people masked.
 * @example publicText("联系我13912345678") // "联系我[电话已隐去]"
 */
export function publicText(text: string): string {
  let out = text;
  for (const [re, mask] of MASKS) out = out.replace(re, mask);
  return out;
}

function bigrams(s: string): Map<string, number> {
  const clean = s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
  const m = new Map<string, number>();
  if (clean.length === 1) m.set(clean, 1);
  for (let i = 0; i + 1 < clean.length; i++) {
    const g = clean.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Dice similarity of two texts in [0, 1] over character bigrams (punctuation and spaces ignored).
 * @example similarity("河里有黑水排出", "河里有黑水排放") // 0.833…
 */
export function similarity(a: string, b: string): number {
  const x = bigrams(a), y = bigrams(b);
  let nx = 0, ny = 0, common = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  if (nx + ny === 0) return 0;
  for (const [g, v] of x) common += Math.min(v, y.get(g) ?? 0);
  return (2 * common) / (nx + ny);
}
