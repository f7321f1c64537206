import { DomainError } from '../errors.ts';

/**
 * Password hashing (scrypt) runs on libuv's thread pool, off the event loop, but the pool is shared
 * with file and DNS work and a burst of sign-ins would fill it. Hashes therefore run at most
 * `concurrency` at a time; at most `queue` more wait; past that a sign-in is refused at once (429)
 * rather than waiting behind a burst. Every other request keeps the rest of the pool.
 */
export const HASH_QUEUE_LIMITS = { concurrency: 2, queue: 32 };

let running = 0;
const waiting: Array<() => void> = [];

export const HASH_QUEUE_FULL = '服务器繁忙，请稍后再试';

/** Runs one hash under the queue's bounds. */
export async function inHashQueue<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_QUEUE_LIMITS.concurrency) {
    if (waiting.length >= HASH_QUEUE_LIMITS.queue) throw new DomainError('RATE_LIMITED', HASH_QUEUE_FULL);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // the slot passes straight to the next waiter, so `running` never drops below the queue's need
    if (next) next();
    else running--;
  }
}

/** Hashes running and waiting now (tests and the health of the queue). */
export function hashQueueLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
