import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

/** The request header Handoff's web server fills with the caller's address before Next.js sees it. */
export const CLIENT_ADDRESS_HEADER = "x-handoff-client-address";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export interface CreateAuthOptionsInput {
  secret: string;
  /**
   * Checks email + password; resolves to the user, or null without saying why. Throwing an Error
   * refuses the sign-in with the error's message shown to the person (used for rate limiting).
   */
  authorizeCredentials: (email: string, password: string, clientAddress: string) => Promise<SignedInUser | null>;
  /** Session lifetime in seconds; the session is refreshed while in use. */
  maxAgeSeconds?: number;
}

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    sessionVersion?: number;
  }
}

/**
 * Email + password sign-in with JWT sessions. The token carries the user's session version;
 * the server compares it with the database on every call, so bumping it (sign-out everywhere,
 * removal from the workspace) ends every open session at once.
 */
export function createAuthOptions({
  secret,
  authorizeCredentials,
  maxAgeSeconds = 12 * 60 * 60,
}: CreateAuthOptionsInput): AuthOptions {
  return {
    secret,
    session: { strategy: "jwt", maxAge: maxAgeSeconds },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) return null;
          // Set by Handoff's own web server from the socket (or a trusted proxy), never by the client.
          const address = request.headers?.[CLIENT_ADDRESS_HEADER];
          const clientAddress = (Array.isArray(address) ? address[0] : address) ?? "unknown";
          const user = await authorizeCredentials(credentials.email, credentials.password, clientAddress);
          return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.sessionVersion = (user as unknown as SignedInUser).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.userId ?? "";
        session.sessionVersion = token.sessionVersion ?? 0;
        return session;
      },
    },
  };
}
