/** Shown when / is opened without a SMART launch: a clear way forward, never a blank page. */
export function NoLaunchContext({ issuers }: { issuers: { name: string; href: string }[] }) {
  return (
    <main className="notice">
      <h1>Open this app from your EHR</h1>
      <p>
        The Opioid Taper Planner works inside your EHR, on the patient you have open. Start it from the patient&apos;s
        chart (for example from the EHR&apos;s app sidebar or activity list).
      </p>
      {issuers.length > 0 && (
        <>
          <p>To sign in to an EHR directly and choose a patient there (standalone launch):</p>
          <ul>
            {issuers.map((i) => (
              <li key={i.href}>
                <a href={i.href}>{i.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
