#!/usr/bin/env node
/**
 * Generates docs/source-attributes.md from lib/about/source-attributes.ts (the one source of the app's
 * "About this tool", its JSON at /api/about and this document). Runs under tsx (it imports those modules).
 *
 * Usage: npm run generate:source-attributes [-- --check | -- --out <file>] (scripts/generated-file.mjs).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeGeneratedFile } from "./generated-file.mjs";
import { sourceAttributesMarkdown } from "../lib/about/markdown.ts";
import { SOURCE_ATTRIBUTES } from "../lib/about/source-attributes.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_PATH = resolve(root, "docs/source-attributes.md");

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeGeneratedFile(OUT_PATH, sourceAttributesMarkdown(SOURCE_ATTRIBUTES), "generate:source-attributes");
}
