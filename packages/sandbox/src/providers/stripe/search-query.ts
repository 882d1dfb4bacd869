import { stripeErrors } from "./errors";
import type { Customer } from "./store";

type Operator = ":" | "~" | ">" | "<" | ">=" | "<=";

interface Clause {
  field: string;
  metadataKey?: string;
  operator: Operator;
  value: string;
  negated: boolean;
}

export interface CustomerQuery {
  clauses: Clause[];
  join: "AND" | "OR";
}

const CLAUSE =
  /^(-)?(email|name|phone|created|metadata\[(['"])(.+?)\3\])(:|~|>=|<=|>|<)(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+))$/;

function invalidQuery(query: string, why: string) {
  return stripeErrors.invalid("query", `Invalid query '${query}': ${why}`);
}

/** Stripe's search language, the part customers support: `email:'a@b.com' AND metadata['k']:'v'`. */
export function parseCustomerQuery(query: string): CustomerQuery {
  const trimmed = query.trim();
  if (!trimmed) throw invalidQuery(query, "the query is empty.");
  const hasAnd = / AND /.test(trimmed);
  const hasOr = / OR /.test(trimmed);
  if (hasAnd && hasOr) throw invalidQuery(query, "AND and OR cannot be combined in one query.");
  const join = hasOr ? "OR" : "AND";
  const clauses = trimmed.split(join === "OR" ? / OR / : / AND /).map((part) => {
    const match = CLAUSE.exec(part.trim());
    if (!match) throw invalidQuery(query, `cannot parse \`${part.trim()}\`.`);
    const [, negation, fieldText = "", , metadataKey, operator = ":", single, double, number] = match;
    const field = metadataKey !== undefined ? "metadata" : fieldText;
    const value = (single ?? double ?? number ?? "").replace(/\\(.)/g, "$1");
    const numeric = operator !== ":" && operator !== "~";
    if (numeric && field !== "created") throw invalidQuery(query, `\`${operator}\` works only on created.`);
    if (field === "created" && number === undefined) throw invalidQuery(query, "created takes a unix timestamp.");
    if (operator === "~" && value.length < 3)
      throw invalidQuery(query, "substring matches need at least 3 characters.");
    return { field, metadataKey, operator: operator as Operator, value, negated: negation === "-" };
  });
  return { clauses, join };
}

function matches(customer: Customer, clause: Clause): boolean {
  if (clause.field === "created") {
    const value = Number(clause.value);
    const created = customer.created;
    const result = {
      ":": created === value,
      "~": false,
      ">": created > value,
      "<": created < value,
      ">=": created >= value,
      "<=": created <= value,
    }[clause.operator];
    return result !== clause.negated;
  }
  const actual =
    clause.field === "metadata"
      ? customer.metadata[clause.metadataKey ?? ""]
      : customer[clause.field as "email" | "name" | "phone"];
  const haystack = (actual ?? "").toLowerCase();
  const needle = clause.value.toLowerCase();
  const hit = actual != null && (clause.operator === "~" ? haystack.includes(needle) : haystack === needle);
  return hit !== clause.negated;
}

export function customerMatches(customer: Customer, query: CustomerQuery): boolean {
  return query.join === "AND"
    ? query.clauses.every((clause) => matches(customer, clause))
    : query.clauses.some((clause) => matches(customer, clause));
}
