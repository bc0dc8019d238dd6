import { expect, type Page } from "@playwright/test";
import { encodeLaunchOptions, type LaunchOptions } from "../../sandbox/launch-options";
import { PRACTITIONER_PRIMARY } from "../../sandbox/scenarios/types";
import { APP_ORIGIN, SANDBOX_ISS, SANDBOX_ORIGIN } from "./ports";

/** A SMART launch and the record's searches on a busy 2-core machine (redirects, token, one round of searches). */
export const LAUNCH_TIMEOUT_MS = 60_000;

/** The EHR launch URL the sandbox's launcher would open (public launcher shape). */
export function launchUrl(options: LaunchOptions): string {
  return `${APP_ORIGIN}/launch.html?iss=${encodeURIComponent(SANDBOX_ISS)}&launch=${encodeLaunchOptions(options)}`;
}

/**
 * EHR launch for `patient` (practitioner preselected), then wait for the whole record (the MME
 * shows first, from the medication orders alone; the other screens once everything is in), or
 * an error page.
 */
export async function launch(page: Page, patient: string, extra: LaunchOptions = {}): Promise<void> {
  await page.goto(launchUrl({ patient, practitioner: PRACTITIONER_PRIMARY, ...extra }));
  await expect(page.getByTestId("mme-total").or(page.getByTestId("issue"))).toBeVisible({ timeout: LAUNCH_TIMEOUT_MS });
  await expect(page.getByTestId("record-ready").or(page.getByTestId("issue"))).toBeAttached({ timeout: LAUNCH_TIMEOUT_MS });
}

export async function openTab(page: Page, name: "Summary" | "Readiness" | "Trends" | "Plan" | "Handout"): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

export interface SandboxRequest {
  method: string;
  path: string;
  status: number;
  token: boolean;
  patient?: string | null;
}

/** FHIR requests the sandbox received (newest last), optionally filtered. */
export async function sandboxRequests(filter: (r: SandboxRequest) => boolean = () => true): Promise<SandboxRequest[]> {
  const res = await fetch(`${SANDBOX_ORIGIN}/sandbox/requests`);
  const body: unknown = await res.json();
  const list: unknown[] = Array.isArray(body) ? body : typeof body === "object" && body !== null && "requests" in body && Array.isArray(body.requests) ? body.requests : [];
  return list.filter(isRequest).filter(filter);
}

function isRequest(v: unknown): v is SandboxRequest {
  return typeof v === "object" && v !== null && "method" in v && "path" in v && "status" in v;
}

/** The tab is bound to its patient (`#pt=` in the URL) once the launch has completed: reload only after that. */
export async function waitForTabBinding(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain("pt=");
}
