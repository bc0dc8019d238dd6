"use client";
/**
 * The light first-load part of the clinician's screen: providers and a skeleton. The screens
 * themselves (engines, charts, planner) arrive in a separate chunk, fetched while the SMART
 * session is being established, so neither waits for the other.
 */
import dynamic from "next/dynamic";
import type { ClinicContact } from "@/lib/handout";
import { Providers } from "../providers";
import { ClinicProvider } from "./clinic-context";
import { SummarySkeleton } from "./Skeletons";

const ClinicianApp = dynamic(() => import("./ClinicianApp").then((m) => m.ClinicianApp), {
  ssr: false,
  loading: () => <SummarySkeleton />,
});

/** `clinic`: the configured clinic contact for the handout (public: printed for patients). */
export function AppShell({ clinic }: { clinic: ClinicContact | null }) {
  return (
    <Providers>
      <ClinicProvider clinic={clinic}>
        <ClinicianApp />
      </ClinicProvider>
    </Providers>
  );
}
