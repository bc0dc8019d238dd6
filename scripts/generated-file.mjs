/**
 * The one way every generator (scripts/generate-*.mjs, run as `npm run generate:*`) writes its file:
 *   (no option)    write the committed file `committedPath`;
 *   --out <file>   write to <file> instead (the unit test generates into a temp dir and compares the bytes
 *                  with the committed file: tests/scripts/generators.test.ts);
 *   --check        write nothing; exit 1 when the committed file differs from what the sources give.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

/** @param {string} committedPath @param {string} text @param {string} npmScript e.g. "generate:ndc" */
export function writeGeneratedFile(committedPath, text, npmScript, argv = process.argv) {
  const shown = relative(process.cwd(), committedPath);
  if (argv.includes("--check")) {
    if (readFileSync(committedPath, "utf8") !== text) {
      console.error(`${shown} is out of date: run npm run ${npmScript}`);
      process.exit(1);
    }
    console.error(`${shown} is up to date`);
    return;
  }
  const outIndex = argv.indexOf("--out");
  const outArg = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outArg) throw new Error("--out needs a file path");
  const target = outArg ? resolve(outArg) : committedPath;
  writeFileSync(target, text);
  console.error(`wrote ${relative(process.cwd(), target)} (${Buffer.byteLength(text)} bytes)`);
}
