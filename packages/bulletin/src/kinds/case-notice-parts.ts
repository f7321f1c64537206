import { CASE_NOTICE_LABELS, type TCaseNoticeKind } from '@chuangkou/rules';
import { BulletinError } from '../bulletin.errors.ts';
import type { TIsoDate } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TLine, TRow, TSheetSpec } from '../sheet-writer.ts';

// The parts every written notice of a case shares: its heading fields, its two-column table, the
// signature lines.

export type TNoticeBase = {
  /** 行政服务中心 */
  center: string;
  /** 受理机关: the window's department */
  acceptingBody: string;
  acceptanceCode: string;
  applicant: { name: string; phone: string };
  matter: string;
  handler: { name: string; phone: string };
  /** the day the notice is handed over */
  issuedOn: TIsoDate;
};

export function invalid(field: string, message: string, messageEn: string): never {
  throw new BulletinError('INVALID_INPUT', message, messageEn, field);
}

const COLUMNS = [
  { header: '项目', minWidth: 16, maxWidth: 18 },
  { header: '内容', align: 'left' as const, minWidth: 56, maxWidth: 60, wrap: true },
];

export const row = (label: string, value: string): TRow => ({ cells: [label, value] });
export const person = (p: { name: string; phone: string }) =>
  p.phone ? `${p.name}　联系电话：${p.phone}` : p.name;

export function noticeSpec(
  n: TNoticeBase & { kind: TCaseNoticeKind },
  title: string,
  preamble: TLine[],
  rows: TRow[],
  after: TLine[],
  copy?: string,
): TSheetSpec {
  const center: TLine = { kind: 'text', text: n.center, align: 'center' };
  return {
    name: copy ? `${CASE_NOTICE_LABELS[n.kind].zh}（${copy}）` : CASE_NOTICE_LABELS[n.kind].zh,
    orientation: 'portrait',
    title,
    columns: COLUMNS,
    preamble: [center, ...preamble],
    table: { kind: 'table', rows },
    after,
    minRowHeight: 26,
  };
}

export const issuer = (n: TNoticeBase): TLine[] => [
  { kind: 'blank' },
  // one line: with two columns a split line would squeeze the handler's half into the label column
  {
    kind: 'text',
    font: 'meta',
    text: `承办人（签字）：${n.handler.name}＿＿＿＿＿＿　　　　申请人（签收）：＿＿＿＿＿＿＿＿`,
  },
  { kind: 'text', text: `${n.acceptingBody}（盖章）`, align: 'right' },
  { kind: 'text', text: dateLabel(n.issuedOn), align: 'right' },
];
