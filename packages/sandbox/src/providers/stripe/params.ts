import qs from "qs";
import { stripeErrors } from "./errors";

/** What `qs` yields for Stripe's bracket encoding: strings, arrays (`a[]=`, `a[0]=`) and objects. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = { [key: string]: FormValue };
export type Metadata = Record<string, string>;

export function parseForm(text: string): Form {
  // Stripe accepts up to a few hundred indexed lines; qs would turn indices above 20 into object keys.
  return qs.parse(text, { depth: 10, arrayLimit: 1_000, parameterLimit: 10_000 }) as Form;
}

/** Typed reads of one (possibly nested) form object, with Stripe's error bodies and param names. */
export class FormReader {
  constructor(
    readonly form: Form,
    private readonly prefix = "",
  ) {}

  param(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.form[key] !== undefined;
  }

  /** Stripe rejects any parameter it does not know, which catches typos in connectors early. */
  allowOnly(allowed: readonly string[]): this {
    for (const key of Object.keys(this.form)) {
      if (key !== "expand" && !allowed.includes(key)) throw stripeErrors.unknownParam(this.param(key));
    }
    return this;
  }

  /** undefined when absent, null when sent empty (Stripe's "unset"). */
  string(key: string): string | null | undefined {
    const value = this.form[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw stripeErrors.invalid(this.param(key), `Invalid string: ${JSON.stringify(value)}`);
    return value === "" ? null : value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === null) throw stripeErrors.missingParam(this.param(key));
    return value;
  }

  int(key: string): number | null | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return value;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw stripeErrors.invalidInteger(this.param(key), value);
    return Number(value);
  }

  requiredInt(key: string): number {
    const value = this.int(key);
    if (value === undefined || value === null) throw stripeErrors.missingParam(this.param(key));
    return value;
  }

  bool(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    if (value !== "true" && value !== "false") throw stripeErrors.invalid(this.param(key), `Invalid boolean: ${value}`);
    return value === "true";
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    if (!(values as readonly string[]).includes(value))
      throw stripeErrors.invalid(this.param(key), `Invalid ${this.param(key)}: must be one of ${values.join(", ")}`);
    return value as T;
  }

  currency(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined || value === null) return undefined;
    const lower = value.toLowerCase();
    if (!/^[a-z]{3}$/.test(lower)) throw stripeErrors.invalid(this.param(key), `Invalid currency: ${value}`);
    return lower;
  }

  /** `metadata=` clears every key, `metadata[k]=` removes one key, other keys merge into `current`. */
  metadata(key: string, current: Metadata = {}): Metadata | undefined {
    const value = this.form[key];
    if (value === undefined) return undefined;
    if (value === "") return {};
    if (typeof value !== "object" || Array.isArray(value))
      throw stripeErrors.invalid(this.param(key), `Invalid object: ${this.param(key)} must be a hash of strings`);
    const next: Metadata = { ...current };
    for (const [name, entry] of Object.entries(value)) {
      const param = `${this.param(key)}[${name}]`;
      if (typeof entry !== "string") throw stripeErrors.invalid(param, `Invalid string: ${JSON.stringify(entry)}`);
      if (name.length > 40) throw stripeErrors.invalid(param, "Metadata keys can be at most 40 characters long.");
      if (entry.length > 500) throw stripeErrors.invalid(param, "Metadata values can be at most 500 characters long.");
      if (entry === "") delete next[name];
      else next[name] = entry;
    }
    if (Object.keys(next).length > 50)
      throw stripeErrors.invalid(this.param(key), "You can have at most 50 metadata keys per object.");
    return next;
  }

  /** `a[]=x&a[]=y` or `a[0]=x`; an empty `a=` is an empty list (unset). */
  list(key: string): FormValue[] | undefined {
    const value = this.form[key];
    if (value === undefined) return undefined;
    if (value === "") return [];
    if (Array.isArray(value)) return value.filter((entry) => entry !== "");
    throw stripeErrors.invalid(this.param(key), `Invalid array: ${this.param(key)} must be an array`);
  }

  strings(key: string): string[] | undefined {
    const list = this.list(key);
    if (list === undefined) return undefined;
    return list.map((entry, index) => {
      if (typeof entry !== "string")
        throw stripeErrors.invalid(`${this.param(key)}[${index}]`, `Invalid string: ${JSON.stringify(entry)}`);
      return entry;
    });
  }

  object(key: string): FormReader | null | undefined {
    const value = this.form[key];
    if (value === undefined) return undefined;
    if (value === "") return null;
    if (typeof value !== "object" || Array.isArray(value))
      throw stripeErrors.invalid(this.param(key), `Invalid object: ${this.param(key)} must be a hash`);
    return new FormReader(value, this.param(key));
  }

  objects(key: string): FormReader[] | undefined {
    const list = this.list(key);
    if (list === undefined) return undefined;
    return list.map((entry, index) => {
      const param = `${this.param(key)}[${index}]`;
      if (typeof entry !== "object" || Array.isArray(entry))
        throw stripeErrors.invalid(param, `Invalid object: ${param} must be a hash`);
      return new FormReader(entry, param);
    });
  }

  /** `created=123` or `created[gte]=…&created[lt]=…`, as list filters take them. */
  range(key: string): ((value: number | null) => boolean) | undefined {
    const value = this.form[key];
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      const exact = this.requiredInt(key);
      return (candidate) => candidate === exact;
    }
    const bounds = this.object(key)?.allowOnly(["gt", "gte", "lt", "lte"]);
    if (!bounds) return undefined;
    const [gt, gte, lt, lte] = (["gt", "gte", "lt", "lte"] as const).map((name) => bounds.int(name) ?? undefined);
    return (candidate) =>
      candidate !== null &&
      (gt === undefined || candidate > gt) &&
      (gte === undefined || candidate >= gte) &&
      (lt === undefined || candidate < lt) &&
      (lte === undefined || candidate <= lte);
  }

  expand(): string[] {
    return this.strings("expand") ?? [];
  }
}
