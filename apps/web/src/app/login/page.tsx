import { redirect } from "next/navigation";
import { getSessionMember } from "~/server/auth";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await getSessionMember()) redirect("/");
  return (
    <div className="ho-auth">
      <div className="ho-auth-card">
        <h1>Sign in to Handoff</h1>
        <p className="ho-muted" style={{ marginBottom: "1.25rem" }}>
          Your CRM, calendar and invoicing, handing off to each other.
        </p>
        <LoginForm />
      </div>
    </div>
  );
}
