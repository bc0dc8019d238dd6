"use client";
/**
 * The one place that starts the SMART session (lib/hooks/session-context, which loads
 * fhirclient in the browser only), configures SWR, and catches rendering errors so a
 * programming error shows a sentence with an action, never a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { SWRConfig } from "swr";
import { SessionProvider } from "@/lib/hooks/session-context";
import { SWR_OPTIONS } from "@/lib/hooks/swr-options";

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately not logged: the error may carry patient data.
  }
  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <main className="notice" role="alert">
          <h1>Something went wrong in the app</h1>
          <p>Nothing was saved to the chart. Reload the page to try again, or open the app again from your EHR.</p>
          <button type="button" onClick={() => window.location.reload()}>Reload</button>
        </main>
      );
    }
    return this.props.children;
  }
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <SWRConfig value={SWR_OPTIONS}>
        <SessionProvider>{children}</SessionProvider>
      </SWRConfig>
    </ErrorBoundary>
  );
}
