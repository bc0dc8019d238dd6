/**
 * CSS colours as sRGB, and the WCAG 2.2 contrast ratio between two of them.
 * Sources: WCAG 2.2, definitions of "relative luminance" and "contrast ratio"
 * (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance); success criteria 1.4.3 (4.5:1 text,
 * 3:1 large text) and 1.4.11 (3:1 user-interface components and graphics).
 * Only opaque colours are read: a translucent one depends on what lies beneath, so its
 * contrast cannot be checked here (the caller treats it as failing).
 */

export interface Rgb {
  /** 0-255 each. */
  r: number;
  g: number;
  b: number;
}

/** WCAG 2.2 AA minimum contrast ratios. */
export const AA_TEXT = 4.5;
export const AA_LARGE_TEXT = 3;
export const AA_NON_TEXT = 3;

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(rgba?|hsla?)\(\s*([^)]*)\)$/i;

function channel(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^-?\d*\.?\d+%?$/.test(t)) return null;
  const n = t.endsWith("%") ? (parseFloat(t) / 100) * max : parseFloat(t);
  return Number.isFinite(n) ? Math.min(max, Math.max(0, n)) : null;
}

function alphaIsOpaque(text: string | undefined): boolean {
  if (text === undefined) return true;
  const a = channel(text, 1);
  return a !== null && a >= 1;
}

function hexColor(hex: string): Rgb | null {
  const digits = hex.slice(1);
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join("") : digits;
  if (full.length === 8 && full.slice(6).toLowerCase() !== "ff") return null;
  return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16) };
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return { r: 255 * f(0), g: 255 * f(8), b: 255 * f(4) };
}

/** An opaque CSS colour (`#rgb`, `#rrggbb`, `rgb()`, `hsl()`, alpha 1) as sRGB; null otherwise. */
export function parseColor(css: string): Rgb | null {
  const text = css.trim();
  if (HEX.test(text)) return hexColor(text);
  const m = FUNC.exec(text);
  if (!m?.[1] || m[2] === undefined) return null;
  const parts = m[2].split(/\s*[,/]\s*|\s+/).filter(Boolean);
  if (parts.length !== 3 && parts.length !== 4) return null;
  if (!alphaIsOpaque(parts[3])) return null;
  const [p0 = "", p1 = "", p2 = ""] = parts;
  if (m[1].toLowerCase().startsWith("rgb")) {
    const [r, g, b] = [channel(p0, 255), channel(p1, 255), channel(p2, 255)];
    return r === null || g === null || b === null ? null : { r, g, b };
  }
  const h = parseFloat(p0.replace(/deg$/, ""));
  const [s, l] = [channel(p1, 1), channel(p2, 1)];
  if (!Number.isFinite(h) || s === null || l === null || !p1.endsWith("%") || !p2.endsWith("%")) return null;
  return hslToRgb(((h % 360) + 360) % 360, s, l);
}

/** WCAG relative luminance of an sRGB colour (0 black .. 1 white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio (1..21) of two CSS colours; 1 (no contrast) when either is not an opaque colour. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
