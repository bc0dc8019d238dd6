/**
 * Reads a command's input into an InputStore, grouping resources by patient:
 * - a Bundle JSON file (any bundle type, many patients): parsed whole, each entry filed;
 * - NDJSON files: streamed line by line (readline), so memory holds only the kept lines.
 * Only the resource types the command asks for are kept (plus Patient and Medication).
 * Bad input (unreadable file, not JSON, not a Bundle, no FHIR resource at all) throws
 * InputError; a malformed line or entry never stops the run (it is filed as unreadable).
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseResourceAs } from "@/lib/fhir/parse";
import { rawProp, rawString } from "@/lib/fhir/raw";
import { InputError } from "./errors";
import { inputFiles, type InputFile } from "./paths";
import { InputStore, type StoredResource } from "./store";

export interface ReadOptions {
  /** Patient-scoped resource types to keep (e.g. MedicationRequest). Patient and Medication are always kept. */
  types: ReadonlySet<string>;
}

function subjectReference(raw: unknown): string | null {
  return rawString(rawProp(raw, "subject"), "reference") ?? rawString(rawProp(raw, "patient"), "reference");
}

/** Files one raw resource; returns false when it is not a resource at all (no resourceType). */
function file(store: InputStore, raw: unknown, text: string | null, origin: string, fullUrl: string | null, options: ReadOptions): boolean {
  const resourceType = rawString(raw, "resourceType");
  if (resourceType === null) {
    store.unassigned.push({ origin, resourceType: null, id: null, issues: ["resourceType: missing"] });
    return false;
  }
  const id = rawString(raw, "id");
  const stored: StoredResource = { resourceType, text, value: text === null ? raw : null, origin };
  if (resourceType === "Patient") {
    if (id === null) store.unassigned.push({ origin, resourceType, id, issues: ["id: missing"] });
    else store.addPatient(id, fullUrl, stored);
  } else if (resourceType === "Medication") {
    store.addMedication(id, fullUrl, stored);
  } else if (options.types.has(resourceType)) {
    const subject = subjectReference(raw);
    if (subject === null) store.unassigned.push({ origin, resourceType, id, issues: ["subject: missing, so the patient is unknown"] });
    else store.addForSubject(subject, stored);
  } else {
    return true;
  }
  store.resourceCount += 1;
  return true;
}

async function readBundle(store: InputStore, path: string, options: ReadOptions): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const bundle = parseResourceAs("Bundle", json);
  if (!bundle.ok) throw new InputError(`${path} is not a FHIR R4 Bundle (${bundle.unreadable.issues[0] ?? "invalid"})`);
  const entries = rawProp(json, "entry");
  if (!Array.isArray(entries)) return;
  entries.forEach((entry: unknown, i) => {
    const raw = rawProp(entry, "resource");
    if (raw !== undefined) file(store, raw, null, `${path}#entry[${i}]`, rawString(entry, "fullUrl"), options);
  });
}

async function readNdjson(store: InputStore, input: Extract<InputFile, { kind: "ndjson" }>, options: ReadOptions): Promise<void> {
  const { path, resourceType } = input;
  if (resourceType !== null && resourceType !== "Patient" && resourceType !== "Medication" && !options.types.has(resourceType)) return;
  const stream = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let resources = 0;
  let nonEmpty = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      nonEmpty += 1;
      const origin = `${path}:${lineNumber}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        store.unassigned.push({ origin, resourceType, id: null, issues: [`not JSON (${e instanceof Error ? e.message : String(e)})`] });
        continue;
      }
      if (file(store, raw, line, origin, null, options)) resources += 1;
    }
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (nonEmpty > 0 && resources === 0) throw new InputError(`${path} holds no FHIR resource (not NDJSON of FHIR resources)`);
}

/** Reads every input file named by `path` into a store. */
export async function readInput(path: string, options: ReadOptions): Promise<InputStore> {
  const store = new InputStore();
  for (const input of await inputFiles(path)) {
    if (input.kind === "bundle") await readBundle(store, input.path, options);
    else await readNdjson(store, input, options);
  }
  return store;
}
