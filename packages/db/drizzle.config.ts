import { defineConfig } from "drizzle-kit";

// Only the `public` schema is drizzle's; graphile-worker migrates its own schema.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "../../drizzle",
  schemaFilter: ["public"],
});
