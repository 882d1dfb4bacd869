import { z } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_TIMEOUT_MS = 120_000;

/** RFC 9110 token characters; fetch would otherwise throw a TypeError at run time. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

export const ZHttpRequestProps = z
  .object({
    method: z.enum(HTTP_METHODS).default("POST").describe("HTTP method"),
    url: z
      .url({ protocol: /^https?$/, error: "Enter a full http:// or https:// URL" })
      .describe("Full URL, including https://"),
    headers: z
      .record(z.string(), z.string().regex(HEADER_VALUE, "Header values cannot contain line breaks"))
      // Checked here rather than on the key schema: zod reports a bad record key only as "Invalid key in record".
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          if (!HEADER_NAME.test(name)) {
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: "Header names may only use letters, digits and !#$%&'*+.^_`|~-",
            });
          }
        }
      })
      .default({})
      .describe("Extra request headers"),
    body: z.json().optional().describe("JSON body, sent with Content-Type: application/json"),
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIMEOUT_MS, `The timeout can be at most ${MAX_TIMEOUT_MS} ms`)
      .default(DEFAULT_TIMEOUT_MS)
      .describe("Give up after this many milliseconds"),
  })
  .superRefine((props, ctx) => {
    if ((props.method === "GET" || props.method === "HEAD") && props.body !== undefined) {
      ctx.addIssue({ code: "custom", path: ["body"], message: `A ${props.method} request cannot have a body` });
    }
  });

export type HttpRequestProps = z.output<typeof ZHttpRequestProps>;
