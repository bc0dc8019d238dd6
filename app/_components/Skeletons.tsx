/** Loading placeholders: the page keeps its shape while data arrives (no spinner over a blank page). */
export function SummarySkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="sr-only" role="status">Loading the patient&apos;s medications…</p>
      <div className="mme-card" aria-hidden="true">
        <p className="eyebrow">Current opioid dose</p>
        <div className="skeleton skeleton-number" />
        <div className="skeleton skeleton-line" />
      </div>
      <div aria-hidden="true">
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-line" />
      </div>
    </main>
  );
}
