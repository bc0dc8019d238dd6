"use client";
/**
 * The SMART session of this tab, for React: started once (lib/smart memoizes `ready()` per
 * state key, so StrictMode's double effects are safe), then provided by context.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { normalizeError, type AppIssue } from "@/lib/fhir/errors";
import type { SmartSession } from "@/lib/smart/session-types";

export type SessionState =
  | { status: "loading" }
  | { status: "ready"; session: SmartSession }
  | { status: "error"; issue: AppIssue };

const SessionContext = createContext<SessionState>({ status: "loading" });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    // Dynamic import: fhirclient must never be evaluated during server rendering.
    import("@/lib/smart/session")
      .then(({ startSession }) => startSession())
      .then(
        (session) => live && setState({ status: "ready", session }),
        (error: unknown) => live && setState({ status: "error", issue: normalizeError(error) }),
      );
    return () => {
      live = false;
    };
  }, []);
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  return useContext(SessionContext);
}
