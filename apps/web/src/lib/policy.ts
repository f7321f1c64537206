import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

/** The part of a policy item the forms and the person page show (the engine owns the rest). */
export type TPolicyItem = {
  policy: string;
  code: string;
  kind: 'deduction' | 'bonus' | 'computed' | 'fine';
  category?: string;
  text: string;
  textEn?: string;
  clause: string;
  points?: number;
  unit?: string;
  levels?: { key: string; name: string; nameEn?: string; points?: number }[];
  aggravation?: { points: number; text: string };
  isWindowItem?: boolean;
  fine?: { amount: number; forfeitsMonthlyBonus?: boolean };
};

type TVersion = { code: string; version: number; effectiveFrom: string; body?: unknown };

/** The items of the policies in force today, newest version of each code first. */
export function policyItems(versions: readonly TVersion[], today: string): TPolicyItem[] {
  const inForce = new Map<string, TVersion>();
  for (const version of versions) {
    if (version.effectiveFrom > today) continue;
    const current = inForce.get(version.code);
    if (
      !current ||
      version.effectiveFrom > current.effectiveFrom ||
      (version.effectiveFrom === current.effectiveFrom && version.version > current.version)
    ) {
      inForce.set(version.code, version);
    }
  }
  const items: TPolicyItem[] = [];
  for (const [code, version] of [...inForce.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const body = (version.body ?? {}) as { items?: unknown };
    if (!Array.isArray(body.items)) continue;
    for (const item of body.items as Omit<TPolicyItem, 'policy'>[]) items.push({ ...item, policy: code });
  }
  return items;
}

export function usePolicyItems() {
  const trpc = useTRPC();
  const today = new Date().toISOString().slice(0, 10);
  return useQuery({
    ...trpc.policies.list.queryOptions(undefined, { select: (versions) => policyItems(versions, today) }),
    staleTime: 30 * 60_000,
  });
}

/** 'A4 与服务对象发生争吵…' for a select option; English text when asked and known. */
export function itemLabel(item: TPolicyItem, locale: 'zh-CN' | 'en'): string {
  return `${item.code} ${locale === 'en' && item.textEn ? item.textEn : item.text}`;
}
