import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createCaller, isImportKind, publicMessageOf, startImportJob, type TContext } from '@chuangkou/api';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/**
 * The path prefix: `POST /api/imports/<kind>?dryRun=1` (the file as the body, its name in the
 * `X-File-Name` header, URI-encoded) and `GET /api/imports/<kind>/template`.
 */
export const IMPORT_PATH = '/api/imports/';

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The body into a file, refused past `maxBytes` (counted as it arrives, whatever Content-Length says). */
async function saveBody(req: http.IncomingMessage, file: string, maxBytes: number): Promise<void> {
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes)
        done(
          new RequestError(
            413,
            `文件过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB），请按月拆分后导入`,
          ),
        );
      else done(null, chunk);
    },
  });
  await pipeline(req, cap, createWriteStream(file));
}

/**
 * The 导入 page's two routes. Both ask the `imports` procedures first (the session cookie, as for
 * /trpc: 401 without a session, 403 for another role than the administrator). An upload is saved to a
 * temporary file and imported by a job on the server (`startImportJob`, the same `runImport` as the
 * command line); the answer is the job, which the page polls with `imports.job`. The custom header
 * keeps another site's form from posting a file with the user's cookie.
 */
export async function handleImport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  createContext: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<TContext>,
): Promise<void> {
  let dir: string | null = null;
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [kind, tail, ...rest] = url.pathname.slice(IMPORT_PATH.length).split('/');
    if (!kind || !isImportKind(kind) || rest.length > 0 || (tail !== undefined && tail !== 'template'))
      throw new RequestError(404, '没有这种导入');
    const ctx = await createContext(req, res);
    const caller = createCaller(ctx);
    if (tail === 'template') {
      if (req.method !== 'GET') throw new RequestError(405, '只支持 GET');
      const t = await caller.imports.template({ kind });
      const bytes = Buffer.from(t.base64, 'base64');
      res.writeHead(200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': bytes.length,
        'Content-Disposition': `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(t.fileName)}`,
        'Cache-Control': 'no-store',
      });
      res.end(bytes);
      return;
    }
    if (req.method !== 'POST') throw new RequestError(405, '只支持 POST');
    const { maxBytes } = await caller.imports.canUpload({ kind });
    const rawName = req.headers['x-file-name'];
    if (typeof rawName !== 'string' || rawName === '')
      throw new RequestError(400, '缺少文件名（X-File-Name）');
    const fileName = path.basename(decodeURIComponent(rawName)).slice(0, 200);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes)
      throw new RequestError(
        413,
        `${fileName}：文件过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB），请按月拆分后导入`,
      );
    dir = await mkdtemp(path.join(tmpdir(), 'ck-upload-'));
    const file = path.join(dir, 'upload');
    await saveBody(req, file, maxBytes);
    const uploadDir = dir;
    const job = startImportJob(ctx.db, ctx.user!, ctx.today(), {
      kind,
      path: file,
      cleanUp: () => rm(uploadDir, { recursive: true, force: true }),
      fileName,
      isDryRun: url.searchParams.get('dryRun') === '1',
    });
    dir = null; // the job removes it when it ends
    sendJson(res, 202, job);
  } catch (error) {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (error instanceof RequestError) return sendJson(res, error.status, { error: error.message });
    if (error instanceof TRPCError) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error('[import]', error.cause ?? error);
      return sendJson(res, getHTTPStatusCodeFromError(error), { error: publicMessageOf(error) });
    }
    console.error('[import]', error);
    sendJson(res, 500, { error: '服务器内部错误，请稍后重试或联系管理员' });
  }
}
