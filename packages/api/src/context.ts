import type { DbRoot, TUser } from '@chuangkou/db';

/** What every procedure receives. */
export interface TContext {
  db: DbRoot;
  /** the signed-in user, or null */
  user: TUser | null;
  /** the session id (hash of the cookie token), when signed in */
  sessionId: string | null;
  /** sets a response header (the HTTP host supplies it; tests capture it) */
  setHeader: (name: string, value: string) => void;
  /** today, ISO date; a setting so tests and the demo can fix it */
  today: () => string;
  /** true over HTTPS: the session cookie then gets `Secure` */
  isSecure: boolean;
  /** the client's address as the HTTP host saw it (rate limits); null without a host */
  clientAddress: string | null;
  /** the client's User-Agent (the device a session is shown as); null without a host */
  userAgent: string | null;
  /** list rows this request has asked for so far, over all the calls of its batch (`pages.ts`) */
  listRows: { asked: number };
}

export interface TContextInnerOptions {
  db: DbRoot;
  user?: TUser | null;
  sessionId?: string | null;
  setHeader?: (name: string, value: string) => void;
  today?: () => string;
  isSecure?: boolean;
  clientAddress?: string | null;
  userAgent?: string | null;
}

/** The context without HTTP: used by tests (`createCaller(createContextInner(...))`) and by the host. */
export function createContextInner(opts: TContextInnerOptions): TContext {
  return {
    db: opts.db,
    user: opts.user ?? null,
    sessionId: opts.sessionId ?? null,
    setHeader: opts.setHeader ?? (() => {}),
    today: opts.today ?? (() => new Date().toISOString().slice(0, 10)),
    isSecure: opts.isSecure ?? false,
    clientAddress: opts.clientAddress ?? null,
    userAgent: opts.userAgent ?? null,
    listRows: { asked: 0 },
  };
}
