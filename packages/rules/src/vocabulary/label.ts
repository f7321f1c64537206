/** A term's label in the two languages of the interface: Chinese first, English second. */
export interface TLabel {
  readonly zh: string;
  readonly en: string;
}

export type TLabelLocale = 'zh-CN' | 'en';

/** The labels of every value of an enum, kept beside the enum. */
export type TLabels<K extends string | number> = Readonly<Record<K, TLabel>>;

/**
 * The label of a value in a locale; the value itself when it is not one the labels know (a value written
 * by a newer version, say), so a screen shows something rather than nothing.
 *
 * @example labelOf(GRADE_LABELS, 'basic', 'zh-CN') // 基本称职
 */
export function labelOf<K extends string | number>(
  labels: TLabels<K>,
  value: K | (string & {}) | null | undefined,
  locale: TLabelLocale = 'zh-CN',
): string {
  if (value === null || value === undefined) return '';
  const label = (labels as Readonly<Record<string | number, TLabel | undefined>>)[value];
  if (!label) return String(value);
  return locale === 'en' ? label.en : label.zh;
}
