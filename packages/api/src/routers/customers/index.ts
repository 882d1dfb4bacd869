import { createRouter } from "../../trpc";
import { eraseCustomerProcedure } from "./erase-customer";
import { exportCustomerProcedure } from "./export-customer";
import { findCustomerProcedure } from "./find-customer";

export const customersRouter = createRouter({
  find: findCustomerProcedure,
  export: exportCustomerProcedure,
  erase: eraseCustomerProcedure,
});
