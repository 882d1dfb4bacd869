import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run for every package: `npx vitest run packages/db` narrows it to one.
export default defineConfig({
  // Web components are tested by rendering them on the server: JSX compiled the way Next does,
  // and the web app's `~/` imports resolved.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: { "~": fileURLToPath(new URL("./apps/web/src", import.meta.url)) } },
  test: {
    include: ["{apps,packages}/*/src/**/*.test.{ts,tsx}", "integration/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files in parallel beyond that only make database tests slower.
    maxWorkers: 2,
  },
});
