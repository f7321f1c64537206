import { BulletinError } from '../bulletin.errors.ts';
import type { TUnitLetter, TUnitLetterCause, TUnitLettersBulletin } from '../bulletin.types.ts';
import { monthLabel } from '../labels.ts';
import type { TLine, TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines } from './common.ts';

/** How each cause reads in the letter's 事项 column. */
export const UNIT_LETTER_CAUSES: Readonly<Record<TUnitLetterCause, string>> = {
  report: '一月内三次以上违规，通报所在单位',
  notifyUnit: '违反劳动纪律，通报所在单位',
  circulatedCriticism: '通报批评',
  returnToUnit: '连续二次考核“不称职”，退回所在单位',
};

/**
 * 通报所在单位 / 退回所在单位 (考核细则 二(二): 向所在单位领导通报; 二(一): 连续二次考核为“不称职”的人员
 * 将退回所在单位; 处罚办法: 一月内出现三次以上行为，向科室、窗口的主管单位通报): one letter (one sheet)
 * per unit, to its leaders, citing each clause in the seed's own words; the center's own readings are
 * printed apart under 本中心执行口径.
 */
export function unitLettersSheets(bulletin: TUnitLettersBulletin): TSheetSpec[] {
  const period = monthLabel(bulletin.period);
  if (bulletin.letters.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有需要通报所在单位的人员`,
      `nobody to report to a unit in ${period}`,
      'period',
    );
  }
  const issuer = bulletin.issuer ?? bulletin.center;
  const draft = bulletin.runningAsOf ? '（征求意见稿）' : '';
  const names = new Set<string>();
  return bulletin.letters.map((letter) => {
    let name = letter.unit.slice(0, 24);
    for (let k = 2; names.has(name); k++) name = `${letter.unit.slice(0, 22)}${k}`;
    names.add(name);
    return letterSheet(bulletin, letter, name, period, issuer, draft);
  });
}

function letterSheet(
  bulletin: TUnitLettersBulletin,
  letter: TUnitLetter,
  name: string,
  period: string,
  issuer: string,
  draft: string,
): TSheetSpec {
  const returned = letter.entries.some((e) => e.cause === 'returnToUnit');
  const rows: TRow[] = letter.entries.map((entry, index) => ({
    cells: [
      index + 1,
      entry.name,
      entry.window,
      UNIT_LETTER_CAUSES[entry.cause],
      entry.fact,
      `${entry.clause}：“${entry.seedText}”`,
    ],
    isMarked: entry.cause === 'returnToUnit',
  }));
  const people = new Set(letter.entries.map((e) => e.name)).size;
  const title = `关于${letter.unit}派驻窗口工作人员${period}考核情况的通报${returned ? '（含退回所在单位）' : ''}${draft}`;
  const interpretations: TLine[] =
    letter.interpretations.length === 0
      ? []
      : [
          { kind: 'blank' },
          {
            kind: 'text',
            text: '本中心执行口径（中心自定，非《考核细则》《处罚办法》原文）：',
            font: 'meta',
          },
          ...letter.interpretations.map(
            (text, i): TLine => ({ kind: 'text', text: `${i + 1}. ${text}`, font: 'meta' }),
          ),
        ];
  return {
    name,
    orientation: 'portrait',
    title,
    runningHead: `${title} ${letter.unit}`,
    columns: [
      { header: '序号', minWidth: 6 },
      { header: '姓名', minWidth: 9 },
      { header: '窗口', align: 'left', maxWidth: 18, wrap: true },
      { header: '事项', align: 'left', minWidth: 14, maxWidth: 18, wrap: true },
      { header: '情况', align: 'left', minWidth: 14, maxWidth: 20, wrap: true },
      { header: '依据条款（原文）', align: 'left', minWidth: 26, maxWidth: 40, wrap: true },
    ],
    preamble: [
      { kind: 'text', text: `${letter.unit}领导：` },
      {
        kind: 'text',
        text:
          `　　根据《${bulletin.policyTitles[0]}》二(二)“实行通报制度……向所在单位领导通报”` +
          // the fines document is cited only by a letter with a fine's report in it
          `${
            letter.entries.some((e) => e.cause === 'report')
              ? bulletin.policyTitles
                  .slice(1)
                  .map((t) => `及《${t}》`)
                  .join('')
              : ''
          }的规定，` +
          `现将贵单位派驻${bulletin.center}窗口的${people}名工作人员${period}的有关情况通报如下，请予以教育管理。` +
          (returned ? '其中连续二次考核“不称职”的人员，依规定退回贵单位，请予以接洽。' : ''),
      },
      ...(bulletin.runningAsOf
        ? [
            {
              kind: 'text',
              text: `　　${period}尚未结束，本通报截至${bulletin.runningAsOf}，仅供核对，不予送达。`,
              font: 'meta',
            } as TLine,
          ]
        : []),
    ],
    table: { kind: 'table', rows },
    after: [...interpretations, ...issuerLines(issuer, bulletin.publishedOn)],
  };
}
