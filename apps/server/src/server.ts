import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import {
  appRouter,
  createContextInner,
  sessionIdOf,
  sessionTokenFromCookie,
  sessionUser,
} from '@chuangkou/api';
import type { DbRoot } from '@chuangkou/db';
import type { TRPCError } from '@trpc/server';
import { BULLETIN_PATH, handleBulletinDownload } from './bulletin-download.ts';
import { handleImport, IMPORT_PATH } from './import-upload.ts';
import { createTrpcHandler } from './trpc-handler.ts';

export interface TServerOptions {
  db: DbRoot;
  webDist: string;
  maxBodyBytes: number;
  maxBatchSize: number;
  isSecure: boolean;
  /** behind a reverse proxy: the client's address is the first X-Forwarded-For hop */
  trustProxy?: boolean | undefined;
  today?: (() => string) | undefined;
  /** every tRPC request through tRPC's standalone handler (tests compare it with the GET path) */
  standardOnly?: boolean | undefined;
}

/** The client's address for the rate limits (login, the public status query). */
export function clientAddressOf(req: http.IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>窗口考核系统</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>窗口考核系统 · Window-service assessment</h1>
<p>API 已启动：<code>/trpc</code>，健康检查：<a href="/api/health">/api/health</a>。</p>
<p>The dashboard has not been built yet (<code>pnpm build</code> builds apps/web).</p>
</body></html>`;

/** Sends a file of the built dashboard, or index.html for client routes, or the placeholder. */
async function serveStatic(root: string, urlPath: string, res: http.ServerResponse): Promise<void> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const file = path.normalize(path.join(root, decoded));
  const candidates =
    file.startsWith(root + path.sep) || file === root
      ? [file, path.join(root, 'index.html')]
      : [path.join(root, 'index.html')];
  for (const candidate of candidates) {
    const s = await stat(candidate).catch(() => null);
    if (s?.isFile()) {
      const isAsset = candidate.includes(`${path.sep}assets${path.sep}`);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(candidate)] ?? 'application/octet-stream',
        'Content-Length': s.size,
        'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      createReadStream(candidate).pipe(res);
      return;
    }
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(PLACEHOLDER);
}

/**
 * The dashboard's Content-Security-Policy: scripts, fonts and connections from this origin only; styles
 * inline too (Ant Design writes its CSS-in-JS as <style> elements and charts set style attributes);
 * never framed, no plugins, forms and <base> to this origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response; HSTS only over HTTPS (`COOKIE_SECURE=1`). */
export function securityHeaders(isSecure: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isSecure && { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
  };
}

/** Whether a request target decodes: a malformed escape (`%zz`, a cut UTF-8 sequence) is a bad request. */
export function isDecodableTarget(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** The HTTP host: /api/health, tRPC at /trpc, the dashboard everywhere else. Thin: no rules here. */
export function createServer(opts: TServerOptions): http.Server {
  const createContext = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const token = sessionTokenFromCookie(req.headers.cookie);
    const sessionId = token ? sessionIdOf(token) : null;
    const user = sessionId ? await sessionUser(opts.db, sessionId) : null;
    return createContextInner({
      db: opts.db,
      user,
      sessionId,
      isSecure: opts.isSecure,
      clientAddress: clientAddressOf(req, opts.trustProxy ?? false),
      userAgent: req.headers['user-agent'] ?? null,
      today: opts.today,
      setHeader: (name, value) => res.setHeader(name, value),
    });
  };
  const onError = ({ error, path: procedure }: { error: TRPCError; path?: string | undefined }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      console.error(`[trpc] ${procedure ?? '?'}:`, error.cause ?? error);
  };
  const trpc = createTrpcHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: opts.maxBodyBytes,
    maxBatchSize: opts.maxBatchSize,
    createContext,
    onError,
    isStandardOnly: opts.standardOnly,
  });
  const webRoot = path.resolve(opts.webDist);
  const headers = securityHeaders(opts.isSecure);
  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // tRPC decodes its own paths and answers a malformed one itself (a JSON error, never a 5xx)
    const isTrpc = url.startsWith('/trpc/') || url === '/trpc';
    if (!isTrpc && !isDecodableTarget(url)) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('请求地址无效 (malformed URL)');
      return;
    }
    if (url === '/api/health' || url.startsWith('/api/health?')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    if (isTrpc) {
      trpc(req, res);
      return;
    }
    if (url.startsWith(BULLETIN_PATH)) {
      void handleBulletinDownload(req, res, createContext);
      return;
    }
    if (url.startsWith(IMPORT_PATH)) {
      void handleImport(req, res, createContext);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(webRoot, url, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
