"use client";
/** The session's current status (capabilities, saving, limitations, ended), re-rendering on change. */
import { useSyncExternalStore } from "react";
import type { SessionStatus } from "@/lib/smart/session-status";
import type { SmartSession } from "@/lib/smart/session-types";

export function useSessionStatus(session: SmartSession): SessionStatus {
  return useSyncExternalStore(session.subscribe, session.status, session.status);
}
