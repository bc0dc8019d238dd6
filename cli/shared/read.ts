/**
 * The first pass over a command's input: groups every kept resource by patient (lib/fhir/load
 * PatientGroups) and remembers where it is, not what it is (cli/shared/handles.ts), so memory
 * stays bounded on exports of millions of resources:
 * - NDJSON files are read in large chunks and each line is scanned for resourceType, id and
 *   subject only (cli/shared/scan.ts); the second pass parses the kept lines in full;
 * - a Bundle JSON file is parsed whole (a Bundle is one JSON document) and its entries kept.
 * Only the resource types the command asks for are kept (plus Patient and Medication).
 * Bad input (unreadable file, not JSON, not a Bundle, no FHIR resource at all) throws
 * InputError. A line or entry that cannot be attributed to a patient never stops the run
 * and is never dropped: it is `unassigned`, with the patients it could belong to.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileBundle, parseNdjsonLine, PatientGroups, type UnattributedResource } from "@/lib/fhir/load";
import { InputError } from "./errors";
import { HandleTable } from "./handles";
import { inputFiles, type InputFile } from "./paths";
import { scanLine } from "./scan";

export interface ReadOptions {
  /** Patient-scoped resource types to keep (e.g. MedicationRequest). Patient and Medication are always kept. */
  types: ReadonlySet<string>;
}

/**
 * Who a resource that belongs to no patient could still concern: every patient (it may be an
 * order: its patient cannot be told), the patients whose orders name a Medication the input
 * lacks (a Medication without id), or none (a Patient resource without id).
 */
export type Affects = "every-patient" | "unresolved-medication" | "none";

export interface UnassignedResource extends UnattributedResource {
  affects: Affects;
}

export interface InputIndex {
  handles: HandleTable;
  groups: PatientGroups<number>;
  unassigned: UnassignedResource[];
  /** Resources kept (Patients, Medications and the asked-for types). */
  kept: number;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/** Who an unattributed resource could concern, from its type or, when it has none, its file's type. */
function affects(resourceType: string | null, fileType: string | null): Affects {
  const type = resourceType ?? fileType;
  if (type === "Patient") return "none";
  if (type === "Medication") return "unresolved-medication";
  return "every-patient";
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function readBundle(index: InputIndex, path: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  const json = parseNdjsonLine(text);
  if (!json.ok) throw new InputError(`${path} is ${json.issue}`);
  const filed = fileBundle(index.groups, json.raw, path, (value, origin) => {
    index.kept += 1;
    return index.handles.addValue(value, origin);
  });
  if (!filed.ok) throw new InputError(`${path} is ${filed.issue}`);
  for (const u of filed.unattributed) index.unassigned.push({ ...u, affects: affects(u.resourceType, null) });
}

/** Calls `line(buf, start, end, offset, lineNumber)` for every line of a file, read in chunks (a line may be longer than a chunk). */
function eachLine(path: string, line: (buf: Buffer, start: number, end: number, offset: number, lineNumber: number) => void): void {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.alloc(CHUNK_BYTES);
    let filled = 0;
    let fileOffset = 0; // of buf[0]
    let lineNumber = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.alloc(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, fileOffset + filled);
      filled += n;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl === -1 || nl >= filled) break;
        lineNumber += 1;
        line(buf, start, nl, fileOffset + start, lineNumber);
        start = nl + 1;
      }
      if (n === 0) {
        if (start < filled) line(buf, start, filled, fileOffset + start, lineNumber + 1);
        return;
      }
      buf.copy(buf, 0, start, filled);
      fileOffset += start;
      filled -= start;
    }
  } finally {
    closeSync(fd);
  }
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

function readNdjson(index: InputIndex, input: Extract<InputFile, { kind: "ndjson" }>, fileIndex: number, options: ReadOptions): void {
  const { path, resourceType: fileType } = input;
  if (fileType !== null && fileType !== "Patient" && fileType !== "Medication" && !options.types.has(fileType)) return;
  let resources = 0;
  let nonEmpty = 0;
  try {
    eachLine(path, (buf, start, end, offset, lineNumber) => {
      const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end; // CRLF
      if (isBlank(buf, start, stop)) return;
      nonEmpty += 1;
      const facts = scanLine(buf, start, stop);
      if (facts.resourceType !== null) resources += 1;
      const handle = index.handles.addLine(fileIndex, offset, stop - start, lineNumber);
      const filing = index.groups.file({ ...facts, fullUrl: null }, handle);
      if (filing.kind === "filed") index.kept += 1;
      if (filing.kind !== "unattributed") return;
      const text = buf.toString("utf8", start, stop);
      const parsed = parseNdjsonLine(text);
      const issue = parsed.ok ? filing.issue : parsed.issue;
      index.unassigned.push({ origin: `${path}:${lineNumber}`, resourceType: facts.resourceType ?? fileType, id: facts.id, issues: [issue], affects: affects(facts.resourceType, fileType) });
    });
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (nonEmpty > 0 && resources === 0) throw new InputError(`${path} holds no FHIR resource (not NDJSON of FHIR resources)`);
}

/** Reads every input file named by `path`. */
export async function indexInput(path: string, options: ReadOptions): Promise<InputIndex> {
  const files = await inputFiles(path);
  const index: InputIndex = { handles: new HandleTable(files.map((f) => f.path)), groups: new PatientGroups(options.types), unassigned: [], kept: 0 };
  for (const [i, file] of files.entries()) {
    if (file.kind === "bundle") await readBundle(index, file.path);
    else readNdjson(index, file, i, options);
  }
  return index;
}
