/**
 * Next.js start-up hook (runs once per server process, before the first request). The work is
 * Node.js-only (lib/smart/server-start: configuration check, method guard), imported only on
 * that runtime so the Edge build never sees node:http.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/smart/server-start");
    startServer();
  }
}
