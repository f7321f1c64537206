import type http from 'node:http';
import { createCaller, publicMessageOf, type TContext } from '@chuangkou/api';
import {
  BULLETIN_KINDS,
  bulletinFileName,
  isBulletinError,
  isBulletinKind,
  renderBulletin,
  type TBulletin,
} from '@chuangkou/bulletin';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/** The path prefix: GET /api/bulletins/<kind>?year=&quarter=&month=&date= */
export const BULLETIN_PATH = '/api/bulletins/';

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The query string as the procedure's input: whole numbers as numbers, anything else as given; the
 * procedure's own schema checks it and names the field at fault.
 */
function inputOf(params: URLSearchParams): Record<string, string | number> {
  const input: Record<string, string | number> = {};
  for (const [name, value] of params) input[name] = /^-?\d{1,9}$/.test(value) ? Number(value) : value;
  return input;
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: message }));
}

/**
 * GET /api/bulletins/<kind>: the bulletin as an .xlsx attachment. The signed-in user (the session
 * cookie, as for /trpc) calls the procedure `bulletins.<kind>`, which is gated, scoped and
 * period-checked as the matching query; its refusal is sent with the HTTP status of its tRPC code and
 * the API's own Chinese message (401 without a session, 403 for a role, 400 for a bad or unbegun
 * period). An empty period, which has nothing to print, is refused by the bulletin (400).
 */
export async function handleBulletinDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  createContext: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<TContext>,
): Promise<void> {
  try {
    if (req.method !== 'GET') throw new RequestError(405, '只支持 GET');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const kind = decodeURIComponent(url.pathname.slice(BULLETIN_PATH.length));
    if (!isBulletinKind(kind)) {
      throw new RequestError(400, `未知的通报类型“${kind}”，可用：${BULLETIN_KINDS.join('、')}`);
    }
    const caller = createCaller(await createContext(req, res));
    const procedure = caller.bulletins[kind] as (input: unknown) => Promise<TBulletin>;
    const bulletin = await procedure(inputOf(url.searchParams));
    const xlsx = await renderBulletin(bulletin);
    const name = bulletinFileName(bulletin);
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Length': xlsx.length,
      'Content-Disposition': `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    res.end(xlsx);
  } catch (error) {
    if (error instanceof RequestError) return sendError(res, error.status, error.message);
    if (error instanceof TRPCError) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error('[bulletin]', error.cause ?? error);
      return sendError(res, getHTTPStatusCodeFromError(error), publicMessageOf(error));
    }
    if (isBulletinError(error)) return sendError(res, 400, error.message);
    console.error('[bulletin]', error);
    sendError(res, 500, '服务器内部错误，请稍后重试或联系管理员');
  }
}
