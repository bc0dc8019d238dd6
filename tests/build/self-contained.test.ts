/**
 * The repository stands alone: a clone with nothing beside it installs and passes its tests
 * (docs/architecture.md anti-pattern 12). No tracked file may point outside the repository at the
 * shared reference material the project was started from; data lives in data/, test inputs in
 * tests/fixtures/, and citations point to docs/clinical-sources.md (and docs/smart-sources.md).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Built from parts so that this file does not match itself.
const OUTSIDE = new RegExp(["\\.\\./", "shared", "|/work/", "shared"].join(""));

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter((f) => f !== "" && existsSync(f));
}

describe("self-contained repository", () => {
  it("no tracked file mentions a path to the shared material outside the repository", () => {
    const offenders = trackedFiles()
      .filter((f) => !/\.(xlsx|png|ico|woff2?)$/.test(f))
      .filter((f) => OUTSIDE.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it.each(["data/README.md", "tests/fixtures/README.md", "docs/clinical-sources.md"])("%s exists (provenance and citations live in the repository)", (file) => {
    expect(existsSync(file)).toBe(true);
  });
});
