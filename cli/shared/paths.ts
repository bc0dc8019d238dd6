/**
 * What a command's <path> names: one FHIR Bundle JSON file, one NDJSON file, or a directory of
 * Bulk Data NDJSON files (`MedicationRequest.ndjson`, `Patient.ndjson`, `Medication.ndjson`...;
 * also `Type.000.ndjson`), and, for convenience, Bundle JSON files in that directory.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "./errors";

export type InputFile = { kind: "bundle"; path: string } | { kind: "ndjson"; path: string; resourceType: string | null };

const NDJSON = /\.ndjson$/i;
const JSON_FILE = /\.json$/i;
/** Bulk Data names files after their resource type: `Patient.ndjson`, `Patient.2.ndjson`. */
const TYPE_FROM_NAME = /^([A-Z][A-Za-z]+)(?:[.-]\d+)?\.ndjson$/;

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function ndjsonFile(dir: string, name: string): InputFile {
  return { kind: "ndjson", path: join(dir, name), resourceType: TYPE_FROM_NAME.exec(name)?.[1] ?? null };
}

/** Lists the input files; throws InputError when the path cannot be read or holds no input. */
export async function inputFiles(path: string): Promise<InputFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (info.isFile()) return NDJSON.test(path) ? [ndjsonFile("", path)] : [{ kind: "bundle", path }];
  if (!info.isDirectory()) throw new InputError(`${path} is neither a file nor a directory`);
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (e) {
    throw new InputError(`cannot read the directory ${path}: ${describe(e)}`);
  }
  const files: InputFile[] = [
    ...names.filter((n) => NDJSON.test(n)).map((n) => ndjsonFile(path, n)),
    ...names.filter((n) => JSON_FILE.test(n)).map((n): InputFile => ({ kind: "bundle", path: join(path, n) })),
  ];
  if (files.length === 0) throw new InputError(`${path} holds no .ndjson or .json files`);
  return files;
}
