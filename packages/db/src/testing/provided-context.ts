/** What the root vitest global setup hands every test file: where to clone test databases from. */
export interface TestDatabaseContext {
  adminUrl: string;
  template: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}
