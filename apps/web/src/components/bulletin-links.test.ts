import { describe, expect, it } from 'vitest';
import { bulletinUrl, fileNameOf } from './bulletin-links.tsx';

describe('bulletinUrl', () => {
  it('puts the defined params in the query', () => {
    expect(bulletinUrl('results', { year: 2026, quarter: 3, month: undefined })).toBe(
      '/api/bulletins/results?year=2026&quarter=3',
    );
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name', () => {
    expect(
      fileNameOf(
        `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年第3季度考核结果公示.xlsx')}`,
      ),
    ).toBe('2026年第3季度考核结果公示.xlsx');
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
