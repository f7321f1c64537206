import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every setting of the server, validated once. No `process.env` anywhere else. */
export const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** directory of the SQLite file (ignored when DATABASE_URL is set) */
  DATA_DIR: z.string().min(1).default(path.resolve(here, '../../../data')),
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite */
  DATABASE_URL: z.string().url().optional(),
  /** the built dashboard */
  WEB_DIST: z.string().default(path.resolve(here, '../../web/dist')),
  /** load the demo center into an empty database on start */
  DEMO: z.enum(['auto', 'off']).default('auto'),
  /** request body limit for tRPC, bytes */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** procedures per batched request */
  MAX_BATCH_SIZE: z.coerce.number().int().positive().default(20),
  /** fixes "today" (ISO date) for demos and checks; default: the real date */
  TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** set when served behind HTTPS: the session cookie gets Secure */
  COOKIE_SECURE: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** set behind a reverse proxy: rate limits then key on the first X-Forwarded-For hop */
  TRUST_PROXY: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Parses the environment; exits with one readable line per bad setting. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`配置错误 ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  return parsed.data;
}
