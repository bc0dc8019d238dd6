import type { MmeResult } from "@/lib/domain";
import { fmtMme, plural } from "./format";

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
            <strong>{mme.state === "incomplete" ? "Incomplete" : "Unknown"}:</strong> {mme.incompleteReasons.join(" ")}
          </>
        )}
      </p>
      <Bands mme={mme} />
      <p className="muted small">
        {FACTOR_TABLE_LABEL[mme.factorTableId]} (table <code>{mme.factorTableId}</code>), as of {mme.asOf}. MME is an
        estimate for risk; do not use it to convert between opioids.
      </p>
    </section>
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
