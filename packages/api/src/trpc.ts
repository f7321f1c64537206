import type { TRole, TUser } from '@chuangkou/db';
import { RulesError } from '@chuangkou/rules';
import { type AnyProcedure, initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { TContext } from './context.ts';
import { DomainError } from './errors.ts';

// Validation messages in Chinese for the clerks (zod's own zh-CN locale).
z.config(z.locales.zhCN());

/** `['findings', 0, 'clause']` → `findings[0].clause` */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

const TRANSPORT_ZH: Partial<Record<string, string>> = {
  BAD_REQUEST: '请求无效',
  PARSE_ERROR: '请求格式错误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  NOT_FOUND: '请求的接口不存在',
  METHOD_NOT_SUPPORTED: '请求方法不被支持',
  UNSUPPORTED_MEDIA_TYPE: '请求类型须为 application/json',
  TOO_MANY_REQUESTS: '请求过于频繁',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '无权执行此操作',
};

/**
 * The message a user reads for an error of the API, in Chinese: the first invalid field of bad input,
 * never a stack trace or a driver message. The error formatter and the bulletin downloads both use it,
 * so a refusal reads the same wherever it is met.
 */
export function publicMessageOf(error: TRPCError): string {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const issue = cause.issues[0];
    const field = issue ? fieldPath(issue.path) : '';
    return field ? `输入有误：${field}：${issue?.message}` : `输入有误：${issue?.message ?? ''}`;
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') return '服务器内部错误，请稍后重试或联系管理员';
  // messages from tRPC itself (batch too large, body too large, unknown procedure) are English
  return /[\u4e00-\u9fff]/.test(error.message)
    ? error.message
    : `${TRANSPORT_ZH[error.code] ?? '请求无效'}（${error.message}）`;
}

/**
 * Who may call a procedure: the gate of its base procedure (below), kept as the procedure's meta so
 * that what the server tells the dashboard (`auth.permissions`) is read from the procedures themselves.
 */
export type TAccess =
  | 'public'
  | 'authed'
  | 'person'
  | 'cases'
  | 'head'
  | 'supervisor'
  | 'leader'
  | 'admin'
  | 'staffing'
  | 'catalog'
  | 'import'
  | 'platform';

export interface TProcedureMeta {
  access: TAccess;
}

/** The roles that pass each role gate. */
const GATE_ROLES: Record<
  'cases' | 'head' | 'supervisor' | 'leader' | 'admin' | 'staffing' | 'catalog' | 'import',
  readonly TRole[]
> = {
  // case handling and applicants' personal data: the case roles, never the administrator, who manages
  // accounts and settings
  cases: ['staff', 'head', 'supervisor', 'leader'],
  head: ['head', 'supervisor', 'leader'],
  supervisor: ['supervisor', 'leader'],
  leader: ['leader'],
  admin: ['admin'],
  staffing: ['leader', 'admin'],
  // the matter catalog: set up by the administrator when a center moves in, kept by 审管科
  catalog: ['admin', 'supervisor', 'leader'],
  // 导入: whoever may import some kind (each kind's own roles: IMPORT_KIND_SPECS, as on the command line)
  import: ['admin', 'supervisor', 'leader'],
};

/** Whether a user passes a gate: the one predicate the base procedures apply. */
export function passesGate(access: TAccess, user: TUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'authed') return true;
  if (access === 'person') return user.staffId !== null;
  if (access === 'platform') return user.role === 'admin' && user.isPlatformAdmin;
  return GATE_ROLES[access].includes(user.role);
}

/** The gate of a procedure, as its base procedure recorded it. */
export function accessOf(procedure: AnyProcedure): TAccess {
  return (procedure._def.meta as TProcedureMeta | undefined)?.access ?? 'public';
}

const t = initTRPC
  .context<TContext>()
  .meta<TProcedureMeta>()
  .create({
    defaultMeta: { access: 'public' },
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const message = publicMessageOf(error);
      if (cause instanceof ZodError) {
        const issue = cause.issues[0];
        const field = issue ? fieldPath(issue.path) : '';
        return {
          ...shape,
          message,
          data: { ...shape.data, stack: undefined, field, zodError: z.flattenError(cause) },
        };
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        return { ...shape, message, data: { ...shape.data, stack: undefined } };
      }
      const field = cause instanceof DomainError ? cause.field : undefined;
      /** the domain's own code (PUBLISHED, CONFLICT, …) next to tRPC's, for the dashboard to react on */
      const domainCode = cause instanceof DomainError ? cause.code : undefined;
      return {
        ...shape,
        message,
        data: { ...shape.data, stack: undefined, field, domainCode, zodError: null },
      };
    },
  });

/** Turns typed domain and rules errors into tRPC errors with their code and Chinese message. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
    }
    if (cause instanceof RulesError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause.messageZh, cause });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.meta({ access: 'public' }).use(domainErrors);

/** Any signed-in user. */
export const authedProcedure = publicProcedure.meta({ access: 'authed' }).use(({ ctx, path, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  // a one-time password set by an administrator: nothing answers but changing it (or leaving)
  if (ctx.user.mustChangePassword && !ONE_TIME_PASSWORD_PATHS.has(path)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码（至少8位）' });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** What a user signed in with a one-time password may still call. */
const ONE_TIME_PASSWORD_PATHS: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout']);

function roleProcedure(access: keyof typeof GATE_ROLES, message: string) {
  return authedProcedure.meta({ access }).use(({ ctx, next }) => {
    if (!passesGate(access, ctx.user)) throw new TRPCError({ code: 'FORBIDDEN', message });
    return next({ ctx });
  });
}

/** A person of the center (has a staff record): submits peer ratings, sees own scores. */
export const staffProcedure = authedProcedure.meta({ access: 'person' }).use(({ ctx, next }) => {
  if (!passesGate('person', ctx.user) || ctx.user.staffId === null)
    throw new TRPCError({ code: 'FORBIDDEN', message: '此操作仅限窗口工作人员' });
  return next({ ctx: { ...ctx, staffId: ctx.user.staffId } });
});
/** The case roles (staff, heads, 审管科, leaders): handle cases and see applicants' data. */
export const caseProcedure = roleProcedure('cases', '办件及申请人信息仅限办件岗位人员，系统管理员不经办办件');
/** 窗口负责人 and above: sees a window. */
export const headProcedure = roleProcedure('head', '此操作需要窗口负责人或以上权限');
/** 审管科 and duty leaders (and the leaders): record patrols, records, complaints, awards. */
export const supervisorProcedure = roleProcedure('supervisor', '此操作需要审管科或中心领导权限');
/** 中心领导: publishes and signs off. */
export const leaderProcedure = roleProcedure('leader', '此操作需要中心领导权限');
/** 系统管理员: centers, policies, users. */
export const adminProcedure = roleProcedure('admin', '此操作需要系统管理员权限');
/** 中心领导 and 系统管理员: move people between windows (人员调配). */
export const staffingProcedure = roleProcedure('staffing', '此操作需要中心领导或系统管理员权限');
/** 系统管理员, 审管科 and 中心领导: keep the matter catalog (事项目录). */
export const catalogProcedure = roleProcedure('catalog', '此操作需要系统管理员、审管科或中心领导权限');
/** Whoever may import some kind (导入); each kind checks its own roles. */
export const importProcedure = roleProcedure('import', '此操作需要系统管理员、审管科或中心领导权限');
/** 平台管理员: every center (a center's administrator sees only their own). */
export const platformProcedure = authedProcedure.meta({ access: 'platform' }).use(({ ctx, next }) => {
  if (!passesGate('platform', ctx.user))
    throw new TRPCError({ code: 'FORBIDDEN', message: '此操作需要平台管理员权限' });
  return next({ ctx });
});
