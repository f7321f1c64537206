import type http from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';

export interface TQueryPathOptions<TContext> {
  router: AnyTRPCRouter;
  /** the same context the standard handler builds */
  createContext: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<TContext>;
  onError?: (opts: { error: TRPCError; path: string }) => void;
}

/**
 * The lean path for the dashboard's reads: one query over GET (`/trpc/<path>?input=<json>`, not a
 * batch, not a stream) answered straight on the Node request and response.
 *
 * tRPC's Node adapter turns every request into a Fetch `Request` and writes the `Response` body through
 * a Web stream; for a sub-millisecond query that conversion costs more than the query. This path calls
 * the same procedure (same middlewares, input parser and error formatter) and writes the same JSON,
 * status and headers (`trpc-query.test.ts` compares the two on every kind of answer). Anything else
 * returns false and goes to the standard handler: batches, mutations, unknown paths, other methods.
 *
 * Returns true when it took the request.
 */
export function createQueryPath<TContext>(
  opts: TQueryPathOptions<TContext>,
): (req: http.IncomingMessage, res: http.ServerResponse, rest: string) => boolean {
  const config = opts.router._def._config;
  const procedures = opts.router._def.procedures as Record<string, unknown>;
  return (req, res, rest) => {
    if (req.method !== 'GET') return false;
    // the standard handler's content-type check, stream and subscription headers: leave those to it
    const contentType = req.headers['content-type'];
    if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) return false;
    if (req.headers['trpc-accept'] !== undefined || req.headers['last-event-id'] !== undefined) return false;
    const q = rest.indexOf('?');
    const rawPath = q === -1 ? rest : rest.slice(0, q);
    if (rawPath.includes(',')) return false;
    const params = new URLSearchParams(q === -1 ? '' : rest.slice(q + 1));
    if (params.has('batch') || params.has('connectionParams')) return false;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return false;
    }
    const proc = Object.hasOwn(procedures, path)
      ? (procedures[path] as TProcedure<TContext> | undefined)
      : undefined;
    if (typeof proc !== 'function' || proc._def?.type !== 'query') return false;

    const rawInput = params.get('input');
    let input: unknown;
    let isInputRead = false;
    const getRawInput = async () => {
      if (!rawInput) return undefined;
      try {
        input = JSON.parse(rawInput);
      } catch (cause) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      }
      isInputRead = true;
      return input;
    };
    void answer(req, res, path, proc, getRawInput, () => (isInputRead ? input : undefined));
    return true;
  };

  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    proc: TProcedure<TContext>,
    getRawInput: () => Promise<unknown>,
    inputRead: () => unknown,
  ): Promise<void> {
    let ctx: TContext | undefined;
    let body: unknown;
    try {
      ctx = await opts.createContext(req, res);
      const data = await proc({ path, getRawInput, ctx, type: 'query', signal: undefined, batchIndex: 0 });
      if (isDataStream(data))
        throw new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
        });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError?.({ error, path });
      body = {
        error: getErrorShape({ config, ctx, error, input: inputRead(), path, type: 'query' }),
      };
    }
    let text: string;
    try {
      text = JSON.stringify(transformTRPCResponse(config, body as never));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError?.({ error, path });
      body = { error: getErrorShape({ config, ctx, error, input: inputRead(), path, type: 'query' }) };
      text = JSON.stringify(transformTRPCResponse(config, body as never));
    }
    if (res.writableEnded) return;
    res.statusCode = getHTTPStatusCode(body as never);
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
  }
}

type TProcedure<TContext> = ((opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: TContext;
  type: 'query';
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>) & { _def?: { type?: string } };

/** tRPC's own test: a result holding promises or async iterables needs a streaming link. */
function isDataStream(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (isAsyncIterable(v)) return true;
  return Object.values(v).some(isPromise) || Object.values(v).some(isAsyncIterable);
}
