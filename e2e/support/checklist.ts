import { expect, type Page } from "@playwright/test";
import { CONFIRMATION_IDS } from "../../lib/domain/readiness";

/** Ticks every confirmation and sets the follow-up date (the condition to save). */
export async function completeChecklist(page: Page, followUp: string, { savable = true } = {}): Promise<void> {
  for (const id of CONFIRMATION_IDS) await page.locator(`[data-confirm-id="${id}"]`).check();
  await page.getByLabel("First follow-up date").fill(followUp);
  if (savable) await expect(page.getByTestId("review-save")).toBeEnabled();
}

/** The access token of this tab's SMART session (fhirclient keeps it under the state key). */
export async function accessToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const state = new URL(window.location.href).searchParams.get("state") ?? "";
    const raw = window.sessionStorage.getItem(state);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed === "object" && parsed !== null && "tokenResponse" in parsed) {
      const tr: unknown = parsed.tokenResponse;
      if (typeof tr === "object" && tr !== null && "access_token" in tr && typeof tr.access_token === "string") return tr.access_token;
    }
    throw new Error("no access token in the tab's session");
  });
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
