import { loadConfig } from "@/lib/config";
import { AppShell } from "./_components/AppShell";
import { NoLaunchContext } from "./_components/NoLaunchContext";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The clinician's screens. Opened by the EHR after authorization with `?code&state`
 * (then `?state` only: the state key stays in the URL so each tab keeps its own session).
 * Without them there is no launch context: explain how to open the app.
 */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const hasLaunch = typeof params.state === "string" || typeof params.code === "string" || typeof params.error === "string";
  if (!hasLaunch) {
    const config = loadConfig();
    const issuers = config.issuers.flatMap((i) => {
      const iss = i.standaloneIss ?? (i.match === "exact" ? i.iss : null);
      return iss ? [{ name: i.name, href: `/launch.html?iss=${encodeURIComponent(iss)}` }] : [];
    });
    return <NoLaunchContext issuers={issuers} />;
  }
  const clinic = loadConfig().clinic;
  return <AppShell clinic={clinic ? { name: clinic.name ?? null, phone: clinic.phone ?? null, afterHoursPhone: clinic.afterHoursPhone ?? null } : null} />;
}
