import type { AppIssue } from "@/lib/fhir/errors";

/** An error as a sentence with an action (never "see console"). */
export function IssueView({ issue, onRetry }: { issue: AppIssue; onRetry?: () => void }) {
  return (
    <main className="notice" role="alert" data-testid="issue" data-issue-code={issue.code}>
      <h1>{issue.title}</h1>
      <p>{issue.message}</p>
      {issue.action === "relaunch" && <p>Close this window and open the app again from the patient&apos;s chart in your EHR.</p>}
      {issue.action === "contact-admin" && <p>If this keeps happening, contact your EHR administrator.</p>}
      {issue.action === "retry" && onRetry && (
        <button type="button" onClick={onRetry}>Try again</button>
      )}
    </main>
  );
}
