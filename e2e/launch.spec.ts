import { expect, test } from "@playwright/test";
import { APP_ORIGIN, STANDIN_ORIGIN } from "./support/ports";

const ISS = `${STANDIN_ORIGIN}/fhir`;

test.describe("launch.html", () => {
  test("is served and starts a SMART authorization redirect for iss + launch", async ({ page }) => {
    const authorize = page.waitForRequest((r) => r.url().startsWith(`${STANDIN_ORIGIN}/authorize`));
    const response = await page.goto(`/launch.html?iss=${encodeURIComponent(ISS)}&launch=launch-123`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    const url = new URL((await authorize).url());
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("e2e-client");
    expect(q.get("launch")).toBe("launch-123");
    expect(q.get("aud")).toBe(ISS);
    expect(q.get("redirect_uri")).toBe(`${APP_ORIGIN}/`);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // state from crypto.randomUUID(): 122 random bits (SMART requires >= 122)
    expect(q.get("state")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const scopes = (q.get("scope") ?? "").split(" ");
    expect(scopes).toContain("launch");
    expect(scopes).toContain("patient/MedicationRequest.rs");
    expect(scopes).toContain("patient/CarePlan.c");
    expect(scopes.some((s) => s.includes("*"))).toBe(false);
  });

  test("refuses an unknown iss with a page and no redirect", async ({ page }) => {
    const offsite: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(APP_ORIGIN)) offsite.push(r.url());
    });
    const response = await page.goto(`/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=x`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This EHR is not registered with this app" })).toBeVisible();
    expect(offsite).toEqual([]);
  });

  test("refuses parameters that would override the configuration", async ({ page }) => {
    const response = await page.goto(`/launch.html?iss=${encodeURIComponent(ISS)}&fhirServiceUrl=${encodeURIComponent("https://evil.example/fhir")}`);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("fhirServiceUrl");
  });
});

test.describe("/ without launch context", () => {
  test("explains how to open the app from the EHR", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Open this app from your EHR" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Stand-in EHR" })).toHaveAttribute("href", `/launch.html?iss=${encodeURIComponent(ISS)}`);
    expect(errors).toEqual([]);
  });
});
