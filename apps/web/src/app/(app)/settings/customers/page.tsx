import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { CustomerData } from "./customer-data";

export const dynamic = "force-dynamic";

export default async function CustomerDataPage() {
  await requirePagePermission("customers.manage");
  return (
    <>
      <PageHeader
        title="Customer data"
        description="Export or erase everything Handoff holds about one customer: their identity links, the runs that mention them and the consent their messages relied on."
        actions={<Link href="/settings">Back to settings</Link>}
      />
      <CustomerData />
    </>
  );
}
