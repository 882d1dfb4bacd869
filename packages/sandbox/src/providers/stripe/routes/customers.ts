import { stripeErrors } from "../errors";
import { newId, newInvoicePrefix } from "../ids";
import { LIST_PARAMS, paginate, readLimit } from "../pagination";
import type { FormReader } from "../params";
import { previousAttributes } from "../render";
import type { Route } from "../router";
import { getCustomer, nowSeconds, type RouteContext } from "../runtime";
import { customerMatches, parseCustomerQuery } from "../search-query";
import { type Address, type Customer, newestFirst } from "../store";

const WRITABLE = [
  "address",
  "balance",
  "description",
  "email",
  "invoice_prefix",
  "invoice_settings",
  "metadata",
  "name",
  "phone",
  "preferred_locales",
  "tax_exempt",
] as const;

function readAddress(form: FormReader): Address | null | undefined {
  const address = form.object("address");
  if (!address) return address;
  address.allowOnly(["city", "country", "line1", "line2", "postal_code", "state"]);
  const field = (key: string) => address.string(key) ?? null;
  return {
    city: field("city"),
    country: field("country"),
    line1: field("line1"),
    line2: field("line2"),
    postal_code: field("postal_code"),
    state: field("state"),
  };
}

/** Writes the sent fields onto `customer`; an empty value unsets, an absent one leaves it alone. */
function applyCustomerParams(form: FormReader, customer: Customer): void {
  const email = form.string("email");
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw stripeErrors.invalid("email", `Invalid email address: ${email}`, "email_invalid");
  if (email !== undefined) customer.email = email;
  const address = readAddress(form);
  if (address !== undefined) customer.address = address;
  for (const key of ["description", "name", "phone"] as const) {
    const value = form.string(key);
    if (value !== undefined) customer[key] = value;
  }
  const balance = form.int("balance");
  if (balance !== undefined) customer.balance = balance ?? 0;
  const prefix = form.string("invoice_prefix");
  if (prefix && !/^[A-Z0-9]{3,12}$/.test(prefix))
    throw stripeErrors.invalid("invoice_prefix", "Invoice prefix must be 3–12 uppercase letters or numbers.");
  if (prefix) customer.invoice_prefix = prefix;
  const settings = form.object("invoice_settings")?.allowOnly(["footer", "custom_fields", "default_payment_method"]);
  const footer = settings?.string("footer");
  if (footer !== undefined) customer.invoice_settings.footer = footer;
  const locales = form.strings("preferred_locales");
  if (locales) customer.preferred_locales = locales;
  const taxExempt = form.oneOf("tax_exempt", ["none", "exempt", "reverse"] as const);
  if (taxExempt) customer.tax_exempt = taxExempt;
  customer.metadata = form.metadata("metadata", customer.metadata) ?? customer.metadata;
}

function create({ rt, form, request }: RouteContext) {
  form.allowOnly(WRITABLE);
  const customer: Customer = {
    id: newId("cus", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(rt),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: newInvoicePrefix(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  applyCustomerParams(form, customer);
  rt.store.customers.set(customer.id, customer);
  rt.searchIndex.record(customer.id, customer, rt.clock.nowMs());
  rt.emit("customer.created", customer, { request });
  return customer;
}

function retrieve({ rt, pathParams }: RouteContext) {
  const id = pathParams.id ?? "";
  if (rt.store.deletedCustomers.has(id)) return { id, object: "customer", deleted: true };
  return getCustomer(rt, id);
}

function update({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly([...WRITABLE, "next_invoice_sequence"]);
  const customer = getCustomer(rt, pathParams.id ?? "");
  const before = structuredClone(customer);
  const draft = structuredClone(customer);
  applyCustomerParams(form, draft);
  const sequence = form.int("next_invoice_sequence");
  if (sequence != null) draft.next_invoice_sequence = sequence;
  Object.assign(customer, draft);
  const previous = previousAttributes(before, customer);
  if (Object.keys(previous).length > 0) {
    rt.searchIndex.record(customer.id, customer, rt.clock.nowMs());
    rt.emit("customer.updated", customer, { previous, request });
  }
  return customer;
}

function remove({ rt, pathParams, request }: RouteContext) {
  const customer = getCustomer(rt, pathParams.id ?? "");
  rt.store.deletedCustomers.add(customer.id);
  rt.searchIndex.record(customer.id, null, rt.clock.nowMs());
  rt.emit("customer.deleted", customer, { request });
  return { id: customer.id, object: "customer", deleted: true };
}

function list({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "email", "created", "test_clock"]);
  // `email=` is exact and case-sensitive, and strongly consistent (unlike search).
  const email = form.string("email");
  const created = form.range("created");
  const customers = newestFirst(rt.store.customers).filter(
    (customer) =>
      !rt.store.deletedCustomers.has(customer.id) &&
      (email == null || customer.email === email) &&
      (!created || created(customer.created)),
  );
  return paginate(customers, form, { url: "/v1/customers", kind: "customer", render: (customer) => customer });
}

function search({ rt, form }: RouteContext) {
  form.allowOnly(["query", "limit", "page"]);
  const query = parseCustomerQuery(form.requiredString("query"));
  const limit = readLimit(form);
  const page = form.string("page");
  const offset = page ? decodePage(page) : 0;
  const found = rt.searchIndex.visible(rt.clock.nowMs()).filter((customer) => customerMatches(customer, query));
  const data = found.slice(offset, offset + limit);
  const hasMore = offset + limit < found.length;
  return {
    object: "search_result",
    data,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(JSON.stringify({ offset: offset + limit })).toString("base64url") : null,
    url: "/v1/customers/search",
  };
}

function decodePage(page: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(page, "base64url").toString("utf8")) as { offset?: unknown };
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to Stripe's answer for a page token it did not issue
  }
  throw stripeErrors.invalid("page", `Invalid page: ${page}`);
}

export const customerRoutes: Route[] = [
  { method: "GET", path: "/v1/customers/search", handle: search },
  { method: "POST", path: "/v1/customers", handle: create },
  { method: "GET", path: "/v1/customers", handle: list },
  { method: "GET", path: "/v1/customers/:id", handle: retrieve },
  { method: "POST", path: "/v1/customers/:id", handle: update },
  { method: "DELETE", path: "/v1/customers/:id", handle: remove },
];
