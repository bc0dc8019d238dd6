/**
 * The sandbox's CapabilityStatement (GET /fhir/metadata). Apps feature-detect CarePlan create
 * from it (smart-sources.md section 5.4: Oracle Health R4 offers CarePlan search/read only), so the
 * `carePlanReadOnly` launch option removes `create` here, seen when metadata is read with
 * that launch's access token.
 */
import { globalSchema, isResourceType } from "@medplum/core";
import type { CapabilityStatement, CapabilityStatementRestResource, ResourceType } from "@medplum/fhirtypes";
import { searchParameterCodes } from "./definitions";

/** Resource types the app writes; every other type is read-only here. */
export const WRITABLE_TYPES: ReadonlySet<string> = new Set(["CarePlan", "Provenance"]);

export interface CapabilityInput {
  fhirBase: string;
  authorizeUrl: string;
  tokenUrl: string;
  resourceTypes: readonly string[];
  carePlanReadOnly: boolean;
}

/** The CapabilityStatement: SMART security extension, per-type interactions and search parameters. */
export function capabilityStatement(input: CapabilityInput): CapabilityStatement {
  const types = [...new Set([...input.resourceTypes, ...WRITABLE_TYPES])].sort().filter(isResourceType);
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: new Date().toISOString(),
    kind: "instance",
    software: { name: "Opioid Taper Planner sandbox EHR (Medplum fhir-router, in memory)" },
    implementation: { description: "Local SMART on FHIR sandbox", url: input.fhirBase },
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: true,
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: input.authorizeUrl },
                { url: "token", valueUri: input.tokenUrl },
              ],
            },
          ],
        },
        resource: types.map((t) => resourceCapability(t, input.carePlanReadOnly)),
      },
    ],
  };
}

function resourceCapability(type: ResourceType, carePlanReadOnly: boolean): CapabilityStatementRestResource {
  const writable = WRITABLE_TYPES.has(type) && !(type === "CarePlan" && carePlanReadOnly);
  const interaction: CapabilityStatementRestResource["interaction"] = [{ code: "read" }, { code: "search-type" }];
  if (writable) interaction.push({ code: "create" }, { code: "update" });
  const params = globalSchema.types[type]?.searchParams ?? {};
  return {
    type,
    interaction,
    versioning: "versioned",
    readHistory: false,
    ...(writable ? { conditionalCreate: true } : {}),
    searchInclude: type === "MedicationRequest" ? ["MedicationRequest:medication"] : [],
    searchParam: searchParameterCodes(type).flatMap((code) => {
      const p = params[code];
      return p ? [{ name: code, type: p.type }] : [];
    }),
  };
}
