import { stripeErrors } from "./errors";
import { renderInvoice, renderInvoiceItem } from "./render";
import type { StripeRuntime } from "./runtime";

type Node = Record<string, unknown>;

function cannotExpand(path: string) {
  return stripeErrors.invalid("expand", `This property cannot be expanded (${path}).`);
}

/** The object behind an id, as `expand[]` would embed it. */
function resolve(rt: StripeRuntime, key: string, id: string, path: string): unknown {
  const { store } = rt;
  if (key === "coupon") return store.coupons.get(id) ?? fail();
  const prefix = id.slice(0, id.indexOf("_") + 1);
  switch (prefix) {
    case "cus_": {
      if (store.deletedCustomers.has(id)) return { id, object: "customer", deleted: true };
      return store.customers.get(id) ?? fail();
    }
    case "in_": {
      const invoice = store.invoices.get(id);
      return invoice ? renderInvoice(rt, invoice) : fail();
    }
    case "ii_": {
      const item = store.invoiceItems.get(id);
      return item ? renderInvoiceItem(rt, item) : fail();
    }
    case "txr_":
      return store.taxRates.get(id) ?? fail();
    case "di_":
      return store.discounts.get(id) ?? fail();
    case "pr_":
      return store.paymentRecords.get(id) ?? fail();
    case "inpay_":
      return store.invoicePayments.get(id) ?? fail();
    default:
      return fail();
  }
  function fail(): never {
    throw cannotExpand(path);
  }
}

function invoicePayments(rt: StripeRuntime, invoiceId: string) {
  const payments = [...rt.store.invoicePayments.values()].filter((payment) => payment.invoice === invoiceId).reverse();
  return { object: "list", data: payments, has_more: false, url: "/v1/invoice_payments" };
}

function walk(rt: StripeRuntime, node: unknown, segments: string[], path: string): unknown {
  if (Array.isArray(node)) return node.map((entry) => walk(rt, entry, segments, path));
  if (node === null || typeof node !== "object") throw cannotExpand(path);
  const [key = "", ...rest] = segments;
  const object = { ...(node as Node) };
  if (key === "payments" && object.object === "invoice") {
    object.payments = invoicePayments(rt, String(object.id));
    return rest.length > 0 ? { ...object, payments: walk(rt, object.payments, rest, path) } : object;
  }
  if (!(key in object)) throw cannotExpand(path);
  const expandOne = (value: unknown): unknown => (typeof value === "string" ? resolve(rt, key, value, path) : value);
  let child = object[key];
  child = Array.isArray(child) ? child.map(expandOne) : expandOne(child);
  object[key] = rest.length > 0 && child !== null ? walk(rt, child, rest, path) : child;
  return object;
}

/** Applies `expand[]` paths (dotted, e.g. `data.customer`, at most four levels) to a response body. */
export function applyExpand(rt: StripeRuntime, body: unknown, paths: string[]): unknown {
  let result = body;
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > 4)
      throw stripeErrors.invalid("expand", `You cannot expand more than 4 levels of a property. Property: ${path}`);
    result = walk(rt, result, segments, path);
  }
  return result;
}
