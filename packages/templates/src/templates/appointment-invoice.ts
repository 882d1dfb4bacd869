import type { JsonValue } from "@handoff/flow-core";
import type { FieldSpec } from "../fields";
import { APPOINTMENT_KEY, appointmentMetadata, LOCAL_START_WITH_ZONE, SERVICE_LINE } from "./appointment-context";

/**
 * The props of an appointment's draft invoice, the same whichever template makes it (booked, or
 * re-dated after a reschedule), so the invoice of one appointment always looks the same. Keyed on
 * the appointment: a repeated event finds this invoice instead of making a second one.
 */
export function appointmentInvoiceProps(crm: {
  contactId: string;
  dealId: string;
  taskId: string;
}): Record<string, JsonValue> {
  return {
    customerId: "{{ steps.customer.customerId }}",
    currency: "{{ trigger.booking.currency }}",
    dueDate: "{{ trigger.booking.startLocal }}",
    lines: [
      { description: SERVICE_LINE, quantity: 1, unitAmount: "{{ $default(trigger.booking.priceMinorUnits, 0) }}" },
    ],
    defaultTaxRateIds: [""],
    couponId: "",
    deposit: "",
    description: `{{ trigger.booking.service }} on ${LOCAL_START_WITH_ZONE}`,
    dedupeKey: APPOINTMENT_KEY,
    metadata: appointmentMetadata(crm),
  };
}

/** The fields of the appointment's invoice; with several invoice steps, every one gets the value. */
export function appointmentInvoiceFields(nodeIds: readonly [string, ...string[]]): FieldSpec[] {
  const [nodeId, ...others] = nodeIds;
  const spec = (key: string, label: string, description: string, prop: string): FieldSpec => ({
    key,
    label,
    description,
    nodeId,
    prop,
    ...(others.length > 0 ? { alsoFills: others.map((other) => ({ nodeId: other, prop })) } : {}),
  });
  return [
    spec(
      "serviceLine",
      "Invoice line",
      "What the invoice line says: the booked service, its time (with the customer's time zone) and duration by default.",
      "lines.0.description",
    ),
    spec(
      "unitAmount",
      "Price (in cents)",
      "The line's price before tax, in cents: the event type's price in Cal.com by default.",
      "lines.0.unitAmount",
    ),
    spec(
      "currency",
      "Currency",
      "Three-letter code; the event type's currency by default (eur when it has none).",
      "currency",
    ),
    spec(
      "taxRateId",
      "Tax rate",
      "A Stripe tax rate id (txr_…) applied to the invoice; empty for no tax.",
      "defaultTaxRateIds.0",
    ),
    spec(
      "couponId",
      "Discount coupon",
      "A Stripe coupon id applied to the whole invoice; empty for no discount.",
      "couponId",
    ),
    spec(
      "deposit",
      "Deposit (in cents)",
      "Deposit expected before the appointment, e.g. {{ $roundHalfUp(trigger.booking.priceMinorUnits * 0.3) }} for 30 %; empty for none.",
      "deposit",
    ),
    spec("dueDate", "Invoice due", "When payment is due: the appointment's start by default.", "dueDate"),
  ];
}
