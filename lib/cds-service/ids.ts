/**
 * Card and suggestion ids: a UUID derived from the hook instance, the service and the card's
 * key, so the same request always gets the same ids (the `cds` command prints exactly what
 * the HTTP service answers) and feedback about a card can be matched to its kind without
 * storing any patient data. Format: RFC 9562 UUIDv8 (custom), from SHA-256.
 */
import { createHash } from "node:crypto";

export function cardUuid(hookInstance: string, serviceId: string, key: string): string {
  const hex = createHash("sha256").update(`${serviceId}\n${hookInstance}\n${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  const variant = Number.parseInt(hex[16] ?? "0", 16);
  hex[16] = ((variant & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
