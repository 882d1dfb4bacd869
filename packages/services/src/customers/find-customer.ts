import { type Database, type SQL, sql } from "@handoff/db";
import { NotFoundError } from "../flows/errors";
import { AmbiguousCustomerError } from "./errors";
import { type CustomerQuery, parseCustomerQuery } from "./parse-customer-query";

/** A connection or a transaction: every customer function runs inside the caller's transaction. */
export type CustomerExecutor = Pick<Database, "execute">;

export interface CustomerRecord {
  id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerLinkRecord {
  provider: string;
  externalId: string;
  createdAt: string;
}

/** One person as Handoff knows them: a customer row if there is one, its links, and their keys. */
export interface CustomerSubject {
  workspaceId: string;
  /** The workspace's country, for phone numbers typed without a country code. */
  defaultCountry: string;
  query: CustomerQuery;
  /** Null for a person who appears in runs only (no find-or-create step ever linked them). */
  customer: CustomerRecord | null;
  links: CustomerLinkRecord[];
  email: string | null;
  phone: string | null;
  /** What the runs that mention them carry in `business_keys`: email, phone, each link's external id. */
  businessKeys: string[];
}

export interface FindCustomerOptions {
  db: CustomerExecutor;
  workspaceId: string;
  /** What a person typed: an email, a phone number or a customer id. */
  query: string;
  /** Lock the customer row, for a change made in the caller's transaction. */
  forUpdate?: boolean;
}

type CustomerRow = {
  id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  created_at: string;
  updated_at: string;
};

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * Finds a customer by id, email or phone. A person searched by email or phone who has no
 * customer row is still returned (with `customer: null`): they may be in runs only.
 */
export async function findCustomer({ db, workspaceId, query, forUpdate = false }: FindCustomerOptions) {
  const defaultCountry = await defaultCountryOf(db, workspaceId);
  const parsed = parseCustomerQuery(query, defaultCountry);
  const lock = forUpdate ? sql`for update` : sql``;
  const rows = await db.execute<CustomerRow>(sql`
    select id, email, phone, name, created_at, updated_at
      from customers
     where workspace_id = ${workspaceId} and ${customerMatch(parsed)}
     order by created_at, id
     limit 2
     ${lock}`);
  if (parsed.by === "id" && rows.rows.length === 0) {
    throw new NotFoundError("No customer with this id in this workspace");
  }
  if (rows.rows.length > 1) {
    throw new AmbiguousCustomerError(
      `${rows.rows.length} customers share this phone number; search by their email or customer id instead`,
    );
  }
  const row = rows.rows[0];
  const customer = row ? toCustomerRecord(row) : null;
  const links = customer ? await linksOf(db, customer.id) : [];
  const email = customer?.email ?? (parsed.by === "email" ? parsed.email : null);
  const phone = customer?.phone ?? (parsed.by === "phone" ? parsed.phone : null);
  const businessKeys = [email, phone, ...links.map((link) => link.externalId)].filter(
    (key): key is string => typeof key === "string" && key !== "",
  );
  return {
    workspaceId,
    defaultCountry,
    query: parsed,
    customer,
    links,
    email,
    phone,
    businessKeys: [...new Set(businessKeys)],
  } satisfies CustomerSubject;
}

function customerMatch(query: CustomerQuery): SQL {
  switch (query.by) {
    case "id":
      return sql`id = ${query.id}::uuid`;
    case "email":
      return sql`email = ${query.email}`;
    case "phone":
      return sql`phone = ${query.phone}`;
  }
}

async function defaultCountryOf(db: CustomerExecutor, workspaceId: string): Promise<string> {
  const found = await db.execute<{ default_country: string }>(
    sql`select default_country from workspaces where id = ${workspaceId}`,
  );
  const row = found.rows[0];
  if (!row) throw new NotFoundError(`Workspace ${workspaceId} not found`);
  return row.default_country;
}

async function linksOf(db: CustomerExecutor, customerId: string): Promise<CustomerLinkRecord[]> {
  const found = await db.execute<{ provider: string; external_id: string; created_at: string }>(sql`
    select provider, external_id, created_at from customer_links
     where customer_id = ${customerId}
     order by provider, created_at`);
  return found.rows.map((link) => ({
    provider: link.provider,
    externalId: link.external_id,
    createdAt: iso(link.created_at),
  }));
}

function toCustomerRecord(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    name: row.name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
