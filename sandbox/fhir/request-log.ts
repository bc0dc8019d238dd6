/**
 * The last FHIR requests the sandbox answered (no tokens, no bodies), served at
 * GET /sandbox/requests so end-to-end tests can check what the app sent: that every request
 * carried a token, that a CarePlan was created once, that nothing was retried after a 500.
 */
export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  status: number;
  /** Whether an Authorization: Bearer header was present. */
  token: boolean;
  /** Answered without a token because the launch asked for `lax` (the public launcher's behaviour). */
  lax: boolean;
  patient: string | null;
}

/** A bounded in-memory log of FHIR requests. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 500) {}

  add(entry: Omit<LoggedRequest, "at">): void {
    this.entries.push({ at: new Date().toISOString(), ...entry });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
