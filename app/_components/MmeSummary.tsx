import type { MmeResult, OrderMme } from "@/lib/domain";
import { isOudTreatmentOrder } from "@/lib/mme";
import { fmtDate, fmtMme, plainText, plural } from "./format";

const FACTOR_TABLE_LABEL: Record<MmeResult["factorTableId"], string> = {
  "cdc-2022": "CDC 2022 conversion factors",
  "cdc-2016": "CDC 2016 conversion factors",
};

/**
 * The total MME/day, large, with its completeness state. An incomplete total is shown as a
 * floor ("at least"), an unknown one as "Unknown": never as a plain, lower number.
 */
export function MmeSummary({ mme }: { mme: MmeResult }) {
  const counted = mme.orders.filter((o) => o.status === "counted").length;
  return (
    <section className="mme-card" aria-labelledby="mme-heading" data-state={mme.state}>
      <h2 id="mme-heading" className="eyebrow">Current opioid dose</h2>
      <p className="mme-total" data-testid="mme-total">
        {mme.state === "unknown" || mme.totalMmePerDay === null ? (
          <span>Unknown</span>
        ) : (
          <>
            {mme.state === "incomplete" && <span className="mme-floor">at least </span>}
            <span className="mme-number">{fmtMme(mme.totalMmePerDay)}</span> <span className="mme-unit">MME/day</span>
          </>
        )}
      </p>
      <p className={`completeness completeness-${mme.state}`} data-testid="mme-completeness">
        {mme.state === "complete" && <>Complete: {plural(counted, "current opioid order")} counted.</>}
        {mme.state !== "complete" && (
          <>
            <strong>{mme.state === "incomplete" ? "Incomplete" : "Unknown"}:</strong> {plainText(mme.incompleteReasons.join(" "))}
          </>
        )}
      </p>
      <UncountedWarning mme={mme} />
      <NotCountedOpioids orders={mme.orders} />
      <Bands mme={mme} />
      <p className="muted small">
        {FACTOR_TABLE_LABEL[mme.factorTableId]}, as of {fmtDate(mme.asOf)}. MME is an estimate for risk; do not use it
        to convert between opioids.
      </p>
    </section>
  );
}

/**
 * A floor in large type must not read as the dose: when current opioid orders could not be
 * computed, say plainly that they are left out and could raise the total a lot (no number is
 * invented: the engine could not compute one).
 */
function UncountedWarning({ mme }: { mme: MmeResult }) {
  if (mme.state !== "incomplete") return null;
  const uncounted = mme.orders.filter((o) => o.status === "not-computable");
  if (uncounted.length === 0) return null;
  return (
    <p className="band band-90" data-testid="mme-floor-warning">
      {uncounted.length === 1 ? "1 current opioid order is" : `${uncounted.length} current opioid orders are`} not in
      this number ({uncounted.map((o) => o.display).join("; ")}). {uncounted.length === 1 ? "It" : "They"} could raise
      the total a lot: read {uncounted.length === 1 ? "it" : "them"} in the chart before deciding on a dose.
    </p>
  );
}

/**
 * Current buprenorphine or OUD-treatment orders are not in the pain MME: say so next to the
 * number, so "0 MME/day" never reads as "on no opioid".
 */
function NotCountedOpioids({ orders }: { orders: readonly OrderMme[] }) {
  const moud = orders.filter((o) => isOudTreatmentOrder(o));
  const bup = orders.filter((o) => o.reason === "mme.excluded.buprenorphine");
  if (moud.length === 0 && bup.length === 0) return null;
  return (
    <p className="band band-50" data-testid="mme-not-counted">
      {moud.length > 0 && (
        <>
          <strong>On medication for opioid use disorder:</strong> {moud.map((o) => o.display).join("; ")}. Not part of the
          pain MME and not tapered by this tool; continue it.{" "}
        </>
      )}
      {bup.length > 0 && (
        <>
          <strong>On buprenorphine:</strong> {bup.map((o) => o.display).join("; ")}. Not added to the MME (no CDC
          conversion factor); it may be treatment for opioid use disorder, which this tool does not taper.
        </>
      )}
    </p>
  );
}

function Bands({ mme }: { mme: MmeResult }) {
  if (mme.totalMmePerDay === null) return null;
  if (mme.bands.atOrAbove90) {
    return (
      <p className="band band-90" data-testid="mme-band">
        At or above 90 MME/day. CDC 2022 treats 50 and 90 as points to reassess benefits and risks, not as triggers
        for a forced taper. Offer naloxone; follow up more often.
      </p>
    );
  }
  if (mme.bands.atOrAbove50) {
    return (
      <p className="band band-50" data-testid="mme-band">
        At or above 50 MME/day: reassess benefits and risks, offer naloxone and follow up more often (CDC 2022).
      </p>
    );
  }
  return null;
}
