/**
 * Where each kept resource of the input is, so memory holds positions rather than resources:
 * an NDJSON line is (file, byte offset, byte length, line number), about 20 bytes in typed
 * arrays; a Bundle entry (already parsed with its file) is its value. The second pass, in
 * this thread or in a worker, reads the lines back (one positioned read each) as UTF-8,
 * refusing bytes that are not UTF-8 (never a silent replacement character).
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { SourcedResource } from "@/lib/fhir/load";

/** A handle as it crosses to a worker: a line position, or a Bundle entry's value. */
export type ItemRef = { line: [file: number, offset: number, length: number, lineNumber: number] } | { value: unknown; origin: string };

export class HandleTable {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private lineNumbers = new Uint32Array(1024);
  private fileIds = new Uint16Array(1024);
  private count = 0;
  private readonly values: Array<{ value: unknown; origin: string }> = [];

  constructor(readonly paths: readonly string[]) {}

  /** Adds an NDJSON line; returns its handle (a non-negative number). */
  addLine(file: number, offset: number, length: number, lineNumber: number): number {
    if (this.count === this.offsets.length) this.grow();
    const h = this.count++;
    this.fileIds[h] = file;
    this.offsets[h] = offset;
    this.lengths[h] = length;
    this.lineNumbers[h] = lineNumber;
    return h;
  }

  /** Adds a parsed Bundle entry; returns its handle (a negative number). */
  addValue(value: unknown, origin: string): number {
    this.values.push({ value, origin });
    return -this.values.length;
  }

  private grow(): void {
    const n = this.offsets.length * 2;
    const grown = <T extends Float64Array | Uint32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.offsets = grown(this.offsets, (k) => new Float64Array(k));
    this.lengths = grown(this.lengths, (k) => new Uint32Array(k));
    this.lineNumbers = grown(this.lineNumbers, (k) => new Uint32Array(k));
    this.fileIds = grown(this.fileIds, (k) => new Uint16Array(k));
  }

  ref(h: number): ItemRef {
    if (h < 0) {
      const v = this.values[-h - 1];
      return { value: v?.value, origin: v?.origin ?? "(unknown)" };
    }
    return { line: [this.fileIds[h] ?? 0, this.offsets[h] ?? 0, this.lengths[h] ?? 0, this.lineNumbers[h] ?? 0] };
  }

  /** `file:line` of a handle. */
  origin(h: number): string {
    const ref = this.ref(h);
    return "line" in ref ? `${this.paths[ref.line[0]] ?? "?"}:${ref.line[3]}` : ref.origin;
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Reads items back from the input files (opened once, closed by `close`). */
export class ItemReader {
  private readonly fds = new Map<number, number>();
  private buffer = Buffer.alloc(64 * 1024);

  constructor(private readonly paths: readonly string[]) {}

  private fd(file: number): number {
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = openSync(this.paths[file] ?? "", "r");
      this.fds.set(file, fd);
    }
    return fd;
  }

  read(ref: ItemRef): SourcedResource {
    if (!("line" in ref)) return { text: null, value: ref.value, origin: ref.origin };
    const [file, offset, length, lineNumber] = ref.line;
    const origin = `${this.paths[file] ?? "?"}:${lineNumber}`;
    if (this.buffer.length < length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2));
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd(file), this.buffer, got, length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    try {
      return { text: UTF8.decode(this.buffer.subarray(0, got)), value: null, origin };
    } catch {
      return { text: null, value: null, origin, issue: "not UTF-8 text" };
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
