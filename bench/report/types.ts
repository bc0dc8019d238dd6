/** Everything one `npm run bench` measured, as rendered into the report. */
import type { AppResults } from "../app/run";
import type { CommandResult } from "../command/run";
import type { EngineResults } from "../engines/run";
import type { Machine } from "../machine";

export interface BenchSettings {
  mmeSizes: number[];
  commandResources: number;
  commandRuns: number;
  launches: number;
  browser: boolean;
}

export interface BenchReport {
  machine: Machine;
  settings: BenchSettings;
  engines: EngineResults | null;
  command: CommandResult | null;
  app: AppResults | null;
  /** Section -> error message, for a part that failed outright. */
  errors: Record<string, string>;
  durationSeconds: number;
}
