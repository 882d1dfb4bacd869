/**
 * Invoice money, as connector-apis.md §6 "Totals" describes it: line discounts, then invoice
 * discounts spread over discountable lines, then tax per line per rate, rounded half away from
 * zero. Inclusive tax is carved out of the amount; exclusive tax is added on top. Pure.
 */

export interface TaxRateTerms {
  id: string;
  percentage: number;
  inclusive: boolean;
}

export interface DiscountTerms {
  id: string;
  percentOff: number | null;
  amountOff: number | null;
}

export interface TotalsLine {
  id: string;
  amount: number;
  discountable: boolean;
  discounts: DiscountTerms[];
  taxRates: TaxRateTerms[];
}

export interface TaxAmount {
  amount: number;
  taxRate: string;
  inclusive: boolean;
  taxableAmount: number;
}

export interface DiscountAmount {
  amount: number;
  discount: string;
}

export interface LineTotals {
  id: string;
  discountAmounts: DiscountAmount[];
  taxes: TaxAmount[];
}

export interface InvoiceTotals {
  lines: LineTotals[];
  subtotal: number;
  subtotalExcludingTax: number;
  totalDiscountAmounts: DiscountAmount[];
  totalTaxes: TaxAmount[];
  total: number;
  totalExcludingTax: number;
}

/** Percentages carry up to four decimals: 20 → 200_000 parts per million. */
const PPM = 1_000_000;
const toPpm = (percentage: number) => Math.round(percentage * 10_000);

/** round(value × numerator / denominator), half away from zero, in exact integer arithmetic. */
export function ratioRound(value: number, numerator: number, denominator: number): number {
  const sign = value < 0 ? -1n : 1n;
  const n = BigInt(Math.abs(value)) * BigInt(numerator);
  const d = BigInt(denominator);
  return Number(sign * ((2n * n + d) / (2n * d)));
}

function discountAmount(remaining: number, discount: DiscountTerms): number {
  if (remaining <= 0) return 0;
  if (discount.percentOff !== null) return ratioRound(remaining, toPpm(discount.percentOff), PPM);
  return Math.min(discount.amountOff ?? 0, remaining);
}

/** An invoice-level amount_off is shared in proportion to each line, largest remainders first. */
function shareAmountOff(amountOff: number, remaining: number[]): number[] {
  const base = remaining.reduce((sum, value) => sum + Math.max(value, 0), 0);
  if (base <= 0) return remaining.map(() => 0);
  const off = Math.min(amountOff, base);
  const exact = remaining.map((value) => (BigInt(Math.max(value, 0)) * BigInt(off) * 1_000n) / BigInt(base));
  const shares = exact.map((value) => Number(value / 1_000n));
  let leftover = off - shares.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => ({ index, fraction: Number(value % 1_000n) }));
  order.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (leftover <= 0) break;
    if ((remaining[index] ?? 0) - (shares[index] ?? 0) <= 0) continue;
    shares[index] = (shares[index] ?? 0) + 1;
    leftover -= 1;
  }
  return shares;
}

function lineTaxes(gross: number, rates: TaxRateTerms[]): TaxAmount[] {
  const inclusive = rates.filter((rate) => rate.inclusive);
  const inclusivePpm = inclusive.reduce((sum, rate) => sum + toPpm(rate.percentage), 0);
  const inclusiveTotal = ratioRound(gross, inclusivePpm, PPM + inclusivePpm);
  const net = gross - inclusiveTotal;
  let carved = 0;
  let seen = 0;
  return rates.map((rate) => {
    if (!rate.inclusive) {
      return {
        amount: ratioRound(net, toPpm(rate.percentage), PPM),
        taxRate: rate.id,
        inclusive: false,
        taxableAmount: net,
      };
    }
    seen += 1;
    // The last inclusive rate takes the rounding rest so the carved-out taxes add up exactly.
    const amount =
      seen === inclusive.length
        ? inclusiveTotal - carved
        : ratioRound(gross, toPpm(rate.percentage), PPM + inclusivePpm);
    carved += amount;
    return { amount, taxRate: rate.id, inclusive: true, taxableAmount: net };
  });
}

function addTo<T extends { amount: number }>(totals: Map<string, T>, key: string, entry: T, merge: (a: T, b: T) => T) {
  const existing = totals.get(key);
  totals.set(key, existing ? merge(existing, entry) : { ...entry });
}

export function computeInvoiceTotals(input: { lines: TotalsLine[]; invoiceDiscounts: DiscountTerms[] }): InvoiceTotals {
  const remaining = input.lines.map((line) => line.amount);
  const discountAmounts: DiscountAmount[][] = input.lines.map(() => []);
  input.lines.forEach((line, index) => {
    for (const discount of line.discounts) {
      const amount = discountAmount(remaining[index] ?? 0, discount);
      remaining[index] = (remaining[index] ?? 0) - amount;
      discountAmounts[index]?.push({ amount, discount: discount.id });
    }
  });
  for (const discount of input.invoiceDiscounts) {
    const eligible = input.lines.map((line, index) => (line.discountable ? (remaining[index] ?? 0) : 0));
    const shares =
      discount.percentOff !== null
        ? eligible.map((value) => discountAmount(value, discount))
        : shareAmountOff(discount.amountOff ?? 0, eligible);
    shares.forEach((amount, index) => {
      if (!input.lines[index]?.discountable) return;
      remaining[index] = (remaining[index] ?? 0) - amount;
      discountAmounts[index]?.push({ amount, discount: discount.id });
    });
  }

  const lines = input.lines.map((line, index) => ({
    id: line.id,
    discountAmounts: discountAmounts[index] ?? [],
    taxes: lineTaxes(remaining[index] ?? 0, line.taxRates),
  }));
  const discountTotals = new Map<string, DiscountAmount>();
  const taxTotals = new Map<string, TaxAmount>();
  for (const line of lines) {
    for (const entry of line.discountAmounts)
      addTo(discountTotals, entry.discount, entry, (a, b) => ({ ...a, amount: a.amount + b.amount }));
    for (const tax of line.taxes)
      addTo(taxTotals, tax.taxRate, tax, (a, b) => ({
        ...a,
        amount: a.amount + b.amount,
        taxableAmount: a.taxableAmount + b.taxableAmount,
      }));
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const subtotal = sum(input.lines.map((line) => line.amount));
  const discountTotal = sum([...discountTotals.values()].map((entry) => entry.amount));
  const taxes = [...taxTotals.values()];
  const exclusiveTax = sum(taxes.filter((tax) => !tax.inclusive).map((tax) => tax.amount));
  const inclusiveTax = sum(taxes.filter((tax) => tax.inclusive).map((tax) => tax.amount));
  const inclusiveBeforeDiscounts = sum(
    input.lines.map((line) =>
      sum(
        lineTaxes(
          line.amount,
          line.taxRates.filter((rate) => rate.inclusive),
        ).map((t) => t.amount),
      ),
    ),
  );
  const total = subtotal - discountTotal + exclusiveTax;
  return {
    lines,
    subtotal,
    subtotalExcludingTax: subtotal - inclusiveBeforeDiscounts,
    totalDiscountAmounts: [...discountTotals.values()],
    totalTaxes: taxes,
    total,
    totalExcludingTax: total - exclusiveTax - inclusiveTax,
  };
}
