/**
 * Everything a benchmark run must undo, even when it fails or is interrupted: servers it
 * started (stopped by their own process id, or their process group when they were started
 * detached), temporary directories, shared files a build edited. Handlers run once, in
 * reverse order, on normal end, on an exception and on SIGINT/SIGTERM.
 */
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

type Step = () => void;

const steps: Step[] = [];
let ran = false;

/** Registers an undo step (runs before the ones registered earlier). */
export function onCleanup(step: Step): void {
  steps.push(step);
}

/** Runs the registered steps once; errors in one step do not stop the others. */
export function runCleanup(): void {
  if (ran) return;
  ran = true;
  for (const step of steps.reverse()) {
    try {
      step();
    } catch (e) {
      console.error(`cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Stops a child started with `detached: true` (its own process group) and whatever it spawned. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Removes a directory tree at cleanup. */
export function removeLater(dir: string): void {
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
}

/** Installs the process handlers (call once, from the entry point). */
export function installCleanupHandlers(): void {
  process.on("exit", runCleanup);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`bench: ${signal}, cleaning up`);
      runCleanup();
      process.exit(130);
    });
  }
}
