/**
 * "About this tool": the decision-support source attributes (ONC HTI-1 (b)(11)), rendered from
 * lib/about/source-attributes.ts, the same source as GET /api/about and docs/source-attributes.md.
 */
import type { Metadata } from "next";
import { SOURCE_ATTRIBUTES as a } from "@/lib/about/source-attributes";

export const metadata: Metadata = { title: `About this tool: ${a.name}` };

function List({ items, testId }: { items: readonly string[]; testId?: string }) {
  return <ul data-testid={testId}>{items.map((i) => <li key={i}>{i}</li>)}</ul>;
}

export default function AboutPage() {
  return (
    <main className="notice about" data-testid="about">
      <h1>About this tool</h1>
      <p><strong>{a.name}</strong>, version {a.version}, released {a.releaseDate}. Also as <a href="/api/about">JSON</a>.</p>
      <h2>Developer and funding</h2>
      <p>{a.developer}</p>
      <p>{a.funding}</p>
      <h2>Intended use</h2>
      <p>{a.intendedUse}</p>
      <h3>Intended users</h3>
      <List items={a.intendedUsers} />
      <h3>Not intended for</h3>
      <List items={a.notIntendedFor} />
      <h2>Evidence and citations</h2>
      <List testId="about-evidence" items={a.evidence.map((c) => `${c.text} (clinical-sources.md section ${c.section})`)} />
      <h2>Inputs</h2>
      <List items={a.inputs.fhirData} />
      <h3>Age, sex, race, pregnancy</h3>
      <List items={a.inputs.demographics} />
      <h2>Validation</h2>
      <List items={a.validation} />
      <h2>Known limitations</h2>
      <List items={a.limitations} />
      <h2>How to report a problem</h2>
      <p>{a.reportProblem}</p>
    </main>
  );
}
