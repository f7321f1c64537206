import 'dayjs/locale/zh-cn';
import { labelIn, type TLabel } from '@chuangkou/rules/vocabulary';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { EN, type TKey, type TLocale, ZH_CN } from './dictionary.ts';

const STORAGE_KEY = 'chuangkou.locale';

type TI18n = {
  locale: TLocale;
  setLocale: (locale: TLocale) => void;
  t: (key: TKey, vars?: Record<string, string | number>) => string;
  /** the label of an enum value (they live beside their enum in the rules) in the user's language */
  l: (label: TLabel) => string;
};

const I18nContext = createContext<TI18n | null>(null);

/** Fills `{name}` placeholders. */
export function translate(locale: TLocale, key: TKey, vars?: Record<string, string | number>): string {
  const text: string = locale === 'en' ? EN[key] : ZH_CN[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function initialLocale(): TLocale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: TLocale }) {
  const [locale, setState] = useState<TLocale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: TLocale) => {
    setState(next);
    dayjs.locale(next === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  const value = useMemo<TI18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      l: (label) => labelIn(label, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
