/**
 * Next.js configuration.
 * NEXT_DIST_DIR lets a second build live beside the main one (e.g. a developer's
 * experiment while the e2e build is in .next); default `.next`.
 *
 * Security headers on every response (the page Content-Security-Policy with its per-request
 * nonce is set in proxy.ts from the issuer configuration). Keep STATIC_SECURITY_HEADERS in
 * lib/smart/security-headers.ts equal to this list (tests/smart/security-headers.test.ts).
 * Never X-Frame-Options: EHRs embed the app in frames (CSP frame-ancestors decides who may).
 * @type {import('next').NextConfig}
 */
const STATIC_SECURITY_HEADERS = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Build assets skip proxy.ts: a policy that allows nothing if one were opened as a document.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};
