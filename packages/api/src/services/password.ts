import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { inHashQueue } from './hash-queue.ts';

const scryptRaw = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt on the thread pool, through the bounded hashing queue. */
const scrypt = (...args: Parameters<typeof scryptRaw>) => inHashQueue(() => scryptRaw(...args));

/** OWASP strength; Node's default maxmem (32 MiB) is too small for N=2^17 (see `maxmem` below). */
export const DEFAULT_PASSWORD_COST = 2 ** 17;
const PARAMS = { N: DEFAULT_PASSWORD_COST, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * Sets the scrypt cost N of new hashes. Only test setups call it (a cheap cost keeps suites that hash
 * many passwords within their time on a busy machine); a stored hash always carries its own N.
 */
export function setPasswordCost(n: number): void {
  if (!Number.isInteger(Math.log2(n)) || n < 2 ** 10) throw new Error('N must be a power of two ≥ 1024');
  PARAMS.N = n;
}

/** A hash of nothing at the current cost: an unknown username costs the same time as a wrong password. */
export function dummyPasswordHash(): string {
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), so the cost can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
