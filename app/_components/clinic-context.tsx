"use client";
/** The clinic's contact from the server's configuration (config `clinic`), for the patient handout. */
import { createContext, useContext, type ReactNode } from "react";
import type { ClinicContact } from "@/lib/handout";

const ClinicContext = createContext<ClinicContact | null>(null);

export function ClinicProvider({ clinic, children }: { clinic: ClinicContact | null; children: ReactNode }) {
  return <ClinicContext.Provider value={clinic}>{children}</ClinicContext.Provider>;
}

export function useClinic(): ClinicContact | null {
  return useContext(ClinicContext);
}
