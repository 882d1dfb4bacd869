import { z } from "zod";
import { formatMinor } from "./money";

/** A deposit as asked: a share of the total ("30%") or a fixed amount in cents. */
export type DepositAsked = { kind: "percent"; percent: number } | { kind: "amount"; amount: number };

const PERCENT = /^\s*(\d{1,3}(?:\.\d{1,2})?)\s*%\s*$/;
const CENTS = /^\s*\d+\s*$/;
const NONE = /^\s*0*(?:\.0*)?\s*%?\s*$/;

const DEPOSIT_FORMAT = 'a deposit is a percentage of the amount ("30%") or an amount in cents (15000 is 150.00)';

/**
 * "30%", 15000 or "15000"; nothing, "" and "0"/"0%" mean no deposit (CRM properties are often
 * empty rather than absent, and an empty one must not fail the run).
 */
export const ZDeposit = z.preprocess(
  (value) =>
    value === null || value === undefined || value === 0 || (typeof value === "string" && NONE.test(value))
      ? undefined
      : value,
  z
    .union([z.number(), z.string()])
    .transform((value, ctx): DepositAsked | typeof z.NEVER => {
      const text = String(value);
      const percent = PERCENT.exec(text);
      if (percent) {
        const share = Number(percent[1]);
        if (share > 100) {
          ctx.addIssue({ code: "custom", message: "a deposit cannot be more than 100% of the amount" });
          return z.NEVER;
        }
        return { kind: "percent", percent: share };
      }
      if (CENTS.test(text) && Number.isSafeInteger(Number(text)) && Number(text) > 0) {
        return { kind: "amount", amount: Number(text) };
      }
      ctx.addIssue({ code: "custom", message: `${DEPOSIT_FORMAT}; got "${text}"` });
      return z.NEVER;
    })
    .optional(),
);

/** The deposit in cents, half-up like an invoice would round it: 30% of 1,234.55 is 370.37. */
export function depositAmountOf(deposit: DepositAsked, total: number): number {
  if (deposit.kind === "amount") return deposit.amount;
  // In hundredths of a percent, so the product is an exact integer before the one rounding.
  const hundredths = Math.round(deposit.percent * 100);
  return Math.round((total * hundredths) / 10_000);
}

/** "Deposit (30%) for Wedding hair" / "Deposit for Wedding hair". */
export function depositLine(deposit: DepositAsked, description: string): string {
  return deposit.kind === "percent" ? `Deposit (${deposit.percent}%) for ${description}` : `Deposit for ${description}`;
}

/** The invoice memo: what the deposit is of, and that the balance comes later. */
export function depositMemo(deposit: number, total: number, currency: string, description: string): string {
  const money = (amount: number) => formatMinor(amount, currency.toUpperCase());
  return (
    `Deposit of ${money(deposit)} of ${money(total)} for ${description}, before tax; ` +
    `the balance of ${money(total - deposit)} is invoiced later.`
  );
}
