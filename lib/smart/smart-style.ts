/**
 * SMART "App styling" (smart_style_url, SMART App Launch 2.x, experimental): the EHR's colours,
 * fonts and dimensions, applied as CSS custom properties so the app looks at home in the
 * EHR's sidebar. Every value is checked against a strict pattern before use (the document
 * comes from another server: nothing it says may inject CSS); unknown keys are ignored.
 */

const COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\(\s*[0-9.%\s,/]+\))$/i;
const DIMENSION = /^\d{1,3}(\.\d{1,3})?(px|rem|em)$/;
const FONT = /^[A-Za-z0-9 ,'"-]{1,200}$/;

/** SMART style key -> [CSS custom property, validator]. */
const MAPPING: Record<string, readonly [string, RegExp]> = {
  color_background: ["--bg", COLOR],
  color_text: ["--fg", COLOR],
  color_highlight: ["--accent", COLOR],
  color_error: ["--danger", COLOR],
  color_success: ["--ok", COLOR],
  dim_border_radius: ["--radius", DIMENSION],
  dim_font_size: ["--font-size", DIMENSION],
  font_family_body: ["--font-body", FONT],
  font_family_heading: ["--font-heading", FONT],
};

/** The CSS custom properties to set from a smart-style document (invalid values dropped). */
export function styleProperties(doc: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return out;
  for (const [key, value] of Object.entries(doc)) {
    const target = MAPPING[key];
    if (!target || typeof value !== "string") continue;
    const [property, pattern] = target;
    const trimmed = value.trim();
    if (pattern.test(trimmed)) out[property] = trimmed;
  }
  return out;
}
