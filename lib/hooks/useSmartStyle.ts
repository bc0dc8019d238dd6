"use client";
/** Fetches the EHR's smart_style_url once and returns CSS custom properties for the app root. */
import useSWR from "swr";
import { styleProperties } from "@/lib/smart/smart-style";
import { SWR_OPTIONS } from "./swr-options";

export function useSmartStyle(url: string | null): Record<string, string> {
  const { data } = useSWR(url && /^https?:\/\//.test(url) ? ["smart-style", url] : null, async () => {
    // No credentials, no token: the style document is public. Failure: the app's own style.
    const res = await fetch(url ?? "", { credentials: "omit", referrerPolicy: "no-referrer" });
    if (!res.ok) return {};
    return styleProperties(await res.json());
  }, SWR_OPTIONS);
  return data ?? {};
}
