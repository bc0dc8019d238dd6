/** The machine a run measured (figures are only comparable on the same machine and load). */
import { execFileSync } from "node:child_process";
import { cpus, freemem, loadavg, release, totalmem, type as osType } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  os: string;
  node: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  commit: string;
  date: string;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The machine now; `loadAtEnd` is filled by `finishMachine`. */
export function describeMachine(repoRoot: string): Machine {
  const list = cpus();
  const commit = git(["rev-parse", "--short", "HEAD"], repoRoot);
  const dirty = git(["status", "--porcelain", "--untracked-files=no"], repoRoot) !== "";
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGb: round2(totalmem() / 1e9),
    freeMemoryGb: round2(freemem() / 1e9),
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAtStart: loadavg().map(round2),
    loadAtEnd: [],
    commit: commit === "" ? "unknown" : `${commit}${dirty ? " (with uncommitted changes)" : ""}`,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
}

export function finishMachine(m: Machine): Machine {
  return { ...m, loadAtEnd: loadavg().map(round2) };
}
