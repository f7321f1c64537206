import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

/** The part of a policy item the forms and the person page show (the engine owns the rest). */
export type TPolicyItem = {
  policy: string;
  code: string;
  kind: 'deduction' | 'bonus' | 'computed' | 'fine';
  category?: string | undefined;
  text: string;
  textEn?: string | undefined;
  clause: string;
  points?: number | undefined;
  unit?: string | undefined;
  levels?:
    | { key: string; name: string; nameEn?: string | undefined; points?: number | undefined }[]
    | undefined;
  aggravation?: { points: number; text: string } | undefined;
  isWindowItem?: boolean | undefined;
  fine?:
    | {
        amount: number;
        forfeitsMonthlyBonus?: boolean | undefined;
        /** the post the fine is meant for (F10 保安, F2b and F9 前台) */
        post?: 'front' | 'back' | 'security' | undefined;
      }
    | undefined;
};

/** The server's answer of `policies.inForce`: each code's version in force and its items. */
type TInForce = { policies: { code: string; items: readonly Omit<TPolicyItem, 'policy'>[] }[] };

/** The items of the policies the server says are in force, each tagged with its policy's code. */
export function policyItems(answer: TInForce): TPolicyItem[] {
  return answer.policies.flatMap((p) => p.items.map((item) => ({ ...item, policy: p.code })));
}

/**
 * The items of the policies in force on the server's today. Which version is in force is the rules'
 * question, answered by the server (`policies.inForce`); the page never picks a version itself.
 */
export function usePolicyItems() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.policies.inForce.queryOptions(undefined, { select: policyItems }),
    staleTime: 30 * 60_000,
  });
}

/** 'A4 与服务对象发生争吵…' for a select option; English text when asked and known. */
export function itemLabel(item: TPolicyItem, locale: 'zh-CN' | 'en'): string {
  return `${item.code} ${locale === 'en' && item.textEn ? item.textEn : item.text}`;
}

/**
 * An item's name for a chip: its code and the seed's words up to the first pause, at most 14
 * characters ('F1 工作人员无故迟到或早退'); the whole text goes in the chip's tooltip.
 */
export function itemShortName(
  item: Pick<TPolicyItem, 'code' | 'text' | 'textEn'>,
  locale: 'zh-CN' | 'en',
): string {
  const text = locale === 'en' && item.textEn ? item.textEn : item.text;
  const head = text.split(/[，,；;。（(：:]/)[0]!.trim();
  const short = head.length > 14 ? `${head.slice(0, 13)}…` : head;
  return `${item.code} ${short}`;
}
