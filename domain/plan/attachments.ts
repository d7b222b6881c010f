/**
 * @module The 附件说明 of a plan (GB/T 9704-2012 §7.3.4): the list of attachment titles written after the body,
 * 「附件：1.中站区水源地名录」 with 「2.……」「3.……」 on the lines below, or 「附件：」 alone above a numbered list
 * that ends the document, runs into the signature or into the first attachment. Its numbered lines name
 * attachments, not tasks: the parser takes them out of the outline and reports the titles.
 */
import { splitSignature } from "./header";
import type { Paragraph } from "./structure";

/** The list found: titles in order and the paragraphs it took. */
export interface AttachmentList {
  titles: string[];
  /** Indices into the paragraphs passed in. */
  indices: number[];
}

const ITEM = /^(\d+)[.、．]\s*(.+)$/;
/** A title, not a task: short, one phrase, no sentence or clause punctuation. */
const isTitle = (s: string) => s.length <= 60 && !/[。；;，,]/.test(s);
const clean = (s: string) => s.replace(/[。；;，,\s]+$/, "").trim();
/** 「附件1」「附件2：……」: an attachment itself, where a list ends. */
const ANNEX_HEADING = /^附件\s*\d*\s*(?:[：:、．.]\s*)?(?!\d)/;

/**
 * Finds the 附件说明 list among `paras`, or null. A one-title 附件说明 (「附件：…分解表」) is not this function's:
 * `parsePlan` already tells it from an attachment by the signature after it.
 * @example attachmentList(paragraphs("…\n附件：1.名录\n2.清单"))?.titles // ["名录", "清单"]
 */
export function attachmentList(paras: readonly Paragraph[]): AttachmentList | null {
  for (let i = 0; i < paras.length; i++) {
    const inline = /^附件\s*[：:]\s*1[.、．]\s*(.+)$/.exec(paras[i].text);
    const bare = /^附件\s*[：:]$/.test(paras[i].text);
    if (!(inline && isTitle(inline[1])) && !bare) continue;
    const titles = inline ? [clean(inline[1])] : [];
    const indices = [i];
    let j = i + 1;
    for (; j < paras.length; j++) {
      const m = ITEM.exec(paras[j].text);
      if (!m || Number(m[1]) !== titles.length + 1 || !isTitle(m[2])) break;
      titles.push(clean(m[2]));
      indices.push(j);
    }
    if (titles.length < (inline ? 2 : 1)) continue;
    // 「附件：」 alone may head the attachment itself: a list only where it ends the text, meets the signature
    // or the first attachment.
    const rest = paras.slice(j);
    const next = rest.findIndex((p) => ANNEX_HEADING.test(p.text) && !/[，。；]/.test(p.text) && p.text.length <= 40);
    if (bare && rest.length && next !== 0 && splitSignature(next < 0 ? rest : rest.slice(0, next)).body.length) continue;
    return { titles, indices };
  }
  return null;
}
