/** Unknown path: a page in the app's style (no inline styles: the CSP allows none). */
export default function NotFound() {
  return (
    <main className="notice">
      <h1>This page does not exist</h1>
      <p>
        The Opioid Taper Planner is opened from the patient&apos;s chart in your EHR. If you followed a link, open the
        app again from the EHR.
      </p>
    </main>
  );
}
