import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

export type TDomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'CONFLICT'
  | 'BAD_INPUT'
  | 'PUBLISHED'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'TOO_LARGE';

const TRPC_CODE: Record<TDomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  BAD_INPUT: 'BAD_REQUEST',
  PUBLISHED: 'PRECONDITION_FAILED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/**
 * A typed domain error: the services throw it (never an HTTP error); `trpc.ts` maps it to a tRPC code.
 * `message` is Chinese for a clerk; `field` names the input field when there is one.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: TDomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return TRPC_CODE[this.code];
  }
}

export const notFound = (what: string, field?: string) =>
  new DomainError('NOT_FOUND', `${what}不存在`, field);
export const forbidden = (message = '无权执行此操作') => new DomainError('FORBIDDEN', message);
export const badInput = (field: string, message: string) =>
  new DomainError('BAD_INPUT', `${field}：${message}`, field);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);

/**
 * A refusal of the rules (`RulesError`, a field and a Chinese message) as a refusal of this input:
 * BAD_INPUT on the input's own name of the field (`staff` → `staffId`), with the rules' message.
 */
export function refusedByRules(
  error: { path: string; detailZh: string },
  fields: Readonly<Record<string, string>> = {},
): DomainError {
  return badInput(fields[error.path] ?? error.path, error.detailZh);
}
