import type { TLocale } from '../i18n/dictionary.ts';
import { translate } from '../i18n/i18n.tsx';
import { isRunning, periodLabel, type TPeriod } from './period.ts';

/** The dashboard pages that can be empty for a period that is still running. */
export type TEmptyPage =
  | 'peer'
  | 'fines'
  | 'assessment'
  | 'yearEnd'
  | 'redFlag'
  | 'efficiency'
  | 'complaints';

const RUNNING = {
  peer: 'empty.peerRunning',
  fines: 'empty.finesNoneRunning',
  assessment: 'empty.assessmentRunning',
  yearEnd: 'empty.yearEndRunning',
  redFlag: 'empty.redFlagRunning',
  efficiency: 'empty.efficiencyRunning',
  complaints: 'empty.complaintsRunning',
} as const;

const ENDED = {
  peer: 'empty.peerNone',
  fines: 'empty.finesNone',
  assessment: 'empty.assessmentNone',
  yearEnd: 'empty.assessmentNone',
  redFlag: null,
  efficiency: 'empty.efficiencyNone',
  complaints: 'empty.complaintsNone',
} as const;

/**
 * What an empty page says (domain "Time": empty states say why). A running period is empty because it
 * has not ended (互评 is tallied when the quarter ends, a month is signed after it ends); an ended one
 * because nothing was recorded. Null: the page's own text (e.g. 红旗窗口's 未获评 of an ended year).
 */
export function emptyWhy(
  page: TEmptyPage,
  period: TPeriod,
  locale: TLocale,
  today = new Date(),
): string | null {
  const vars = { period: periodLabel(period, locale) };
  if (isRunning(period, today)) return translate(locale, RUNNING[page], vars);
  const key = ENDED[page];
  return key === null ? null : translate(locale, key, vars);
}

/** A note above a running period's page (it is not empty, but it is not final either), else null. */
export function runningNote(
  page: 'peer' | 'fines',
  period: TPeriod,
  locale: TLocale,
  today = new Date(),
): string | null {
  if (!isRunning(period, today)) return null;
  return translate(locale, page === 'peer' ? 'empty.peerRunningNote' : 'empty.finesRunning', {
    period: periodLabel(period, locale),
  });
}
