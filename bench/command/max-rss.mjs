/**
 * Preloaded (`node --import`) into the measured `mme` command: on exit, writes the process's
 * peak resident set size (process.resourceUsage().maxRSS, kilobytes) and its own CPU times to
 * the file named by BENCH_RSS_FILE. Portable (no /usr/bin/time, no /proc polling).
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
