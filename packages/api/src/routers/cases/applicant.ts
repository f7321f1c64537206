import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { TContext } from '../../context.ts';
import { authenticateApplicant } from '../../services/cases/applicant-status.service.ts';
import type { ZApplicantCredentials } from './case.schemas.ts';

/** The client's address as the HTTP host saw it (the host sets `clientAddress` on the context). */
function clientAddressOf(ctx: TContext): string | null {
  const a = (ctx as TContext & { clientAddress?: unknown }).clientAddress;
  return typeof a === 'string' && a.length > 0 ? a : null;
}

/** The applicant's sign-in for one call: the case, or TOO_MANY_REQUESTS / the one wrong-answer error. */
export async function applicantCase(ctx: TContext, input: z.infer<typeof ZApplicantCredentials>) {
  // without the host's address the pair and per-address limits cannot key (a shared bucket would lock
  // out every applicant at once); the per-code backstop still applies
  const address = clientAddressOf(ctx) ?? `unknown-${Math.random()}`;
  const outcome = await authenticateApplicant(ctx.db, input, address);
  if (!outcome.ok)
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: '查询错误次数过多，请15分钟后再试或到窗口咨询',
    });
  return outcome.case;
}
