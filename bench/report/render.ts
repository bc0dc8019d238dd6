/**
 * The report (markdown, printed and written to docs/benchmarks.md with `--write`): budgets
 * first, each figure beside its limit and "over budget" where it is, with the reason and
 * the fix for each one not met; then the sections; then the machine.
 */
import { budgetChecks, status } from "./checks";
import { explain } from "./explain";
import { num, table } from "./format";
import { observations } from "./observations";
import { bundleSection, commandSection, enginesSection, launchSection, udfSection } from "./sections";
import type { BenchReport } from "./types";

function machineSection(r: BenchReport): string {
  const m = r.machine;
  return `## Machine

${table(["", ""], [
    ["CPU", `${m.cpu}, ${m.cores} cores`],
    ["memory", `${num(m.memoryGb, 1)} GB (${num(m.freeMemoryGb, 1)} GB free at start)`],
    ["OS", m.os],
    ["Node", m.node],
    ["load average (1, 5, 15 min)", `${m.loadAtStart.join(", ")} at start; ${m.loadAtEnd.join(", ")} at end`],
    ["commit", m.commit],
    ["run", `${m.date}, ${num(r.durationSeconds, 0)} s in all`],
  ])}

Shared machines are noisy: every figure is a median with its min and max, after warm-up; none is a unit test.`;
}

export function renderReport(r: BenchReport): string {
  const checks = budgetChecks(r);
  const summary = table(["budget", "figure (median)", "limit", "status"], checks.map((c) => [c.label, c.figure, c.limit, status(c)]));
  const notMet = checks.filter((c) => c.met !== true);
  const reasons = notMet.length === 0
    ? "Every budget is met."
    : notMet.map((c) => `### ${c.label}: ${status(c)}\n\n${explain(c, r)}`).join("\n\n");
  const notes = observations(r);
  const errors = Object.entries(r.errors).map(([k, v]) => `- ${k}: ${v}`).join("\n");
  return `# Benchmarks and performance budgets

Written by \`npm run bench -- --write\` (bench/run.ts; issue 9). Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node},
load average ${r.machine.loadAtStart.join(" / ")} at start (details at the end). Commit ${r.machine.commit}, ${r.machine.date}.
Options: \`--no-browser\` (engines and command only), \`--reuse-build\` / \`--keep-build\` (.bench/next), \`--launches N\`; this run took
${num(r.durationSeconds, 0)} s, production build included. Figures: median (min, max) over the runs after warm-up; kB = 1,000 bytes, MB = 10^6 bytes.

## Budgets

${summary}

${reasons}
${errors === "" ? "" : `\nParts that failed:\n\n${errors}\n`}
${notes.length === 0 ? "" : `## Observations\n\n${notes.map((n) => `- ${n}`).join("\n")}\n`}
${enginesSection(r)}

${commandSection(r)}

${udfSection(r)}

${launchSection(r)}

${bundleSection(r)}

${machineSection(r)}
`;
}
