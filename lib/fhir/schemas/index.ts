/** The zod schemas for inbound FHIR R4 resources. Use `parseResource` (lib/fhir/parse.ts) rather than these directly. */
export * from "./datatypes";
export * from "./dosage";
export * from "./medication";
export * from "./clinical";
export * from "./admin";
