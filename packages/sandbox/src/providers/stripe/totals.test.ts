import { describe, expect, it } from "vitest";
import { computeInvoiceTotals, ratioRound } from "./totals";

const vat20 = { id: "txr_ex", percentage: 20, inclusive: false };
const vat20Inclusive = { id: "txr_in", percentage: 20, inclusive: true };

describe("invoice totals", () => {
  it("rounds half away from zero in exact arithmetic", () => {
    expect(ratioRound(1005, 200_000, 1_000_000)).toBe(201);
    expect(ratioRound(1_0025, 200_000, 1_000_000)).toBe(2005);
    expect(ratioRound(1_0022, 200_000, 1_000_000)).toBe(2004);
    expect(ratioRound(-1_0025, 200_000, 1_000_000)).toBe(-2005);
  });

  it("adds exclusive tax per line per rate on top of the subtotal", () => {
    const totals = computeInvoiceTotals({
      lines: [
        { id: "a", amount: 1_0025, discountable: true, discounts: [], taxRates: [vat20] },
        { id: "b", amount: 1_0025, discountable: true, discounts: [], taxRates: [vat20] },
      ],
      invoiceDiscounts: [],
    });
    // 2005.0 per line: rounding per line, then summed (not rounding the 4010 total once).
    expect(totals.lines.map((line) => line.taxes[0]?.amount)).toEqual([2005, 2005]);
    expect(totals).toMatchObject({ subtotal: 2_0050, total: 2_4060, totalExcludingTax: 2_0050 });
    expect(totals.totalTaxes).toEqual([{ amount: 4010, taxRate: "txr_ex", inclusive: false, taxableAmount: 2_0050 }]);
  });

  it("carves inclusive tax out of the amount without changing the total", () => {
    const totals = computeInvoiceTotals({
      lines: [{ id: "a", amount: 1200, discountable: true, discounts: [], taxRates: [vat20Inclusive] }],
      invoiceDiscounts: [],
    });
    expect(totals.lines[0]?.taxes).toEqual([{ amount: 200, taxRate: "txr_in", inclusive: true, taxableAmount: 1000 }]);
    expect(totals).toMatchObject({ subtotal: 1200, subtotalExcludingTax: 1000, total: 1200, totalExcludingTax: 1000 });
  });

  it("applies line discounts, then invoice discounts on discountable lines only, then tax", () => {
    const totals = computeInvoiceTotals({
      lines: [
        {
          id: "a",
          amount: 1000,
          discountable: true,
          discounts: [{ id: "di_line", percentOff: 50, amountOff: null }],
          taxRates: [vat20],
        },
        { id: "b", amount: 500, discountable: false, discounts: [], taxRates: [vat20] },
      ],
      invoiceDiscounts: [{ id: "di_inv", percentOff: null, amountOff: 100 }],
    });
    expect(totals.lines[0]?.discountAmounts).toEqual([
      { amount: 500, discount: "di_line" },
      { amount: 100, discount: "di_inv" },
    ]);
    expect(totals.lines[1]?.discountAmounts).toEqual([]);
    // line a: 1000 − 500 − 100 = 400 → tax 80; line b: 500 → tax 100.
    expect(totals).toMatchObject({ subtotal: 1500, total: 1500 - 600 + 180 });
    expect(totals.totalDiscountAmounts).toEqual([
      { amount: 500, discount: "di_line" },
      { amount: 100, discount: "di_inv" },
    ]);
  });

  it("shares an invoice amount_off across lines in proportion, to the cent", () => {
    const totals = computeInvoiceTotals({
      lines: [
        { id: "a", amount: 100, discountable: true, discounts: [], taxRates: [] },
        { id: "b", amount: 100, discountable: true, discounts: [], taxRates: [] },
        { id: "c", amount: 100, discountable: true, discounts: [], taxRates: [] },
      ],
      invoiceDiscounts: [{ id: "di", percentOff: null, amountOff: 100 }],
    });
    const shares = totals.lines.map((line) => line.discountAmounts[0]?.amount);
    expect(shares.reduce((sum = 0, value = 0) => sum + value, 0)).toBe(100);
    expect(shares).toEqual([34, 33, 33]);
    expect(totals.total).toBe(200);
  });

  it("never discounts more than the amount", () => {
    const totals = computeInvoiceTotals({
      lines: [{ id: "a", amount: 300, discountable: true, discounts: [], taxRates: [] }],
      invoiceDiscounts: [{ id: "di", percentOff: null, amountOff: 1000 }],
    });
    expect(totals.total).toBe(0);
  });
});
