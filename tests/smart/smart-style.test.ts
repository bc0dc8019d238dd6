import { describe, expect, it } from "vitest";
import { styleProperties } from "@/lib/smart/smart-style";

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
