/**
 * The HTML shell of the sandbox's own pages (launcher, authorize picker, simulated EHR frame):
 * plain HTML, no script, native form controls (keyboard accessible), visible focus.
 */
import { escapeHtml } from "./http";

const CSS = `
  :root { color-scheme: light; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1f24; background: #f6f8fa; }
  header.bar { background: #0b3d91; color: #fff; padding: .75rem 1.25rem; }
  header.bar h1 { font-size: 1.25rem; margin: 0; }
  header.bar p { margin: .25rem 0 0; color: #dbe7ff; }
  main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
  h2 { font-size: 1.125rem; margin: 1.5rem 0 .5rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #d0d7de; }
  th { background: #eef2f6; }
  a { color: #0a4ba8; }
  a.button, button { display: inline-block; padding: .375rem .75rem; margin: .125rem .25rem .125rem 0; border-radius: 4px; border: 1px solid #0a4ba8; background: #0a4ba8; color: #fff; text-decoration: none; font: inherit; cursor: pointer; }
  a.button.secondary, button.secondary { background: #fff; color: #0a4ba8; }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #bf5700; outline-offset: 2px; }
  fieldset { border: 1px solid #d0d7de; background: #fff; padding: .75rem 1rem; margin: 0 0 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: inline-block; margin: .25rem 1rem .25rem 0; }
  .hint { color: #57606a; font-size: .875rem; }
  .error { border-left: 4px solid #b42318; background: #fef3f2; padding: .5rem .75rem; }
  .choice { display: block; margin: .375rem 0; }
  code { background: #eef2f6; padding: 0 .25rem; }
`;

/** A complete HTML document. `body` must already be escaped. */
export function renderPage(title: string, subtitle: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="bar"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** Content-Security-Policy for the sandbox's pages; `frameSrc` lists origins that may be framed (/ehr). */
export function pageCsp(frameSrc: readonly string[] = []): Record<string, string> {
  // 'self': inside the simulated EHR frame, the app's authorization redirect comes back to this server.
  const frame = frameSrc.length ? `; frame-src 'self' ${frameSrc.join(" ")}` : "";
  return { "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'self'${frame}` };
}

/** An error page body. */
export function errorBody(title: string, message: string): string {
  return `<h2>${escapeHtml(title)}</h2><p class="error" role="alert">${escapeHtml(message)}</p>`;
}
