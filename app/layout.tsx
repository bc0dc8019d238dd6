import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Opioid Taper Planner",
  description: "Current opioid dose in MME, taper readiness and a slow, individual taper plan (HHS 2019, CDC 2022).",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

/**
 * Rendered per request, never prerendered: every page carries the per-request CSP nonce set
 * by proxy.ts (a prerendered page's inline scripts would have none and be blocked).
 */
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Server component: the HTML shell only. The SMART session starts in app/providers.tsx. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
