/**
 * Every number the taper and readiness rules use, named, with its source. Numbers that
 * clinical-sources.md marks [U] (unverified) or that no source gives (product decisions) are
 * configurable defaults: callers may pass their own `TaperEngineConfig` / `ReadinessConfig`.
 */

/** Taper plan engine settings. */
export interface TaperEngineConfig {
  /** Fastest guideline rate, in % of the dose per week: 10 % of the original per week (CDC 2022 draft l.2638-2641). */
  maxPercentPerWeek: number;
  /**
   * Largest single step, in %, before a plan is treated as rapid. [U] "commonly 5-20 % every
   * 4 weeks" is often quoted from HHS 2019 / VA but was not verified (clinical-sources.md 1.5).
   */
  maxStepPercent: number;
  /** Days in a month when converting a monthly rate to a weekly one: 28, the shortest month, so the check errs on the strict side. Product decision. */
  daysPerMonthForRate: number;
  /** "Until about 30 % of the original dose remains" (CDC 2022 draft l.2638-2641). */
  twoPhaseSwitchFraction: number;
  /** Most tablets/capsules per administration the engine builds (never fewer than the patient takes now). Product decision. */
  maxUnitsPerAdministration: number;
  /** Most patches worn at once the engine builds (never fewer than the patient wears now). Product decision. */
  maxPatchesWorn: number;
  /** Two real doses closer than this fraction are one dose (50 + 12 mcg/h vs 62.5 mcg/h). Product decision. */
  levelMergeFraction: number;
  /** Smallest measurable oral-liquid volume step, mL (an oral syringe). Product decision. */
  liquidStepMl: number;
  /**
   * Methadone changes at most every this many days (long, variable half-life: CDC 2022 draft
   * l.5673-5692, "extra caution with methadone"; the 2-week spacing is the and a product
   * decision, not a guideline number). Faster only as an explicit, recorded choice.
   */
  methadoneMinDaysBetweenChanges: number;
  /** Safety bound on the number of steps of one plan. Product decision. */
  maxSteps: number;
  /** Longest gap between follow-ups, days: "at least monthly" (CDC 2022 draft l.2414-2415). */
  followUpMaxGapDays: number;
  /** A check after the last step: overdose and suicide risk rise after stopping (CDC 2022 draft l.2466-2498). */
  followUpAfterEndDays: number;
}

export const TAPER_DEFAULTS: TaperEngineConfig = {
  maxPercentPerWeek: 10,
  maxStepPercent: 20,
  daysPerMonthForRate: 28,
  twoPhaseSwitchFraction: 0.3,
  maxUnitsPerAdministration: 4,
  maxPatchesWorn: 2,
  levelMergeFraction: 0.04,
  liquidStepMl: 0.5,
  methadoneMinDaysBetweenChanges: 14,
  maxSteps: 520,
  followUpMaxGapDays: 30,
  followUpAfterEndDays: 30,
};

/** Readiness rule settings. */
export interface ReadinessConfig {
  /** Informational bands, MME/day (CDC 2022 draft l.2272-2291; 90 is a study cut-point, l.2705). */
  mmeBandLow: number;
  mmeBandHigh: number;
  /** "Meaningful" improvement, % (CDC pocket guide: at least 30 % on the PEG scale). */
  meaningfulImprovementPercent: number;
  /** The latest pain/PEG score must be this recent to be used, days. Product decision (12 months). */
  recentScoreDays: number;
  /**
   * Baseline = the latest score at or before the start of opioid therapy (the earliest opioid
   * order), and no more than this many days before it. Product decision (1 year).
   */
  baselineLookbackDays: number;
  /** Screens (PHQ, GAD-7, urine drug screen) older than this are "not recent", days. Product decision (12 months). */
  recentScreenDays: number;
  /** Long-term use: earliest opioid order at least this many days ago (CDC 2022 draft l.2422-2424: "1 year or more"). */
  longTermUseDays: number;
  /**
   * Suicide attempts, intentional overdoses and opioid overdoses recorded (onset or recorded
   * date) within this many days count, whatever their clinical status. Product decision (5
   * years): no source gives a window; a past attempt or overdose stays a risk factor.
   */
  eventHistoryDays: number;
  /** A naloxone order within this many days counts as "naloxone on file". Product decision (2 years, a typical shelf life). */
  naloxoneLookbackDays: number;
  /** A pregnancy condition with an onset older than this is not current unless it says so. Product decision (300 days). */
  pregnancyMaxDays: number;
  /** An active order authored longer ago than this is stale (shown, not counted). Defaults to the MME lookback when null. */
  activeOrderLookbackDays: number | null;
  /** [U] PHQ-9 total at or above this: at least moderate depression (Kroenke 2001; not in clinical-sources.md). */
  phq9Threshold: number;
  /** [U] PHQ-2 total at or above this: positive screen (Kroenke 2003; not in clinical-sources.md). */
  phq2Threshold: number;
  /** [U] GAD-7 total at or above this: at least moderate anxiety (Spitzer 2006; not in clinical-sources.md). */
  gad7Threshold: number;
}

export const READINESS_DEFAULTS: ReadinessConfig = {
  mmeBandLow: 50,
  mmeBandHigh: 90,
  meaningfulImprovementPercent: 30,
  recentScoreDays: 365,
  baselineLookbackDays: 365,
  recentScreenDays: 365,
  longTermUseDays: 365,
  eventHistoryDays: 1826,
  naloxoneLookbackDays: 730,
  pregnancyMaxDays: 300,
  activeOrderLookbackDays: null,
  phq9Threshold: 10,
  phq2Threshold: 3,
  gad7Threshold: 10,
};
