import { useQuery } from '@tanstack/react-query';
import type { TRole } from './permissions.ts';
import { isUnauthorized, useTRPC } from './trpc.ts';

/** The signed-in user as the dashboard needs it. */
export type TSessionUser = {
  id: number;
  username: string;
  name: string;
  role: TRole;
  centerId: number;
  staffId: number | null;
  /** signed in with a one-time password: a new one must be set before anything else */
  mustChangePassword: boolean;
  /** a leader's position (主要领导 / 分管领导): the sign-off line they sign */
  signoffPosition: 'principal' | 'deputy' | null;
};

/** `auth.me`: the user, or null when nobody is signed in (an UNAUTHORIZED answer counts as null). */
export function useSession() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.auth.me.queryOptions(undefined, {
      select: (user): TSessionUser | null =>
        user
          ? {
              id: user.id,
              username: user.username,
              name: user.displayName,
              role: user.role,
              centerId: user.centerId,
              staffId: user.staffId,
              mustChangePassword: user.mustChangePassword,
              signoffPosition: user.signoffPosition,
            }
          : null,
    }),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const isSignedOut = query.isError && isUnauthorized(query.error);
  return { ...query, isSignedOut };
}
