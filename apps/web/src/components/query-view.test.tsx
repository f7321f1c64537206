import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, render } from '../test-utils.tsx';
import { QueryView } from './query-view.tsx';

const base = { data: undefined, error: null, isPending: false, isError: false, refetch: () => undefined };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('QueryView', () => {
  it('shows a skeleton while loading', async () => {
    const { container } = await render(
      <QueryView query={{ ...base, isPending: true }}>{() => 'data'}</QueryView>,
    );
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();
    expect(container.textContent).not.toContain('data');
  });

  it('shows the API message as it is, with a retry that refetches', async () => {
    const refetch = vi.fn();
    const error = new Error('所选期间尚未开始（今天是 2026-11-26）');
    const { container } = await render(
      <QueryView query={{ ...base, isError: true, error, refetch }}>{() => 'data'}</QueryView>,
    );
    expect(container.querySelector('[role=alert]')?.textContent).toContain(
      '所选期间尚未开始（今天是 2026-11-26）',
    );
    await click(container.querySelector('.ant-alert button'));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('shows the empty state when the data is empty, and the data otherwise', async () => {
    const empty = await render(
      <QueryView query={{ ...base, data: [] as number[] }} isEmpty={(rows) => rows.length === 0}>
        {(rows) => `n=${rows.length}`}
      </QueryView>,
    );
    expect(empty.container.textContent).toContain('暂无数据');
    const full = await render(
      <QueryView query={{ ...base, data: [1, 2] }} isEmpty={(rows) => rows.length === 0}>
        {(rows) => `n=${rows.length}`}
      </QueryView>,
    );
    expect(full.container.textContent).toBe('n=2');
  });
});
