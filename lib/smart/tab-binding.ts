/**
 * Binds a browser tab to the patient it was launched for. EHRs share one sessionStorage
 * between app instances (Epic Hyperspace, Oracle PowerChart: smart-sources.md trap 9), so the
 * check must live in something that is per tab by construction: the tab's own URL. After
 * the code exchange the app writes a fingerprint of (state, FHIR server, patient) into the
 * URL fragment (`#pt=...`: never sent to a server, not the patient id itself). On every
 * reload the fingerprint is recomputed from the token response found in storage; if it
 * differs, or is gone, the tab shows nothing and asks for a relaunch ("session bleed" test,
 * Oracle Health validation; Epic "Embedding in Multiple Tabs").
 */

export const TAB_BINDING_PARAM = "pt";

/** SHA-256 hex of a text (injected so tests run without WebCrypto quirks). */
export type Digest = (text: string) => Promise<string>;

export const webCryptoDigest: Digest = async (text) => {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
};

/** 64 bits of SHA-256 over the tab's state key, the FHIR base and the patient id. */
export async function tabFingerprint(digest: Digest, stateKey: string, serverUrl: string, patientId: string): Promise<string> {
  return (await digest(`${stateKey}\n${serverUrl}\n${patientId}`)).slice(0, 16);
}

/** The fingerprint in the URL fragment, or null. */
export function readFingerprint(url: URL): string | null {
  const value = new URLSearchParams(url.hash.replace(/^#/, "")).get(TAB_BINDING_PARAM);
  return value && /^[0-9a-f]{16}$/.test(value) ? value : null;
}

/** `url` with the fingerprint as its fragment (other fragment parameters kept). */
export function withFingerprint(url: URL, fingerprint: string): string {
  const hash = new URLSearchParams(url.hash.replace(/^#/, ""));
  hash.set(TAB_BINDING_PARAM, fingerprint);
  const out = new URL(url.toString());
  out.hash = hash.toString();
  return out.toString();
}

export type BindingResult = { kind: "bound"; href: string } | { kind: "match" } | { kind: "mismatch" };

/**
 * `freshLaunch` (the URL carried an authorization `code`): bind the tab, return the URL to
 * put in the address bar. Otherwise (a reload): the URL's fingerprint must match.
 */
export async function checkTabBinding(
  digest: Digest,
  url: URL,
  stateKey: string,
  serverUrl: string,
  patientId: string,
  freshLaunch: boolean,
): Promise<BindingResult> {
  const expected = await tabFingerprint(digest, stateKey, serverUrl, patientId);
  if (freshLaunch) {
    const clean = new URL(url.toString());
    clean.searchParams.delete("code");
    return { kind: "bound", href: withFingerprint(clean, expected) };
  }
  return readFingerprint(url) === expected ? { kind: "match" } : { kind: "mismatch" };
}
