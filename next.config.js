/**
 * Next.js configuration.
 * NEXT_DIST_DIR lets a second build live beside the main one (e.g. a developer's
 * experiment while the e2e build is in .next); default `.next`.
 * @type {import('next').NextConfig}
 */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
};
