import { describe, expect, it } from 'vitest';
import { PAGE_MAX, reservePage } from './pages.ts';

/** Counts the turns of the event loop: one increment per check phase, for as long as it runs. */
function turnCounter(): { now: () => number; stop: () => void } {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (running = false) };
}

describe('list pages and the event loop', () => {
  it('lets the pages of parallel requests go one a turn, so other requests are polled between them', async () => {
    const turns = turnCounter();
    const admitted: number[] = [];
    // five requests in flight at once, each asking for a full page
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await reservePage({ listRows: { asked: 0 } }, undefined);
        admitted.push(turns.now());
      }),
    );
    turns.stop();
    expect(admitted).toHaveLength(5);
    expect(new Set(admitted).size).toBe(5);
  });

  it('still counts every page against the request’s budget', async () => {
    const ctx = { listRows: { asked: 0 } };
    expect(await reservePage(ctx, 50)).toBe(50);
    expect(await reservePage(ctx, undefined)).toBe(PAGE_MAX);
    expect(ctx.listRows.asked).toBe(250);
  });
});
