/**
 * The app's own colours (the `:root` custom properties of app/globals.css; a unit test keeps
 * the two equal), and which of them sit on which: what an EHR colour replacing one of them
 * must still contrast with (lib/smart/smart-style).
 */
export const APP_COLOURS = {
  "--fg": "#1b1f24",
  "--muted": "#57606a",
  "--bg": "#ffffff",
  "--panel": "#f6f8fa",
  "--border": "#d0d7de",
  "--accent": "#0b57d0",
  "--danger": "#b42318",
  "--danger-bg": "#fef3f2",
  "--warn": "#8a4b00",
  "--warn-bg": "#fff8e6",
  "--ok": "#146c2e",
  "--ok-bg": "#edf7ee",
} as const;

export type AppColour = keyof typeof APP_COLOURS;

/** Text colour of a primary button (on `--accent`), and the background of form fields (text in `--fg`). */
export const ON_ACCENT = "#ffffff";
export const FIELD_BG = "#ffffff";
