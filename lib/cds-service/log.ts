/**
 * The CDS service's log: one JSON line per call or feedback item, with fixed fields only
 * (event, service, hook, status, counts, the configured client id, card kinds, coded
 * outcomes). Never a patient id, a resource, a token, a request body or free text
 * (feedback comments are dropped before they get here). The single place the service writes
 * to the console.
 */
export interface CdsLogFields {
  event: "cds.call" | "cds.refused" | "cds.feedback" | "cds.discovery";
  service?: string;
  hook?: string;
  status?: number;
  client?: string;
  reason?: string;
  cards?: number;
  cardKinds?: string[];
  sources?: Record<string, string>;
  outcome?: string;
  acceptedSuggestions?: number;
  overrideReason?: string;
  ms?: number;
}

export type CdsLogger = (fields: CdsLogFields) => void;

export const consoleCdsLogger: CdsLogger = (fields) => {
  // eslint-disable-next-line no-console -- the service's one log line (see module doc)
  console.info(JSON.stringify({ at: new Date().toISOString(), ...fields }));
};
