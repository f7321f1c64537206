import type http from 'node:http';
import {
  bulletinOf,
  sessionIdOf,
  sessionTokenFromCookie,
  sessionUser,
  type TBulletinRequest,
} from '@chuangkou/api';
import {
  BULLETIN_KINDS,
  bulletinFileName,
  isBulletinError,
  isBulletinKind,
  renderBulletin,
} from '@chuangkou/bulletin';
import type { DbRoot, TRole } from '@chuangkou/db';

/** The path prefix: GET /api/bulletins/<kind>?year=&quarter=&month=&date= */
export const BULLETIN_PATH = '/api/bulletins/';

/**
 * Who may download what. The notices of the notice board (results, behaviours, awards) go to every
 * signed-in user, as the seed posts them publicly; the sign-off summary, the patrol form and the
 * year-end list with its cadre proposals only to the supervisors and the leaders.
 */
const READERS: Record<(typeof BULLETIN_KINDS)[number], readonly TRole[]> = {
  results: ['admin', 'leader', 'supervisor', 'head', 'staff'],
  behaviours: ['admin', 'leader', 'supervisor', 'head', 'staff'],
  awards: ['admin', 'leader', 'supervisor', 'head', 'staff'],
  fines: ['admin', 'leader', 'supervisor'],
  patrol: ['admin', 'leader', 'supervisor'],
  yearend: ['admin', 'leader', 'supervisor'],
};

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function integer(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RequestError(400, `参数 ${name} 须为 ${min}–${max} 的整数`);
  }
  return value;
}

function requestOf(
  kind: (typeof BULLETIN_KINDS)[number],
  params: URLSearchParams,
  today: string,
): TBulletinRequest {
  const year = integer(params, 'year', 2000, 2100) ?? Number(today.slice(0, 4));
  const quarter = integer(params, 'quarter', 1, 4) as 1 | 2 | 3 | 4 | undefined;
  const month = integer(params, 'month', 1, 12);
  const need = (value: number | undefined, name: string): number => {
    if (value === undefined) throw new RequestError(400, `缺少参数 ${name}`);
    return value;
  };
  switch (kind) {
    case 'results':
      return { kind, year, quarter: need(quarter, 'quarter') as 1 | 2 | 3 | 4 };
    case 'behaviours':
      return { kind, year, quarter, month };
    case 'fines':
      return { kind, year, month: need(month, 'month') };
    case 'patrol': {
      const date = params.get('date') ?? undefined;
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new RequestError(400, '参数 date 须为 YYYY-MM-DD');
      return { kind, date };
    }
    case 'awards':
      return { kind, year, month };
    case 'yearend':
      return { kind, year };
  }
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: message }));
}

/**
 * GET /api/bulletins/<kind>: the bulletin of the signed-in user's center as an .xlsx attachment.
 * 401 without a session, 403 for a role that may not read the kind, 400 (with a Chinese message) for a
 * bad or empty period, an unknown kind or bad parameters.
 */
export async function handleBulletinDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: { db: DbRoot; today?: (() => string) | undefined },
): Promise<void> {
  try {
    if (req.method !== 'GET') throw new RequestError(405, '只支持 GET');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const kind = decodeURIComponent(url.pathname.slice(BULLETIN_PATH.length));
    if (!isBulletinKind(kind)) {
      throw new RequestError(400, `未知的通报类型“${kind}”，可用：${BULLETIN_KINDS.join('、')}`);
    }
    const token = sessionTokenFromCookie(req.headers.cookie);
    const user = token ? await sessionUser(opts.db, sessionIdOf(token)) : null;
    if (!user) throw new RequestError(401, '请先登录');
    if (!READERS[kind].includes(user.role)) throw new RequestError(403, '无权下载该通报');
    const today = opts.today?.() ?? new Date().toISOString().slice(0, 10);
    const bulletin = await bulletinOf(
      opts.db,
      user.centerId,
      requestOf(kind, url.searchParams, today),
      today,
    );
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
    if (isBulletinError(error)) return sendError(res, 400, error.message);
    if (error instanceof Error && error.name === 'DomainError') return sendError(res, 400, error.message);
    console.error('[bulletin]', error);
    sendError(res, 500, '服务器内部错误');
  }
}
