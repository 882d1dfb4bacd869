/** 5400 EUR → "54.00 EUR", with the currency's own number of decimals (JPY has none). */
export function formatMinor(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code keeps the common two decimals rather than dropping the amount.
  }
  return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`.trim();
}
