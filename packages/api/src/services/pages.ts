import { z } from 'zod';
import type { TContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { ZDate, ZId } from '../schemas.ts';

/**
 * The largest page of every list (`cases.list`, `records.list`, `complaints.list`, `audit.list`,
 * `cases.sanctionProposals.list`): a page is read along an index that starts with the list's scope and
 * ends with its order, and stops at the page size, never sorting a whole table.
 */
export const PAGE_MAX = 200;

/**
 * The most list rows one request may ask for, over every call of its batch (the pages' `limit`s, the
 * default page counting as `PAGE_MAX`): five full pages. A batch that asks for more is answered
 * 413 on the calls past it, naming `limit`; the calls before it are answered.
 */
export const REQUEST_ROWS_MAX = 1000;

/** A page size: 1 to `PAGE_MAX`. */
export const ZPageLimit = z.number().int().min(1).max(PAGE_MAX);

/** The keyset cursor of a list ordered by date then id, newest first: the last row seen. */
export const ZDateCursor = z.object({ date: ZDate, id: ZId });

/**
 * The turns given to list pages, one page a turn of the event loop across the whole process. SQLite
 * answers synchronously: pages that each waited for `setImmediate` on their own would all be let go in
 * the same check phase and read back to back, holding every other request (the health check) until the
 * last. Chained, each page is let go a turn after the one before, and the loop polls for other requests
 * between two pages.
 */
let lastTurn: Promise<void> = Promise.resolve();

/** Resolves at the next event-loop turn no other page has taken. */
export function pageTurn(): Promise<void> {
  const turn = lastTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  lastTurn = turn;
  return turn;
}

/**
 * Counts a page against the request's budget (`REQUEST_ROWS_MAX`, shared by the calls of a batch:
 * the context is the request's) and returns the page size to read, at the page's own turn of the event
 * loop (`pageTurn`).
 */
export async function reservePage(
  ctx: Pick<TContext, 'listRows'>,
  limit: number | undefined,
): Promise<number> {
  const size = limit ?? PAGE_MAX;
  if (ctx.listRows.asked + size > REQUEST_ROWS_MAX)
    throw new DomainError(
      'TOO_LARGE',
      `limit：一次请求的列表合计最多 ${REQUEST_ROWS_MAX} 行（已请求 ${ctx.listRows.asked} 行，本页 ${size} 行），请分次翻页`,
      'limit',
    );
  ctx.listRows.asked += size;
  await pageTurn();
  return size;
}
