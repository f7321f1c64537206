import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the public status page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.pushState({}, '', '/');
  });

  it('makes no request on load: an applicant has no session to check', async () => {
    const fetchSpy = vi.fn(async () => new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetchSpy);
    window.history.pushState({}, '', '/status');
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => root.render(<App />));
    for (let i = 0; i < 50 && !container.querySelector('[data-testid=page-status-query]'); i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    expect(container.querySelector('[data-testid=page-status-query]')).not.toBeNull();
    expect(fetchSpy.mock.calls.map((c) => String((c as unknown[])[0]))).toStrictEqual([]);
    act(() => root.unmount());
    container.remove();
  });
});
