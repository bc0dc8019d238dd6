/**
 * zod for lib/fhir, configured before any schema is built. In the browser zod runs `jitless`:
 * otherwise, when its first object schema is created, it probes for `new Function("")` (its
 * JIT fast path), and under the app's Content-Security-Policy (no 'unsafe-eval') the browser
 * reports a CSP violation on every page that loads a schema, although zod catches the
 * error (issue 19.7). The probe's answer would be "no" there anyway, so nothing is lost. On
 * the server, the CLI and the tests (no CSP) the JIT stays on.
 * Every lib/fhir module imports zod from here (`import * as z from "./zod"`, tree-shakeable;
 * ESLint enforces it): a module's imports are evaluated before its body, so the setting is in
 * place before the first schema exists.
 */
import { config } from "zod";

if (typeof document !== "undefined") config({ jitless: true });

export * from "zod";
