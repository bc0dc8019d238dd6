"use client";
/**
 * Data hooks: FHIR reads through lib/fhir, keyed by server + patient so two tabs (two
 * sessions) never share a cache entry (options: ./swr-options). One round of searches per
 * patient (lib/fhir/record `startPatientRecord`), seen through two keys: the medication orders
 * (enough for the MME, first on screen) and the whole record (readiness, trends, plan).
 */
import { useCallback } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { Patient } from "fhir/r4";
import { normalizeError, type AppIssue } from "@/lib/fhir/errors";
import { parseResourceAs } from "@/lib/fhir/parse";
import { startPatientRecord, type MedicationPart, type PatientRecord, type StagedRecord } from "@/lib/fhir/record";
import { recordLoadOptions } from "@/lib/smart/session-policy";
import type { SmartSession } from "@/lib/smart/session-types";
import { SWR_OPTIONS } from "./swr-options";

/** The searches in flight or done, per server and patient (shared by the two keys). */
const staged = new Map<string, StagedRecord>();

function stagedFor(session: SmartSession, asOf: Date): StagedRecord {
  const key = `${session.serverUrl}|${session.patientId}`;
  let found = staged.get(key);
  if (!found) {
    found = startPatientRecord(session.transport, session.patientId, recordLoadOptions(session.issuer, session.scopes, asOf));
    staged.set(key, found);
  }
  return found;
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    throw normalizeError(e);
  }
}

export interface PatientData {
  medications: MedicationPart | undefined;
  record: PatientRecord | undefined;
  error: AppIssue | undefined;
  /** Forget what was read and read it again (the clinician's "Try again"). */
  reload: () => void;
}

export function usePatientData(session: SmartSession | null, asOf: Date): PatientData {
  const { mutate } = useSWRConfig();
  const base = session ? [session.serverUrl, session.patientId] : null;
  const meds = useSWR(base ? ["medications", ...base] : null, () => (session ? settle(stagedFor(session, asOf).medications) : Promise.reject(new Error("no session"))), SWR_OPTIONS);
  const record = useSWR(base ? ["record", ...base] : null, () => (session ? settle(stagedFor(session, asOf).record) : Promise.reject(new Error("no session"))), SWR_OPTIONS);
  const reload = useCallback(() => {
    if (!session) return;
    staged.delete(`${session.serverUrl}|${session.patientId}`);
    void mutate(["medications", session.serverUrl, session.patientId]);
    void mutate(["record", session.serverUrl, session.patientId]);
  }, [mutate, session]);
  return { medications: meds.data, record: record.data, error: meds.error ?? record.error, reload };
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
