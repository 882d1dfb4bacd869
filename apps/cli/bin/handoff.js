#!/usr/bin/env node
// The CLI is TypeScript run in place (the packages it imports export their sources); tsx compiles on load.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
