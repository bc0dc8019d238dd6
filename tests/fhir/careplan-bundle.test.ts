/**
 * The validator is loaded lazily: bundling lib/fhir/careplan for the browser (esbuild,
 * code splitting, as a client bundler does with dynamic imports) leaves @medplum/core and
 * the generated definitions out of the entry chunk. Sizes in the real app: npm run bench (lazily
 * loaded chunks, docs/benchmarks.md).
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function chunks() {
  const result = await build({
    stdin: { contents: 'export * from "@/lib/fhir/careplan";', resolveDir: process.cwd(), loader: "ts" },
    bundle: true, splitting: true, format: "esm", platform: "browser", minify: true, write: false,
    outdir: "out", entryNames: "entry", external: ["zod"], metafile: true, logLevel: "silent",
  });
  return Object.entries(result.metafile.outputs).map(([name, out]) => ({
    name,
    inputs: Object.keys(out.inputs),
    bytes: out.bytes,
    staticImports: out.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path),
  }));
}

type Chunk = Awaited<ReturnType<typeof chunks>>[number];

/** The entry and every chunk it loads before running (static imports, transitively): the up-front cost. */
function upFront(all: Chunk[], entry: Chunk): Chunk[] {
  const seen = new Map<string, Chunk>([[entry.name, entry]]);
  const queue = [...entry.staticImports];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const chunk = all.find((c) => c.name === name);
    if (chunk === undefined || seen.has(name)) continue;
    seen.set(name, chunk);
    queue.push(...chunk.staticImports);
  }
  return [...seen.values()];
}

describe("CarePlan I/O bundle", () => {
  it("keeps @medplum/core and the R4 definitions out of the entry chunk (dynamic import at save time)", async () => {
    const all = await chunks();
    const entry = all.find((c) => c.name.endsWith("entry.js"));
    if (entry === undefined) throw new Error("no entry chunk");
    const eager = upFront(all, entry);
    const eagerInputs = eager.flatMap((c) => c.inputs);
    expect(eagerInputs.some((i) => i.includes("@medplum/"))).toBe(false);
    expect(eagerInputs.some((i) => i.includes("careplan-definitions.generated"))).toBe(false);
    expect(all.some((c) => c.inputs.some((i) => i.includes("@medplum/core")))).toBe(true);
    expect(all.some((c) => c.inputs.some((i) => i.includes("careplan-definitions.generated")))).toBe(true);
    // the app's own save/validate/list code, without zod (shared with the FHIR gateway)
    expect(eager.reduce((n, c) => n + c.bytes, 0)).toBeLessThan(60_000);
  });
});
