// ESLint flat config. Besides Next.js and typescript-eslint rules, it enforces the
// architecture's one-way rule (docs/architecture.md):
// - lib/domain, lib/mme, lib/taper, lib/careplan, lib/cds, lib/handout are PURE: no React, zod, fhirclient, swr,
//   Next, Medplum, Node built-ins, I/O layers, and no clock or randomness (asOf is passed in).
// - only lib/smart imports fhirclient; only lib/fhir and lib/config import zod;
// - lib/ never imports the sandbox, the CLI or the app;
// - app/ and lib/hooks import the engines through their entry points only (@/lib/mme, @/lib/taper,
//   @/lib/careplan), never an engine's internal module.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const PURE = ["lib/domain/**", "lib/mme/**", "lib/taper/**", "lib/careplan/**", "lib/cds/**", "lib/handout/**"];

const layerPatterns = [
  { group: ["@/sandbox/*", "**/sandbox/*", "@/cli/*", "**/cli/*", "@/app/*"], message: "lib/ never imports the sandbox, the CLI or the app." },
];

// app/ and lib/hooks reach the clinical engines through their entry points only (issue 14.5): the rules
// live in the engines, and an engine's internals can move without the UI noticing.
const engineInternals = {
  group: ["@/lib/mme/*", "@/lib/taper/*", "@/lib/careplan/*", "**/lib/mme/*", "**/lib/taper/*", "**/lib/careplan/*"],
  message: "Import the engines' entry points only (@/lib/mme, @/lib/taper, @/lib/careplan): clinical rules live in the engines, not in app/ or lib/hooks.",
};
const appPatterns = [
  engineInternals,
  { group: ["@/sandbox/*", "**/sandbox/*", "@/cli/*", "**/cli/*"], message: "The app never imports the sandbox or the CLI." },
];

const pureForbidden = [
  { name: "react", message: "Pure engines do not import React." },
  { name: "react-dom", message: "Pure engines do not import React." },
  { name: "zod", message: "Only lib/fhir and lib/config import zod; pure engines receive typed values." },
  { name: "fhirclient", message: "Only lib/smart imports fhirclient." },
  { name: "swr", message: "Pure engines do not fetch." },
  { name: "next", message: "Pure engines do not import Next.js." },
];
const purePatterns = [
  ...layerPatterns,
  { group: ["next/*", "@medplum/*", "node:*", "fs", "path", "http", "https", "child_process"], message: "Pure engines do no I/O." },
  { group: ["@/lib/fhir/*", "@/lib/smart/*", "@/lib/hooks/*", "@/lib/config", "**/lib/fhir/*", "**/lib/smart/*", "**/lib/hooks/*"], message: "Pure engines import only lib/domain and each other downward." },
];
const clockSyntax = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pure engines do not read the clock: take `asOf`." },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pure engines do not read the clock: take `asOf`." },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Pure engines are deterministic." },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: "Pure engines do not read the clock." },
  { selector: "MemberExpression[object.name='process']", message: "Pure engines do not read the environment." },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**",
      ".bench/**", "coverage/**", "public/vendor/**", "**/*.generated.ts", "dist/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
      "no-restricted-imports": ["error", {
        paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient (browser only, dynamic import)." },
                { name: "zod", message: "Only lib/fhir and lib/config import zod." }],
        patterns: [],
      }],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient (browser only, dynamic import)." },
                { name: "zod", message: "Only lib/fhir and lib/config import zod." }],
        patterns: layerPatterns,
      }],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient (browser only, dynamic import)." },
                { name: "zod", message: "Only lib/fhir and lib/config import zod." }],
        patterns: appPatterns,
      }],
    },
  },
  {
    files: ["lib/hooks/**"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient (browser only, dynamic import)." },
                { name: "zod", message: "Only lib/fhir and lib/config import zod." }],
        patterns: [...layerPatterns, engineInternals],
      }],
    },
  },
  { files: ["lib/smart/**"], rules: { "no-restricted-imports": ["error", { paths: [{ name: "zod", message: "Only lib/fhir and lib/config import zod." }], patterns: layerPatterns }] } },
  { files: ["lib/fhir/**", "lib/config.ts", "lib/config/**"], rules: { "no-restricted-imports": ["error", { paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient." }], patterns: layerPatterns }] } },
  // lib/fhir takes zod from lib/fhir/zod.ts, which turns off its eval probe in the browser (no CSP violation) before any schema exists.
  {
    files: ["lib/fhir/**"],
    ignores: ["lib/fhir/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "fhirclient", message: "Only lib/smart imports fhirclient." }, { name: "zod", message: "Import { z } from lib/fhir/zod (jitless in the browser: no CSP violation)." }], patterns: layerPatterns }] },
  },
  {
    files: PURE,
    rules: {
      "no-restricted-imports": ["error", { paths: pureForbidden, patterns: purePatterns }],
      "no-restricted-syntax": ["error", ...clockSyntax],
      "no-restricted-globals": ["error", { name: "fetch", message: "Pure engines do no I/O." }, { name: "window", message: "Pure engines do not touch the browser." }, { name: "localStorage", message: "Pure engines do not touch storage." }, { name: "sessionStorage", message: "Pure engines do not touch storage." }],
      "no-console": "error",
    },
  },
  {
    // Tests, e2e, scripts, CLI and sandbox may use zod-free Node APIs and console output.
    files: ["scripts/**", "cli/**", "sandbox/**", "e2e/**", "tests/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
