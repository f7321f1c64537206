import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../lib/format.ts';
import { render } from '../test-utils.tsx';
import { KpiCard } from './kpi-card.tsx';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('KpiCard', () => {
  it('shows the value with its change against the previous period and last year', async () => {
    const { container } = await render(
      <KpiCard
        title="办件量"
        kpi={{ value: 1100, previous: 1000, lastYear: 1250 }}
        format={(v) => formatNumber(v, 'zh-CN')}
      />,
    );
    expect(container.textContent).toContain('1,100');
    expect(container.textContent).toContain('环比 10.0%');
    expect(container.textContent).toContain('同比 12.0%');
    expect(container.querySelector('.anticon-arrow-up')).not.toBeNull();
    expect(container.querySelector('.anticon-arrow-down')).not.toBeNull();
  });

  it('colours a rise red when lower is better (overdue cases)', async () => {
    const { container } = await render(
      <KpiCard
        title="超期件数"
        kpi={{ value: 12, previous: 10, lastYear: null }}
        format={(v) => String(v)}
        isLowerBetter
      />,
    );
    const rise = [...container.querySelectorAll('span')].find((span) => span.textContent?.startsWith('环比'));
    expect(rise?.getAttribute('style')).toMatch(/#cf1322|rgb\(207, 19, 34\)/);
    expect(container.textContent).toContain('同比 无可比数据');
  });

  it('says why a running quarter’s figure is compared with nothing, with no arrow', async () => {
    const { container } = await render(
      <KpiCard
        title="优秀人数"
        kpi={{
          value: 18,
          previous: null,
          lastYear: null,
          noComparison: '2026年第4季度尚未结束（进行中）：等级按整季度评定，进行中的草稿不与其他季度比较',
        }}
        format={(v) => String(v)}
      />,
    );
    expect(container.textContent).toContain('季度进行中，不作比较');
    expect(container.textContent).not.toContain('环比');
    expect(container.querySelector('.anticon-arrow-up, .anticon-arrow-down')).toBeNull();
  });
});
