import type { FactReading, OrderMme, ReadingFact } from "@/lib/domain";

const FACT_LABEL: Record<ReadingFact, string> = { product: "Product", dose: "Dose", frequency: "How often", daily: "A day" };
const MARK = { agrees: "✓", disagrees: "✗", unread: "–" } as const;

function markOf(r: FactReading): keyof typeof MARK {
  return r.agrees === true ? "agrees" : r.agrees === false ? "disagrees" : "unread";
}

/** One line saying how far the order's readings agree: shown in the collapsed ledger row. */
export function readingsSummary(o: OrderMme): string | null {
  if (o.readings.length === 0) return null;
  if (o.status === "not-computable" && o.readings.some((r) => r.agrees === false)) return "needs review: readings disagree";
  const agreeing = o.readings.filter((r) => r.agrees === true).length;
  if (o.status !== "counted") return null;
  return agreeing > 1 ? `${agreeing} readings agree` : "1 reading";
}

/**
 * Every place the order states its product, dose and frequency, and whether each agreed with the
 * number used (issue 13: the ledger shows which readings confirmed an order, or why it needs review).
 */
export function OrderReadings({ order: o }: { order: OrderMme }) {
  if (o.readings.length === 0) return null;
  return (
    <>
      <p className="detail-heading">Where the order says it</p>
      <ul className="readings" data-testid="order-readings">
        {o.readings.map((r, i) => {
          const mark = markOf(r);
          return (
            <li key={`${r.fact}-${r.where}-${i}`} className={`reading reading-${mark}`} data-agrees={mark}>
              <span className="reading-mark" aria-label={mark === "agrees" ? "agrees" : mark === "disagrees" ? "disagrees" : "not compared"}>
                {MARK[mark]}
              </span>{" "}
              <span className="reading-fact">{FACT_LABEL[r.fact]}</span> <span className="muted">{r.where}:</span> {r.value}
            </li>
          );
        })}
      </ul>
    </>
  );
}
