import { describe, expect, it } from 'vitest';
import { EN, ZH_CN } from './dictionary.ts';
import { translate } from './i18n.tsx';

describe('translate', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('zh-CN', 'eff.casesOf', { name: '张三' })).toBe('张三 的办件');
    expect(translate('en', 'eff.casesOf', { name: 'Zhang San' })).toBe('Cases of Zhang San');
  });

  it('has an English text for every Chinese key, and no empty text', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH_CN).sort());
    for (const text of [...Object.values(EN), ...Object.values(ZH_CN)]) expect(text.trim()).not.toBe('');
  });
});
