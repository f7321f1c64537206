/** A label in the two languages of the interface: Chinese first, English second. */
export interface TLabel {
  zh: string;
  en: string;
}

/** The label of an enum value in a language. */
export function labelIn(label: TLabel, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? label.en : label.zh;
}
