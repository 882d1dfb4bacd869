import { createRouter } from "../../trpc";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";

export const accountRouter = createRouter({
  signOutEverywhere: signOutEverywhereProcedure,
});
