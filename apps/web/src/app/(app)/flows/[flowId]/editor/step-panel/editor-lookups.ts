import type { EditorCatalog, EditorConnection } from "../editor-contract";

export type Catalog = EditorCatalog;
export type CatalogConnector = Catalog[number];
export type CatalogTrigger = CatalogConnector["triggers"][number];
export type CatalogAction = CatalogConnector["actions"][number];
export type CatalogOperation = CatalogTrigger | CatalogAction;
export type ConnectionSummary = EditorConnection;
