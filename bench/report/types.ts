/** Everything one `npm run bench` measured, as rendered into the report. */
import type { AppResults } from "../app/run";
import type { MillionResult } from "../command/million";
import type { CommandResult } from "../command/run";
import type { UdfSizes } from "../command/udf";
import type { EngineResults } from "../engines/run";
import type { Machine } from "../machine";

export interface BenchSettings {
  mmeSizes: number[];
  commandResources: number;
  commandRuns: number;
  /** Resources of the large export (1M). */
  millionResources: number;
  launches: number;
  browser: boolean;
}

export interface BenchReport {
  machine: Machine;
  settings: BenchSettings;
  engines: EngineResults | null;
  command: CommandResult | null;
  /** The command over a 1M-resource export (issue 18). */
  million: MillionResult | null;
  /** The warehouse UDF library's file sizes (issue 18). */
  udf: UdfSizes | null;
  app: AppResults | null;
  /** Section -> error message, for a part that failed outright. */
  errors: Record<string, string>;
  durationSeconds: number;
}
