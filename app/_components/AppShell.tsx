"use client";
/**
 * The light first-load part of the clinician's screen: providers and a skeleton. The screens
 * themselves (engines, charts, planner) arrive in a separate chunk, fetched while the SMART
 * session is being established, so neither waits for the other.
 */
import dynamic from "next/dynamic";
import { Providers } from "../providers";
import { SummarySkeleton } from "./Skeletons";

const ClinicianApp = dynamic(() => import("./ClinicianApp").then((m) => m.ClinicianApp), {
  ssr: false,
  loading: () => <SummarySkeleton />,
});

export function AppShell() {
  return (
    <Providers>
      <ClinicianApp />
    </Providers>
  );
}
