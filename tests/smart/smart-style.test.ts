import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_COLOURS } from "@/lib/smart/app-colours";
import { contrastRatio, parseColor } from "@/lib/smart/color-contrast";
import { styleProperties } from "@/lib/smart/smart-style";
import { LAUNCHER_SMART_STYLE, SMART_STYLE } from "@/sandbox/auth/discovery";

describe("smart_style_url document -> CSS custom properties", () => {
  it("maps the SMART keys it knows", () => {
    expect(styleProperties({ color_highlight: "#0a4ba8", color_text: "rgb(27, 31, 36)", dim_border_radius: "4px", font_family_body: "'Segoe UI', sans-serif" })).toEqual({
      "--accent": "#0a4ba8",
      "--fg": "rgb(27, 31, 36)",
      "--radius": "4px",
      "--font-body": "'Segoe UI', sans-serif",
    });
  });

  it.each([
    ["color_highlight", "red; background: url(https://evil.example/x)"],
    ["color_text", "expression(alert(1))"],
    ["dim_font_size", "16px; color: red"],
    ["font_family_body", "Arial}body{display:none"],
    ["color_error", "#12345678901"],
  ])("drops a value that could inject CSS (%s: %s)", (key, value) => {
    expect(styleProperties({ [key]: value })).toEqual({});
  });

  it("ignores unknown keys and non-object documents", () => {
    expect(styleProperties({ color_unknown: "#fff", color_background: 12 })).toEqual({});
    expect(styleProperties(null)).toEqual({});
    expect(styleProperties(["#fff"])).toEqual({});
  });
});

describe("EHR colours only where WCAG AA holds (issue 19.5)", () => {
  it("the public launcher's style: its text and background and its error colour are used; its highlight (1.92:1 as link text, white on it 2.31:1) and success (3.65:1 on the app's green tint) are not", () => {
    // contrast ratios, WCAG 2.2: #69b5ce on #edeae3 = 1.92; #fff on #69b5ce = 2.31; #498e49 on #edf7ee = 3.65
    expect(contrastRatio("#69b5ce", "#edeae3")).toBeCloseTo(1.92, 2);
    expect(contrastRatio("#ffffff", "#69b5ce")).toBeCloseTo(2.31, 2);
    expect(contrastRatio("#498e49", APP_COLOURS["--ok-bg"])).toBeCloseTo(3.65, 2);
    expect(styleProperties(LAUNCHER_SMART_STYLE)).toEqual({
      "--bg": "#edeae3",
      "--fg": "#303030",
      "--danger": "#9e2d2d",
      "--radius": "6px",
      "--font-size": "13px",
      "--font-body": "Georgia, Times, 'Times New Roman', serif",
      // font_family_heading ends in ";": dropped by the pattern
    });
  });

  it("the sandbox EHR's own style passes whole", () => {
    const props = styleProperties(SMART_STYLE);
    expect(props).toMatchObject({ "--bg": "#f6f8fa", "--fg": "#1b1f24", "--accent": "#0a4ba8", "--danger": "#b42318", "--ok": "#1a7f37" });
  });

  it("a dark EHR theme (light text on a dark background) is refused as a pair: the app's tinted panels would carry light text", () => {
    expect(styleProperties({ color_background: "#111111", color_text: "#eeeeee" })).toEqual({});
  });

  it("keeps the EHR's background with the app's text when only the EHR's text fails", () => {
    expect(styleProperties({ color_background: "#fafafa", color_text: "#999999" })).toEqual({ "--bg": "#fafafa" });
  });

  it("keeps the EHR's text with the app's background when only the EHR's background fails", () => {
    // #c0c0c0 would leave the app's muted grey at 3.8:1
    expect(styleProperties({ color_background: "#c0c0c0", color_text: "#000000" })).toEqual({ "--fg": "#000000" });
  });

  it("judges the highlight against the background actually used", () => {
    // #0b57d0 reads on white (6.0:1) but #2f6fdb on #e8e8e8 does not (3.9:1)
    expect(styleProperties({ color_background: "#e8e8e8", color_highlight: "#2f6fdb" })).toEqual({ "--bg": "#e8e8e8" });
    expect(styleProperties({ color_highlight: "#1a55b0" })).toEqual({ "--accent": "#1a55b0" });
  });

  it("treats a translucent colour as unverifiable (the app's own is kept)", () => {
    expect(styleProperties({ color_text: "rgba(0, 0, 0, 0.5)", color_highlight: "#0a4ba880" })).toEqual({});
  });
});

describe("colour parsing and contrast (WCAG 2.2 relative luminance)", () => {
  it.each([
    ["#fff", { r: 255, g: 255, b: 255 }],
    ["#0B57D0", { r: 11, g: 87, b: 208 }],
    ["#0b57d0ff", { r: 11, g: 87, b: 208 }],
    ["rgb(27, 31, 36)", { r: 27, g: 31, b: 36 }],
    ["rgb(100% 0% 0% / 1)", { r: 255, g: 0, b: 0 }],
    ["hsl(120, 100%, 25%)", { r: 0, g: 127.5, b: 0 }],
  ])("%s", (css, rgb) => {
    expect(parseColor(css)).toEqual(rgb);
  });

  it.each(["#0b57d080", "rgba(0,0,0,.5)", "hsla(0, 0%, 0%, 0.2)", "red", "#12", "rgb(1,2)"])("%s is not an opaque colour it can judge", (css) => {
    expect(parseColor(css)).toBeNull();
  });

  it("black on white is 21:1, a colour on itself 1:1, unreadable input 1:1", () => {
    expect(contrastRatio("#000", "#fff")).toBe(21);
    expect(contrastRatio("#777", "#777")).toBe(1);
    expect(contrastRatio("nonsense", "#fff")).toBe(1);
  });
});

describe("APP_COLOURS", () => {
  it("equals the :root custom properties of app/globals.css (one set of colours)", () => {
    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
    const declared = Object.fromEntries([...root.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{3,8})\s*;/gi)].map((m) => [m[1], m[2]]));
    expect(declared).toEqual(APP_COLOURS);
  });

  it("the app's own colours meet AA with each other where they meet", () => {
    const c = APP_COLOURS;
    for (const text of [c["--fg"], c["--muted"], c["--accent"], c["--danger"], c["--warn"], c["--ok"]]) expect(contrastRatio(text, c["--bg"])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#ffffff", c["--accent"])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c["--danger"], c["--danger-bg"])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c["--ok"], c["--ok-bg"])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c["--warn"], c["--warn-bg"])).toBeGreaterThanOrEqual(4.5);
  });
});
