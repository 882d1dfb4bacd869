import { ConnectorError, type ConnectorErrorCode } from "./connector-error";

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/** A bad certificate will be just as bad on the next attempt. */
function isTlsCode(code: string): boolean {
  return (
    code.startsWith("CERT_") ||
    code.startsWith("ERR_TLS_") ||
    code === "DEPTH_ZERO_SELF_SIGNED_CERT" ||
    code === "SELF_SIGNED_CERT_IN_CHAIN" ||
    code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" ||
    code === "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
  );
}

function systemCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** undici wraps the socket error: `TypeError("fetch failed", { cause: Error & { code } })`. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 5) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fromSystemCode(code: string, error: unknown): ConnectorError | undefined {
  const detail = `${describe(error)} (${code})`;
  if (TIMEOUT_CODES.has(code)) return new ConnectorError({ code: "timeout", message: detail, cause: error });
  if (NETWORK_CODES.has(code)) return new ConnectorError({ code: "network", message: detail, cause: error });
  if (isTlsCode(code)) return new ConnectorError({ code: "network", kind: "final", message: detail, cause: error });
  return undefined;
}

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/**
 * Turns whatever an action threw into a ConnectorError the engine can act on. Unknown errors are
 * final: retrying a bug only delays the report.
 */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  for (const link of causeChain(error)) {
    const code = systemCode(link);
    const known = code === undefined ? undefined : fromSystemCode(code, link);
    if (known) return known;
  }
  const aborted: [string, ConnectorErrorCode] | undefined = isNamed(error, "TimeoutError")
    ? ["request timed out", "timeout"]
    : isNamed(error, "AbortError")
      ? ["request was aborted", "aborted"]
      : undefined;
  if (aborted) return new ConnectorError({ code: aborted[1], message: aborted[0], cause: error });
  if (error instanceof TypeError && error.message === "fetch failed") {
    return new ConnectorError({ code: "network", message: describe(error), cause: error });
  }
  return new ConnectorError({ code: "unknown", message: describe(error), cause: error });
}

export function isRetriable(error: unknown): boolean {
  return toConnectorError(error).kind === "retriable";
}
