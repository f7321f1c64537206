import { Writable } from 'node:stream';
import { CASE_NOTICE_LABELS, citesIncompleteMaterials } from '@chuangkou/rules';
import ExcelJS from 'exceljs';
import type { TIsoDate } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import { safeSheetName, type TLine, type TRow, type TSheetSpec, writeSheet } from '../sheet-writer.ts';
import { invalid, issuer, noticeSpec, person, row, type TNoticeBase } from './case-notice-parts.ts';
import {
  resultNoticeSheets,
  type TCompletionNotice,
  type TEscalationExplanation,
  type TReviewDecision,
  validateResultNotice,
} from './case-result-notices.bulletin.ts';

/**
 * The written notices of a case (高新区 办件工作规程 二): the acceptance notice (受理通知单, one part to the
 * applicant, one kept by the window), the 补办件通知单 listing every missing material at once, and the
 * 退回件通知单 with the reasons. Plain data in, a printable one-page workbook out.
 */

/** ①–⑧ of 规程 二、2, and the service guide's fields an applicant needs. */
export type TAcceptanceNotice = TNoticeBase & {
  kind: 'acceptanceNotice';
  promisedDays: number;
  acceptedOn: TIsoDate;
  /** 取件时间: the deadline */
  pickupOn: TIsoDate;
  /** 暂定: the pickup day lies past the years whose holidays are known (printed as provisional) */
  pickupProvisional?: boolean;
  /** printed on the applicant's part only; the window's part shows it masked */
  queryPassword: string | null;
  channels: { query: string; evaluation: string; inquiryPhone: string; complaintPhone: string };
  legalBasis?: string;
  fees?: string;
};

export type TSupplementNotice = TNoticeBase & {
  kind: 'supplementNotice';
  /** every material to complete or correct, in one notice (一次性告知) */
  missing: readonly string[];
  /** the how-many-th 补办 on the case; a second one is printed as such */
  supplementNo: number;
  inquiryPhone?: string;
};

export type TReturnNotice = TNoticeBase & {
  kind: 'returnNotice';
  reasons: readonly string[];
  /** 救济途径: review, reconsideration or litigation */
  remedies?: string;
};

export type TCaseNotice =
  | TAcceptanceNotice
  | TSupplementNotice
  | TReturnNotice
  | TCompletionNotice
  | TEscalationExplanation
  | TReviewDecision;
export type { TCompletionNotice, TEscalationExplanation, TReviewDecision };

function validate(notice: TCaseNotice): void {
  if (!notice.acceptanceCode.trim())
    invalid('acceptanceCode', '缺少受理编号', 'the acceptance code is missing');
  if (!notice.applicant.name.trim())
    invalid('applicant.name', '缺少申请人姓名', "the applicant's name is missing");
  if (!notice.matter.trim()) invalid('matter', '缺少审批事项名称', 'the matter is missing');
  if (
    notice.kind === 'supplementNotice' &&
    (notice.missing.length === 0 || notice.missing.some((m) => !m.trim()))
  )
    invalid('missing', '补办件通知单须一次性列明全部需补齐的材料', 'list every missing material');
  if (
    notice.kind === 'completionNotice' ||
    notice.kind === 'escalationExplanation' ||
    notice.kind === 'reviewDecision'
  )
    validateResultNotice(notice);
  if (notice.kind === 'returnNotice') {
    if (notice.reasons.length === 0 || notice.reasons.some((r) => !r.trim()))
      invalid('reasons', '退回件通知单须书面说明不予受理的理由', 'a return notice needs its reasons');
    // 规程 二、5: 不得以申请人提交的材料不全为由拒绝受理
    if (notice.reasons.some((r) => citesIncompleteMaterials(r)))
      invalid(
        'reasons',
        '不得以申请材料不全为由退回，请出具补办件通知单',
        'incomplete materials are never a reason to return',
      );
  }
}

function acceptanceRows(n: TAcceptanceNotice, copy: 'applicant' | 'window'): TRow[] {
  const password =
    copy === 'applicant'
      ? (n.queryPassword ?? '（补打件不载明密码，请到窗口重新生成查询密码）')
      : '********（见申请人联）';
  const rows = [
    row('① 申请人', person(n.applicant)),
    row('② 审批事项', n.matter),
    row('③ 受理机关', n.acceptingBody),
    row('④ 承办人', person(n.handler)),
    row('⑤ 承诺时限', n.promisedDays === 0 ? '即办（当场或当天办结）' : `${n.promisedDays}个工作日`),
    row('⑥ 受理时间', dateLabel(n.acceptedOn)),
    row(
      '　 取件时间',
      n.pickupProvisional
        ? `${dateLabel(n.pickupOn)}（暂定：该年度节假日安排尚未公布，以公布后顺延的日期为准）`
        : `${dateLabel(n.pickupOn)}（遇法定节假日顺延）`,
    ),
    row('⑦ 受理编码', n.acceptanceCode),
    row('　 查询密码', password),
    row(
      '⑧ 查询、评议、投诉',
      [
        `查询：${n.channels.query}`,
        `评议：${n.channels.evaluation}`,
        n.channels.inquiryPhone ? `咨询电话：${n.channels.inquiryPhone}` : '',
        n.channels.complaintPhone ? `投诉电话：${n.channels.complaintPhone}` : '',
      ]
        .filter(Boolean)
        .join('；'),
    ),
  ];
  if (n.legalBasis) rows.push(row('设定依据', n.legalBasis));
  if (n.fees) rows.push(row('收费标准', n.fees));
  return rows;
}

/** The sheets of a notice, validated first: an input error is thrown before anything is written. */
export function caseNoticeSheets(notice: TCaseNotice): TSheetSpec[] {
  validate(notice);
  const code: TLine = {
    kind: 'text',
    font: 'meta',
    text: `受理编号：${notice.acceptanceCode}`,
    align: 'right',
  };
  switch (notice.kind) {
    case 'acceptanceNotice':
      // 规程 二、1: 一联当场交付申请人，一联存窗口单位
      return (['applicant', 'window'] as const).map((copy) =>
        noticeSpec(
          notice,
          CASE_NOTICE_LABELS.acceptanceNotice.zh,
          [
            code,
            {
              kind: 'text',
              font: 'meta',
              text: copy === 'applicant' ? '第一联：申请人留存' : '第二联：窗口单位存档',
            },
          ],
          acceptanceRows(notice, copy),
          issuer(notice),
          copy === 'applicant' ? '申请人联' : '存根联',
        ),
      );
    case 'supplementNotice':
      return [
        noticeSpec(
          notice,
          CASE_NOTICE_LABELS.supplementNotice.zh,
          [
            code,
            {
              kind: 'text',
              text: `${notice.applicant.name}：您申请办理的“${notice.matter}”事项，提交的材料不全或不符合要求。根据一次性告知制度，现将需补齐或补正的全部材料告知如下。补齐或补正材料之日为该事项正式受理之日，承诺时限自该日起计算。`,
            },
          ],
          notice.missing.map((m, i) => row(`${i + 1}`, m)),
          [
            ...(notice.supplementNo > 1
              ? [{ kind: 'text', font: 'meta', text: `注：本件第${notice.supplementNo}次补办。` } as TLine]
              : []),
            ...(notice.inquiryPhone
              ? [{ kind: 'text', font: 'meta', text: `咨询电话：${notice.inquiryPhone}` } as TLine]
              : []),
            ...issuer(notice),
          ],
        ),
      ].map((spec) => ({ ...spec, table: { ...spec.table, header: ['序号', '需补齐或补正的材料'] } }));
    case 'returnNotice':
      return [
        noticeSpec(
          notice,
          CASE_NOTICE_LABELS.returnNotice.zh,
          [
            code,
            {
              kind: 'text',
              text: `${notice.applicant.name}：您申请办理的“${notice.matter}”事项，经审查不符合法定条件，决定不予受理，理由如下。`,
            },
          ],
          notice.reasons.map((r, i) => row(`${i + 1}`, r)),
          [
            {
              kind: 'text',
              font: 'meta',
              text: notice.remedies ?? '如对本决定不服，可依法申请行政复议或者提起行政诉讼。',
            },
            ...issuer(notice),
          ],
        ),
      ].map((spec) => ({ ...spec, table: { ...spec.table, header: ['序号', '不予受理的理由'] } }));
    default:
      return resultNoticeSheets(notice);
  }
}

/** 受理通知单-2026112612345678.xlsx */
export function caseNoticeFileName(notice: TCaseNotice): string {
  return `${CASE_NOTICE_LABELS[notice.kind].zh}-${notice.acceptanceCode.replace(/[^0-9A-Za-z-]/g, '')}.xlsx`;
}

/** The notice as an in-memory .xlsx (a download, or a file: a notice is one page). */
export async function renderCaseNotice(notice: TCaseNotice): Promise<Buffer> {
  const sheets = caseNoticeSheets(notice);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = notice.acceptingBody || notice.center;
  for (const spec of sheets) writeSheet(workbook, { ...spec, name: safeSheetName(spec.name) }, sheets.length);
  await workbook.commit();
  return Buffer.concat(chunks);
}
