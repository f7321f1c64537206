// 规程 二、5: incomplete materials are never a reason to return or refuse a case — that is what 补办 is
// for. A reason is read as citing missing materials when it pairs a word of lack (缺, 未提供, 没有, 不全,
// 需补充 …) with a word for a document (材料, 证明, 身份证, 复印件, 申请表 …) or with one of the matter's
// own required materials, however it is worded.

const LACK =
  /缺|少了|未(能)?(提供|提交|提报|递交|携带|带|附|出具|上传|交|备齐|补齐|办理好)|没(有)?(提供|提交|带|附|交)|无法提供|无相关|不全|不齐|不完整|不完备|遗漏|漏(交|报|附|带)|补(充|正|交|齐|办|报|全)|待补|尚需|还需|需(要)?(提供|提交|补)/;
const DOCUMENT =
  /材料|资料|证明|证件|证书|证照|身份证|户口|户籍|复印件|原件|申请表|申请书|表格|照片|相片|执照|合同|协议|文件|凭证|票据|发票|图纸|委托书|授权书|证/;
const LACK_EN =
  /\b(missing|incomplete|lack(s|ing)?|without|not (provided|submitted|supplied|attached|brought)|(did not|didn't|failed to|cannot|could not) (provide|submit|supply|attach|bring|produce))\b/i;
const DOCUMENT_EN =
  /\b(materials?|documents?|documentation|papers?|certificates?|forms?|id|identity|proof|copy|copies|licen[cs]e|photos?)\b/i;

/** The text without spaces and punctuation, so "缺 身份证明" and "缺，身份证明" read alike. */
const compact = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * True when a written reason cites incomplete or missing materials: a word of lack with a document, or
 * with one of the matter's `materials`.
 */
export function citesIncompleteMaterials(reason: string, materials: readonly string[] = []): boolean {
  const text = compact(reason);
  if (LACK_EN.test(reason) && DOCUMENT_EN.test(reason)) return true;
  if (!LACK.test(text)) return false;
  if (DOCUMENT.test(text)) return true;
  return materials.some((m) => {
    const name = compact(m);
    return name.length > 0 && text.includes(name);
  });
}
