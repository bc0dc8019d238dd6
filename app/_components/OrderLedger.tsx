import type { OrderMme, ValueSource } from "@/lib/domain";
import { fmtDate, fmtMme, fmtNumber, fmtQuantity, frequencyPhrase, plural } from "./format";
import { OrderReadings, readingsSummary } from "./OrderReadings";

const SOURCE_LABEL: Record<ValueSource, string> = {
  structured: "structured dosage",
  "timing-code": "timing code",
  "sig-text": "sig text (derived)",
  "dispense-estimate": "dispense quantity ÷ days supply (estimate)",
  "rxnorm-catalog": "RxNorm catalog",
  "ndc-table": "CDC NDC table",
  "medication-resource": "Medication resource",
  "name-parse": "medication name (derived)",
};

/**
 * The order's problem as a sentence with an action. A record the parser rejected is described in
 * words (its parser messages go behind "Technical details"); other reasons are the engine's sentence.
 */
function orderProblem(o: OrderMme): string {
  if (o.reason === "mme.unreadable-resource") {
    return "This order's data is malformed and could not be read, so its dose is not known. Open the order in the chart and check the dose; correct the order if you can.";
  }
  return o.message ?? "This order could not be computed; check it in the chart.";
}

/** One row per current opioid order (counted or not computable), expandable to show the arithmetic. */
export function OrderLedger({ orders }: { orders: OrderMme[] }) {
  const rows = orders.filter((o) => o.status === "counted" || o.status === "not-computable");
  if (rows.length === 0) {
    return <p className="muted">No current opioid orders.</p>;
  }
  return (
    <ul className="ledger" aria-label="Current opioid orders">
      {rows.map((o) => (
        <li key={o.medicationRequest} className={`ledger-row ledger-${o.status}`} data-testid="order-row" data-status={o.status}>
          <details>
            <summary>
              <span className="ledger-product">{o.display}</span>
              <span className="ledger-mme" data-testid="order-mme">
                {o.status === "counted" && o.mmePerDay !== null ? `${fmtMme(o.mmePerDay)} MME/day` : "not computed"}
              </span>
              <span className="ledger-sig">{o.status === "not-computable" && o.sig === null ? orderProblem(o) : (o.sig ?? "no dosage instructions")}</span>
              {readingsSummary(o) !== null && (
                <span className={`ledger-agreement ledger-agreement-${o.status}`} data-testid="order-agreement">
                  {readingsSummary(o)}
                </span>
              )}
            </summary>
            <OrderDetail order={o} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function OrderDetail({ order: o }: { order: OrderMme }) {
  return (
    <div className="ledger-detail">
      {o.status === "not-computable" && (
        <p className="problem" data-testid="order-reason">
          <strong>{o.readings.some((r) => r.agrees === false) ? "Needs review:" : "Not computed:"}</strong> {orderProblem(o)}
        </p>
      )}
      {o.status === "not-computable" && (
        <details className="tech-details">
          <summary>Technical details</summary>
          <p className="small">
            {o.message} <code>{o.reason}</code>
          </p>
        </details>
      )}
      <dl className="facts">
        <dt>Order</dt>
        <dd>
          {o.fhirStatus ?? "no status"}
          {o.asNeeded ? ", as needed" : ""}, written {fmtDate(o.authoredOn)}
        </dd>
        {o.unitsPerAdministration !== null && o.administrationsPerDay !== null && (
          <>
            <dt>Dose</dt>
            <dd>
              {fmtQuantity(o.unitsPerAdministration, o.product?.unit ?? "unit")} {frequencyPhrase(o.administrationsPerDay)}
              {o.asNeeded ? " (maximum allowed, counted in full)" : ""}
              {o.patchesWorn !== undefined ? `; ${plural(o.patchesWorn, "patch", "patches")} worn at once` : ""}
            </dd>
          </>
        )}
        {o.ingredients.map((i) => (
          <div key={i.ingredient} className="facts-row">
            <dt>{i.ingredient}</dt>
            <dd>
              {fmtNumber(i.dailyAmount)} {i.dailyAmountUnit} × {i.factor} = <strong>{fmtMme(i.mmePerDay)} MME/day</strong>
              <span className="muted">
                {" "}
                ({i.factorKind === "data-file" ? "CDC data-file factor, not in the clinical table" : "factor"}:{" "}
                {i.factorCitation.source}, {i.factorCitation.section})
              </span>
            </dd>
          </div>
        ))}
        <dt>Sources</dt>
        <dd>
          product: {o.sources.product ? SOURCE_LABEL[o.sources.product] : "n/a"}; dose:{" "}
          {o.sources.dose ? SOURCE_LABEL[o.sources.dose] : "n/a"}; frequency:{" "}
          {o.sources.frequency ? SOURCE_LABEL[o.sources.frequency] : "n/a"}
        </dd>
      </dl>
      <OrderReadings order={o} />
      {o.assumptions.length > 0 && (
        <>
          <p className="detail-heading">Assumptions</p>
          <ul className="assumptions">
            {o.assumptions.map((a) => (
              <li key={a.code}>{a.message}</li>
            ))}
          </ul>
        </>
      )}
      {o.discrepancies.length > 0 && (
        <>
          <p className="detail-heading">Check the order</p>
          <ul className="assumptions">
            {o.discrepancies.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Orders read but not counted (buprenorphine, stopped, stale, superseded), collapsed by default. */
export function ExcludedOrders({ orders }: { orders: OrderMme[] }) {
  const excluded = orders.filter((o) => o.status === "excluded" && o.reason !== "mme.excluded.not-an-opioid");
  if (excluded.length === 0) return null;
  return (
    <details className="excluded" data-testid="excluded-orders">
      <summary>Opioid orders not counted ({excluded.length})</summary>
      <ul>
        {excluded.map((o) => (
          <li key={o.medicationRequest} data-testid="excluded-row" data-reason={o.reason ?? ""}>
            <span className="ledger-product">{o.display}</span> — {o.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
