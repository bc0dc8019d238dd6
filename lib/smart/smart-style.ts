/**
 * SMART "App styling" (smart_style_url, SMART App Launch 2.x, experimental): the EHR's colours,
 * fonts and dimensions, applied as CSS custom properties so the app looks at home in the
 * EHR's sidebar. Two checks before anything is used:
 * 1. Every value matches a strict pattern (the document comes from another server: nothing
 *    it says may inject CSS); unknown keys are ignored.
 * 2. Colours are accepted only where the result meets WCAG 2.2 AA (lib/smart/color-contrast):
 *    4.5:1 for text, and text on every surface the colour meets in the app (the app's own
 *    tinted panels and form fields, and white on the highlight colour of a primary button).
 *    Where a pair fails, the app keeps its own colour for that pair, silently (issue 19.5: the
 *    public launcher's highlight gave 1.92:1 link text and a white-on-light-blue save button).
 */
import { APP_COLOURS, FIELD_BG, ON_ACCENT } from "./app-colours";
import { AA_TEXT, contrastRatio } from "./color-contrast";

const COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\(\s*[0-9.%\s,/]+\))$/i;
const DIMENSION = /^\d{1,3}(\.\d{1,3})?(px|rem|em)$/;
const FONT = /^[A-Za-z0-9 ,'"-]{1,200}$/;

type ColourProperty = "--bg" | "--fg" | "--accent" | "--danger" | "--ok";

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

const COLOUR_PROPERTIES: readonly ColourProperty[] = ["--bg", "--fg", "--accent", "--danger", "--ok"];

function isColourProperty(p: string): p is ColourProperty {
  return COLOUR_PROPERTIES.some((c) => c === p);
}

/** The values that pass their pattern, by CSS property. */
function validated(doc: unknown): Record<string, string> {
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

const reads = (fg: string, bg: string): boolean => contrastRatio(fg, bg) >= AA_TEXT;

/** Surfaces of the app's own on which body text (`--fg`) appears. */
const TEXT_SURFACES = [APP_COLOURS["--panel"], APP_COLOURS["--danger-bg"], APP_COLOURS["--warn-bg"], APP_COLOURS["--ok-bg"], FIELD_BG];
/** The app's own text colours that may appear on the page background, whatever the EHR says. */
const TEXT_ON_BACKGROUND = [APP_COLOURS["--muted"], APP_COLOURS["--warn"], APP_COLOURS["--accent"], APP_COLOURS["--danger"], APP_COLOURS["--ok"]];

/**
 * Text and background as one pair: the first of (EHR text on EHR background, app text on
 * EHR background, EHR text on app background, the app's own) in which the text reads on the
 * background and on every app surface, and the app's other text colours read on the background.
 */
function textAndBackground(ehr: Partial<Record<ColourProperty, string>>): { fg?: string; bg?: string } {
  const candidates: Array<{ fg?: string; bg?: string }> = [
    { ...(ehr["--fg"] ? { fg: ehr["--fg"] } : {}), ...(ehr["--bg"] ? { bg: ehr["--bg"] } : {}) },
    ehr["--bg"] ? { bg: ehr["--bg"] } : {},
    ehr["--fg"] ? { fg: ehr["--fg"] } : {},
  ];
  for (const c of candidates) {
    const fg = c.fg ?? APP_COLOURS["--fg"];
    const bg = c.bg ?? APP_COLOURS["--bg"];
    if (reads(fg, bg) && TEXT_SURFACES.every((s) => reads(fg, s)) && TEXT_ON_BACKGROUND.every((t) => reads(t, bg))) return c;
  }
  return {};
}

/** The EHR colours that keep every pair they take part in at WCAG AA; the others are left to the app. */
function acceptedColours(ehr: Partial<Record<ColourProperty, string>>): Record<string, string> {
  const pair = textAndBackground(ehr);
  const bg = pair.bg ?? APP_COLOURS["--bg"];
  const out: Record<string, string> = {};
  if (pair.bg) out["--bg"] = pair.bg;
  if (pair.fg) out["--fg"] = pair.fg;
  const accent = ehr["--accent"];
  // links and summaries in the highlight colour on the background; white text on a primary button
  if (accent && reads(accent, bg) && reads(ON_ACCENT, accent)) out["--accent"] = accent;
  const danger = ehr["--danger"];
  if (danger && reads(danger, bg) && reads(danger, APP_COLOURS["--danger-bg"])) out["--danger"] = danger;
  const ok = ehr["--ok"];
  if (ok && reads(ok, bg) && reads(ok, APP_COLOURS["--ok-bg"])) out["--ok"] = ok;
  return out;
}

/** The CSS custom properties to set from a smart-style document (invalid values and failing colours dropped). */
export function styleProperties(doc: unknown): Record<string, string> {
  const valid = validated(doc);
  const colours: Partial<Record<ColourProperty, string>> = {};
  const others: Record<string, string> = {};
  for (const [property, value] of Object.entries(valid)) {
    if (isColourProperty(property)) colours[property] = value;
    else others[property] = value;
  }
  return { ...others, ...acceptedColours(colours) };
}
