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
  /** the standard handler's limit; a longer batch is handed on, for its error */
  maxBatchSize: number;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

type TProcedure<TContext> = ((opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: TContext | undefined;
  type: 'query';
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>) & { _def?: { type?: string } };

type TCall<TContext> = { path: string; proc: TProcedure<TContext> };

/**
 * The lean path for the dashboard's reads: queries over GET, one (`/trpc/<path>?input=<json>`) or a
 * batch (`/trpc/<a>,<b>?batch=1&input={"0":…,"1":…}`, what the dashboard's `httpBatchLink` sends),
 * answered straight on the Node request and response.
 *
 * tRPC's Node adapter turns every request into a Fetch `Request` and writes the `Response` body through
 * a Web stream; for a sub-millisecond query that conversion costs more than the query. This path calls
 * the same procedures (same middlewares, input parsers and error formatter) and writes the same JSON,
 * status and headers (`trpc-query.test.ts` compares the two on every kind of answer). Anything else
 * returns false and goes to the standard handler: mutations, unknown paths, streams, a batch over the
 * limit, other methods.
 *
 * Returns true when it took the request.
 */
export function createQueryPath<TContext>(
  opts: TQueryPathOptions<TContext>,
): (req: http.IncomingMessage, res: http.ServerResponse, rest: string) => boolean {
  const config = opts.router._def._config;
  const procedures = opts.router._def.procedures as Record<string, unknown>;
  const queryAt = (path: string): TProcedure<TContext> | null => {
    const proc = Object.hasOwn(procedures, path) ? (procedures[path] as TProcedure<TContext>) : null;
    return typeof proc === 'function' && proc._def?.type === 'query' ? proc : null;
  };

  return (req, res, rest) => {
    if (req.method !== 'GET') return false;
    // the standard handler's content types, streams and subscriptions: leave those to it
    const contentType = req.headers['content-type'];
    if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) return false;
    if (req.headers['trpc-accept'] !== undefined || req.headers['last-event-id'] !== undefined) return false;
    if (req.headers.accept?.split(',').some((t) => t.trim() === 'application/jsonl')) return false;
    const q = rest.indexOf('?');
    const params = new URLSearchParams(q === -1 ? '' : rest.slice(q + 1));
    if (params.has('connectionParams')) return false;
    const batch = params.get('batch');
    if (batch !== null && batch !== '1') return false;
    const isBatch = batch === '1';
    let path: string;
    try {
      path = decodeURIComponent(q === -1 ? rest : rest.slice(0, q));
    } catch {
      return false;
    }
    const paths = isBatch ? path.split(',') : [path];
    if (paths.length > opts.maxBatchSize) return false;
    const calls: TCall<TContext>[] = [];
    for (const p of paths) {
      const proc = queryAt(p);
      if (!proc) return false;
      calls.push({ path: p, proc });
    }
    void answer(req, res, calls, isBatch, inputsOf(params.get('input'), isBatch));
    return true;
  };

  /** The inputs by call index, parsed once on first use, as tRPC reads them. */
  function inputsOf(raw: string | null, isBatch: boolean) {
    let parsed: Promise<Record<number, unknown>> | null = null;
    let value: Record<number, unknown> | undefined;
    const read = () => {
      parsed ??= (async () => {
        let inputs: unknown;
        try {
          if (raw) inputs = JSON.parse(raw);
        } catch (cause) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: cause instanceof Error ? cause.message : 'Invalid input',
            cause,
          });
        }
        const out: Record<number, unknown> = {};
        if (inputs !== undefined) {
          if (!isBatch) out[0] = inputs;
          else if (!isObject(inputs))
            throw new TRPCError({
              code: 'BAD_REQUEST',
              message: '"input" needs to be an object when doing a batch call',
            });
          else for (const [k, v] of Object.entries(inputs)) if (v !== undefined) out[Number(k)] = v;
        }
        value = out;
        return out;
      })();
      return parsed;
    };
    return {
      get: async (index: number) => (await read())[index],
      /** the input if it was read (an error shape shows it) */
      result: (index: number) => value?.[index],
    };
  }

  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    calls: TCall<TContext>[],
    isBatch: boolean,
    inputs: ReturnType<typeof inputsOf>,
  ): Promise<void> {
    let ctx: TContext | undefined;
    let ctxError: TRPCError | null = null;
    try {
      ctx = await opts.createContext(req, res);
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    const shapeOf = (error: TRPCError, path: string | undefined, input: unknown) => ({
      error: getErrorShape({ config, ctx, error, input, path, type: 'query' }),
    });
    const results = await Promise.all(
      calls.map(async ({ path, proc }, index) => {
        try {
          if (ctxError) throw ctxError;
          const data = await proc({
            path,
            getRawInput: () => inputs.get(index),
            ctx,
            type: 'query',
            signal: undefined,
            batchIndex: index,
          });
          return { data };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          opts.onError?.({ error, path });
          return { error: shapeOf(error, path, inputs.result(index)).error };
        }
      }),
    );
    // a result holding promises or async iterables needs a streaming link (tRPC's own check)
    const streamError = () =>
      new TRPCError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
      });
    let body: unknown;
    if (isBatch) {
      body = results.map((r, index) => {
        if ('error' in r) return { error: r.error };
        if (!isDataStream(r.data)) return { result: { data: r.data } };
        const error = streamError();
        opts.onError?.({ error, path: calls[index]!.path });
        return shapeOf(error, calls[index]!.path, inputs.result(index));
      });
    } else {
      const r = results[0]!;
      if ('error' in r) body = { error: r.error };
      else if (!isDataStream(r.data)) body = { result: { data: r.data } };
      else {
        // tRPC raises this one outside the call: no path, no input in the shape
        const error = streamError();
        opts.onError?.({ error, path: undefined });
        body = shapeOf(error, undefined, undefined);
      }
    }
    let text: string;
    try {
      text = JSON.stringify(transformTRPCResponse(config, body as never));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError?.({ error, path: undefined });
      body = shapeOf(error, undefined, undefined);
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

function isDataStream(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (isAsyncIterable(v)) return true;
  return Object.values(v).some(isPromise) || Object.values(v).some(isAsyncIterable);
}
