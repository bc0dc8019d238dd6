"use client";
/**
 * Data hooks: FHIR reads through lib/fhir, keyed by server + patient so two tabs (two
 * sessions) never share a cache entry (options: ./swr-options).
 */
import useSWR, { type SWRResponse } from "swr";
import type { Patient } from "fhir/r4";
import { normalizeError, type AppIssue } from "@/lib/fhir/errors";
import { parseResourceAs } from "@/lib/fhir/parse";
import { loadPatientRecord, type PatientRecord } from "@/lib/fhir/record";
import { recordLoadOptions } from "@/lib/smart/session-policy";
import { SWR_OPTIONS } from "./swr-options";
import type { SmartSession } from "@/lib/smart/session-types";

export function usePatientRecord(session: SmartSession | null, asOf: Date): SWRResponse<PatientRecord, AppIssue> {
  return useSWR(
    session ? ["record", session.serverUrl, session.patientId] : null,
    async () => {
      if (!session) throw new Error("no session");
      try {
        return await loadPatientRecord(session.transport, session.patientId, recordLoadOptions(session.issuer, session.scopes, asOf));
      } catch (e) {
        throw normalizeError(e);
      }
    },
    SWR_OPTIONS,
  );
}

export type PatientState = { status: "loading" } | { status: "ready"; patient: Patient } | { status: "unavailable"; reason: string };

/** The patient's name and birth date for the banner and the pre-write identity check. */
export function usePatient(session: SmartSession | null): PatientState {
  const canRead = session !== null && session.scopes.granted["Patient.read"] !== "missing";
  const { data, error } = useSWR(
    session && canRead ? ["patient", session.serverUrl, session.patientId] : null,
    async () => {
      if (!session) throw new Error("no session");
      const r = await session.transport.request({ method: "GET", url: `Patient/${encodeURIComponent(session.patientId)}` });
      if (r.status !== 200) throw normalizeError(new Error(`status ${r.status}`), { resourceType: "Patient", interaction: "read" });
      const parsed = parseResourceAs("Patient", r.body);
      if (!parsed.ok) throw new Error("unreadable Patient");
      return parsed.resource;
    },
    SWR_OPTIONS,
  );
  if (session && !canRead) return { status: "unavailable", reason: "The EHR did not grant permission to read the patient's details." };
  if (error) return { status: "unavailable", reason: "The patient's details could not be read." };
  if (!data) return { status: "loading" };
  return { status: "ready", patient: data };
}
