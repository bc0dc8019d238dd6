import { describe, expect, it } from "vitest";
import { terminalSafe } from "@/cli/shared/terminal-text";

describe("terminalSafe", () => {
  it.each([
    ["ESC colour sequence", "oxy\u001b[31mcodone", "oxy[31mcodone"],
    ["BEL", "ring\u0007", "ring"],
    ["carriage return that would overwrite the line", "120 MME\r  5 MME", "120 MME  5 MME"],
    ["C1 CSI (U+009B)", "a\u009b2Jb", "a2Jb"],
    ["DEL", "x\u007fy", "xy"],
    ["NUL and vertical tab", "a\u0000b\u000bc", "abc"],
  ])("removes %s", (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it("keeps tabs, line feeds and non-control Unicode (accents, the micro sign, em dash)", () => {
    const text = "José\tµg — 5 mg\n";
    expect(terminalSafe(text)).toBe(text);
  });

  it("keeps JSON valid when a string value held C1 or DEL characters", () => {
    const json = JSON.stringify({ display: "hydro\u009bcodone\u007f", sig: "take 1\u001b[2J" }, null, 2);
    const cleaned = terminalSafe(json);
    expect(JSON.parse(cleaned)).toEqual({ display: "hydrocodone", sig: "take 1\u001b[2J" });
    expect(cleaned).not.toMatch(/[\u007f-\u009f]/);
  });
});

describe("the plan command's process output", () => {
  it("writes no control character to stderr, even when the input quoted back holds ESC and BEL", async () => {
    const { spawnSync } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const repo = fileURLToPath(new URL("../../", import.meta.url));
    const bundle = fileURLToPath(new URL("../taper/fixtures/long-term-oxycodone-benzo-no-naloxone.json", import.meta.url));
    const r = spawnSync(process.execPath, ["--import", "tsx", "cli/plan.ts", bundle, "--patient", "p\u001b[31mX\u0007"], { cwd: repo, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("p[31mX");
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
