/**
 * tests/fixtures/cdc-ig-tests/derived/taper-arithmetic-vectors.json illustrates the two
 * readings of "10 % per month" and the weekly protocol as unrounded MME schedules. These tests
 * read the file and show which basis of the engine reproduces which schedule (its per-interval
 * allowance, applied interval after interval), and that real-dose plans never go below them at
 * any date (never faster than the rate).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TaperBasis, TaperOptions } from "@/lib/domain";
import { proposeTaperPlan, stepAllowance, TAPER_DEFAULTS } from "@/lib/taper";
import { item, options, regimen } from "./helpers";

interface Vector { start_mme: number; schedule: Array<[number, number]> }
const file: unknown = JSON.parse(readFileSync(new URL("../fixtures/cdc-ig-tests/derived/taper-arithmetic-vectors.json", import.meta.url), "utf8"));

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Object.entries(value).find(([k]) => k === key)?.[1] : undefined;
}

/** Reads one schedule of the file as [interval index, MME] pairs, checking its shape. */
function vector(name: string): Vector {
  const v = field(file, name);
  const start = field(v, "start_mme");
  const schedule = field(v, "schedule");
  if (typeof start !== "number" || !Array.isArray(schedule)) throw new Error(`vector ${name} malformed`);
  const pairs = schedule.map((p: unknown): [number, number] => {
    const k = field(p, "week") ?? field(p, "month");
    const mme = field(p, "mme");
    if (typeof k !== "number" || typeof mme !== "number") throw new Error(`vector ${name}: bad point`);
    return [k, mme];
  });
  return { start_mme: start, schedule: pairs };
}

const points = (v: Vector): Array<[number, number]> => v.schedule;
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** The unrounded schedule: the engine's one-interval allowance removed k times (never below 0). */
function floorOf(basis: TaperBasis, start: number, k: number): number {
  let mme = start;
  for (let i = 0; i < k; i++) mme = Math.max(0, mme - stepAllowance({ basis, ratePercent: 10, startMme: start, switchFraction: TAPER_DEFAULTS.twoPhaseSwitchFraction }, mme));
  return mme;
}

describe.each([
  ["short_duration_weekly_protocol", "two-phase"],
  ["long_duration_monthly_linear", "original"],
  ["long_duration_monthly_geometric", "current"],
] as const)("%s", (name, basis) => {
  const v = vector(name);
  it(`is reproduced point by point by basis "${basis}" (10 % per interval)`, () => {
    expect(points(v).length).toBeGreaterThan(10);
    for (const [k, mme] of points(v)) expect(round2(floorOf(basis, v.start_mme, k))).toBe(mme);
  });
  it("is not reproduced by the other bases", () => {
    const others = (["original", "current", "two-phase"] as const).filter((b) => b !== basis);
    for (const other of others) {
      const mismatches = points(v).filter(([k, mme]) => round2(floorOf(other, v.start_mme, k)) !== mme);
      expect(mismatches.length, `${other} vs ${name}`).toBeGreaterThan(0);
    }
  });
});

describe("real-dose plans against the vectors: never below the unrounded schedule at any date", () => {
  it.each([
    // 120 MME: morphine 30 mg (892672) every 6 h; 100 MME: morphine ER 50 mg capsule (894801) every 12 h
    ["long_duration_monthly_linear", "892672", 4, options({ basis: "original" })],
    ["long_duration_monthly_geometric", "892672", 4, options({ basis: "current" })],
    ["short_duration_weekly_protocol", "894801", 2, options({ basis: "two-phase", interval: { unit: "week", count: 1 } })],
  ] as Array<[string, string, number, TaperOptions]>)("%s", (name, rxnorm, perDay, opts) => {
    const v = vector(name);
    const outcome = proposeTaperPlan(regimen(item(rxnorm, 1, perDay)), opts, "2025-01-01");
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    expect(outcome.plan.startMmePerDay).toBe(v.start_mme);
    // the step in force during interval k (steps last one or more intervals)
    const inForce = (k: number) => {
      let elapsed = 0;
      return outcome.plan.steps.find((s) => (elapsed += s.intervals) > k);
    };
    for (const [k, mme] of points(v)) {
      const step = inForce(k);
      // the final stop is bounded on its own (a rate of the current dose never reaches zero)
      if (step === undefined || step.kind === "stop") continue;
      expect(step.totalMmePerDay, `interval ${k}`).toBeGreaterThanOrEqual(mme - 0.01);
    }
  });
});
