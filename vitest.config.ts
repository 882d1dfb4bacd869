import { defineConfig } from "vitest/config";

// One run for every package: `npx vitest run packages/db` narrows it to one.
export default defineConfig({
  test: {
    include: ["{apps,packages}/*/src/**/*.test.{ts,tsx}", "integration/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files in parallel beyond that only make database tests slower.
    maxWorkers: 2,
  },
});
