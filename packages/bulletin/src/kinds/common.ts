import { dateLabel } from '../labels.ts';
import type { TLine } from '../sheet-writer.ts';

/** The issuer and the date, right-aligned under the table, as an official notice ends. */
export function issuerLines(issuer: string, date: string): TLine[] {
  return [
    { kind: 'blank' },
    { kind: 'text', text: issuer, align: 'right' },
    { kind: 'text', text: dateLabel(date), align: 'right' },
  ];
}

/** A signature line: who signs, a line to sign on, and the date to fill in. */
export function signatureLine(role: string): TLine {
  return { kind: 'split', left: `${role}（签字）：＿＿＿＿＿＿＿＿`, right: '日期：　　　年　　月　　日' };
}

/** A signature line as signed: who and when, or 未签. */
export function signedLine(role: string, signature: { userName: string; signedAt: string } | null): TLine {
  return signature
    ? {
        kind: 'split',
        left: `${role}（签字）：${signature.userName}`,
        right: `日期：${dateLabel(signature.signedAt.slice(0, 10))}`,
      }
    : { kind: 'split', left: `${role}（签字）：未签`, right: '日期：未签' };
}

/** Sorts by window, then name, then the given key: pinyin order, numbers by value (2号 before 10号). */
export function byWindowAndName<T extends { window: string; name: string }>(
  rows: readonly T[],
  then: (a: T, b: T) => number,
): T[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...rows].sort(
    (a, b) => collator.compare(a.window, b.window) || collator.compare(a.name, b.name) || then(a, b),
  );
}
