/**
 * The warehouse UDF library's files (issue 18; docs/population.md, "Limits"): built afresh
 * with `node scripts/build-udf.mjs --out <tmp>` (what `npm run build:udf` runs), their raw
 * and gzipped sizes (gzip level 9), compared in the report with cli/mme/udf-limits.ts.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface FileSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface UdfSizes {
  main: FileSize;
  ndc: FileSize;
}

function sizeOf(path: string, file: string): FileSize {
  const bytes = readFileSync(path);
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export function measureUdf(repoRoot: string, tmpDir: string): UdfSizes {
  const out = join(tmpDir, "udf");
  execFileSync(process.execPath, [join(repoRoot, "scripts/build-udf.mjs"), "--out", out], { cwd: repoRoot, stdio: "pipe" });
  return { main: sizeOf(join(out, "mme-udf.js"), "dist/mme-udf.js"), ndc: sizeOf(join(out, "mme-udf-ndc.js"), "dist/mme-udf-ndc.js") };
}
