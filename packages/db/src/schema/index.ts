export * from "./audit";
export * from "./connections";
export * from "./enums";
export * from "./flows";
export * from "./runs";
export * from "./workers";
export * from "./workspaces";
