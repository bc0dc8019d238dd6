/**
 * SWR options for every data hook: no automatic revalidation (a clinician's screen must not
 * change under them; a failed load is retried only when they ask). Kept in a module with no
 * FHIR imports so the first-load bundle (app/providers.tsx) does not pull in lib/fhir and zod.
 */
export const SWR_OPTIONS = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  revalidateIfStale: false,
  shouldRetryOnError: false,
} as const;
