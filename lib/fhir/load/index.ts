/**
 * The one loader of FHIR data held in hand (a Bundle, Bulk Data NDJSON, search results, a
 * warehouse row): raw resources -> typed buckets, grouped by patient when the input holds
 * many. Pure (no file or network I/O): the app's gateway, the commands (cli/shared reads the
 * files), the warehouse UDF, the sandbox launcher and the tests all file resources here.
 */
export { bundleEntries, fileBundle, type BundleEntries, type BundleEntry } from "./bundle";
export { factsOf, PatientGroups, type Filing, type PatientGroup, type ResourceFacts, type UnattributedResource } from "./group";
export { parseNdjsonLine, stripBom, type RawResult } from "./ndjson";
export { loadPatient, rawOf, type PatientResources, type SourcedResource } from "./patient";
export { normalizeReference, patientIdOf } from "./reference";
export {
  emptyResources,
  fileResource,
  loadResources,
  subjectPatientId,
  subjectReference,
  unreadableOrders,
  type FiledType,
  type FileOptions,
  type RecordResources,
} from "./resources";
