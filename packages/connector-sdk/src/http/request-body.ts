import qs from "qs";

export type RequestBody = { json: unknown } | { form: Record<string, unknown> } | undefined;

/**
 * Form bodies use bracket notation (`metadata[crm_id]=1`, `tax_rates[]=txr_1`,
 * `lines[0][amount]=100`): what Stripe and most form-encoded APIs expect, encoded by `qs`
 * rather than by hand.
 */
export function encodeRequestBody(body: RequestBody): { body?: string; contentType?: string } {
  if (body === undefined) return {};
  if ("json" in body) return { body: JSON.stringify(body.json), contentType: "application/json" };
  return {
    body: qs.stringify(body.form, { arrayFormat: "indices", encodeValuesOnly: true }),
    contentType: "application/x-www-form-urlencoded",
  };
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/** Skips undefined/null so optional filters can be passed as they are. */
export function buildUrl(baseUrl: string, path: string, query?: Readonly<Record<string, QueryValue>>): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.set(name, String(value));
  }
  return url;
}
