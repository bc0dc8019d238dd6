"use client";
/**
 * What the clinician entered (planner options, checklist, the proposal identifier, the last
 * saved CarePlan id) survives a reload of the tab: kept in this tab's sessionStorage under a
 * key made of the SMART state key (in the URL, one per tab) and the patient id, so two tabs or
 * two patients never read each other's entries. No tokens; cleared with the tab.
 */
import { useCallback, useEffect, useState } from "react";

function storageKey(name: string, patientId: string): string | null {
  if (typeof window === "undefined") return null;
  const state = new URL(window.location.href).searchParams.get("state");
  return state ? `opioid-taper:${name}:${state}:${patientId}` : null;
}

function read<T>(key: string | null, isValid: (v: unknown) => v is T): T | null {
  if (!key) return null;
  try {
    const raw = window.sessionStorage.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * `useState` persisted per tab and patient. `initial` is used when nothing valid is stored;
 * `isValid` guards against entries written by an older version of the app.
 */
export function usePersistentState<T>(name: string, patientId: string, initial: () => T, isValid: (v: unknown) => v is T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => read(storageKey(name, patientId), isValid) ?? initial());
  useEffect(() => {
    const key = storageKey(name, patientId);
    if (!key) return;
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage full or blocked: the screen still works, only reload-persistence is lost */
    }
  }, [name, patientId, value]);
  const set = useCallback((next: T) => setValue(next), []);
  return [value, set];
}
