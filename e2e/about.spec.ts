import { expect, test } from "@playwright/test";
import { launch } from "./support/launch";
import { APP_ORIGIN } from "./support/ports";

/** Issue 17.2: "About this tool" is reachable from the app's screen; its JSON is the same source. */
test.describe("About this tool", () => {
  test("the header links to the source attributes; the page and /api/about say the same", async ({ page, context }) => {
    await launch(page, "otp-tramadol-low");
    const link = page.getByTestId("about-link");
    await expect(link).toBeVisible();
    const [about] = await Promise.all([context.waitForEvent("page"), link.click()]);
    await about.waitForLoadState();
    await expect(about.getByRole("heading", { name: "About this tool" })).toBeVisible();
    const json: unknown = await (await fetch(`${APP_ORIGIN}/api/about`)).json();
    const evidence = typeof json === "object" && json !== null && "evidence" in json && Array.isArray(json.evidence) ? json.evidence : [];
    expect(evidence.length).toBeGreaterThan(5);
    const items = about.getByTestId("about-evidence").getByRole("listitem");
    await expect(items).toHaveCount(evidence.length);
    await about.screenshot({ path: "test-results/about-1280.png", fullPage: false });
    await about.setViewportSize({ width: 400, height: 900 });
    await about.screenshot({ path: "test-results/about-400.png", fullPage: false });
  });
});
