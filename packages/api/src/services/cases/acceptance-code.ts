import { randomInt } from 'node:crypto';
import { type Db, isAcceptanceCodeTaken } from '@chuangkou/db';

/** A code made without a query: the day and eight random digits (not guessable from the volume of cases). */
export function newCodeFor(on: string): string {
  return `${on.replaceAll('-', '')}${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

/** A new acceptance code that no case has yet. */
export async function newAcceptanceCode(db: Db, on: string): Promise<string> {
  for (;;) {
    const code = newCodeFor(on);
    if (!(await isAcceptanceCodeTaken(db, code))) return code;
  }
}
