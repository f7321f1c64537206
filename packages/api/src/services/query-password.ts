import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
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

/**
 * The query password (查询密码) is not chosen by a person: it is 8 symbols drawn by the CSPRNG from an
 * alphabet of 31 (no 0/O, 1/I/L), about 40 bits. A random secret of that size does not need the
 * OWASP cost of a login password (N=2^17, ~0.3 s) to resist offline guessing: at N=2^12 a leaked hash
 * still costs ~2^39 scrypt runs of 4 MiB each. Online guessing is stopped by the rate limit. The cost
 * is in the stored string, so it can be raised later without breaking stored hashes.
 */
const PARAMS = { N: 2 ** 12, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_PASSWORD_LENGTH = 8;

/** A fresh query password for a receipt. */
export function newQueryPassword(): string {
  let out = '';
  for (let i = 0; i < QUERY_PASSWORD_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** What an applicant types is compared case-insensitively, spaces ignored. */
export function normaliseQueryPassword(password: string): string {
  return password.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export async function hashQueryPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(normaliseQueryPassword(password), salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a query password in constant time; a malformed stored value never matches. */
export async function verifyQueryPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(normaliseQueryPassword(password), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** A hash no password matches, checked when a code is unknown so both answers take the same time. */
export function dummyQueryPasswordHash(): Promise<string> {
  dummy ??= hashQueryPassword(randomBytes(24).toString('base64'));
  return dummy;
}
