import { describe, expect, it } from "vitest";
import type { CarePlan } from "fhir/r4";
import { buildCarePlan } from "@/lib/careplan";
import { identifierToken, saveCarePlan } from "@/lib/fhir/careplan";
import { PROPOSAL_UUID, makeContext, makePlan } from "../careplan/fixtures";
import { type CreateFailure, MemoryFhirServer, type ServerOptions, operationOutcome, parseToken } from "../careplan/memory-fhir";

const PATIENT = { patientRef: "Patient/p1" };
const carePlan = (): CarePlan => buildCarePlan(makePlan(), makeContext());
const posts = (s: MemoryFhirServer) => s.requests.filter((r) => r.method === "POST");
const gets = (s: MemoryFhirServer) => s.requests.filter((r) => r.method === "GET");

async function save(options: ServerOptions = {}, cp: CarePlan = carePlan()) {
  const server = new MemoryFhirServer(options);
  const outcome = await saveCarePlan(server, cp, PATIENT);
  return { server, outcome };
}

describe("saveCarePlan: the request", () => {
  it("is one conditional create with the FHIR headers and the CarePlan as body", async () => {
    const cp = carePlan();
    const { server } = await save({}, cp);
    expect(server.requests).toHaveLength(1);
    const post = server.requests[0];
    expect(post?.method).toBe("POST");
    expect(post?.url).toBe("CarePlan");
    // lower-case names, as the transports (fetch, fhirclient) merge their defaults under them
    expect(post?.headers).toEqual({
      "if-none-exist": `identifier=urn:ietf:rfc:3986|${PROPOSAL_UUID}`,
      "content-type": "application/fhir+json",
      accept: "application/fhir+json",
      prefer: "return=representation",
    });
    expect(post?.body).toEqual(cp);
  });

  it.each([
    ["plain urn:uuid", "urn:ietf:rfc:3986", PROPOSAL_UUID, `urn:ietf:rfc:3986|${PROPOSAL_UUID}`],
    ["http system", "https://app.example/ids", "a b&c", "https://app.example/ids|a%20b%26c"],
    // FHIR token escapes: \| \, \$ \\ , then percent-encoding of the backslash (%5C)
    ["search specials", "urn:sys|x", "v,1$\\", "urn:sys%5C%7Cx|v%5C%2C1%5C%24%5C%5C"],
  ])("encodes the identifier token (%s) so a server reads it back exactly", (_name, system, value, token) => {
    expect(identifierToken({ system, value })).toBe(token);
    const parsed = new URLSearchParams(`identifier=${token}`).get("identifier") ?? "";
    expect(parseToken(parsed)).toEqual({ system, value });
  });
});

describe("saveCarePlan: success", () => {
  it("201 with the resource: created, id and version from the body, no other request", async () => {
    const { server, outcome } = await save();
    expect(outcome).toEqual({ kind: "created", id: "cp-1", versionId: "1", httpStatus: 201, message: "Saved in the patient's chart as CarePlan/cp-1." });
    expect(server.carePlans()).toHaveLength(1);
    expect(gets(server)).toHaveLength(0);
  });

  it("201 without a body nor a readable Location: the id comes from a search by identifier", async () => {
    const { server, outcome } = await save({ createBody: "none" });
    expect(outcome).toMatchObject({ kind: "created", id: "cp-1", httpStatus: 201 });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST CarePlan", `GET CarePlan?identifier=urn:ietf:rfc:3986|${PROPOSAL_UUID}`]);
  });

  it("201 without a body but a readable Location: the id comes from Location, no search", async () => {
    const { server, outcome } = await save({ createBody: "none", exposeLocation: true });
    expect(outcome).toMatchObject({ kind: "created", id: "cp-1" });
    expect(gets(server)).toHaveLength(0);
  });

  it("201 without a body and the search refused (create-only grant): still reported as saved, id unknown", async () => {
    const { server, outcome } = await save({ createBody: "none", searchStatus: 403 });
    expect(outcome.kind).toBe("created");
    if (outcome.kind !== "created") return;
    expect(outcome.id).toBeNull();
    expect(outcome.message).toBe("Saved in the patient's chart. The EHR did not return its id and the search by identifier did not find it (the search was answered 403). Saving again will not create a copy.");
    expect(posts(server)).toHaveLength(1);
  });

  it("200 on the conditional create: already saved, nothing new written", async () => {
    const server = new MemoryFhirServer();
    server.seed({ ...carePlan(), id: "earlier-1" });
    const outcome = await saveCarePlan(server, carePlan(), PATIENT);
    expect(outcome).toEqual({ kind: "already-saved", id: "earlier-1", httpStatus: 200, message: "This proposal was already saved as CarePlan/earlier-1; nothing new was written." });
    expect(server.carePlans()).toHaveLength(1);
  });

  it("a double submit makes one CarePlan: the second save is 'already saved' with the same id", async () => {
    const server = new MemoryFhirServer({ createBody: "none" });
    const cp = carePlan();
    const [first, second] = await Promise.all([saveCarePlan(server, cp, PATIENT), saveCarePlan(server, cp, PATIENT)]);
    const third = await saveCarePlan(server, cp, PATIENT);
    expect(server.carePlans()).toHaveLength(1);
    expect([first?.kind, second?.kind, third.kind].sort()).toEqual(["already-saved", "already-saved", "created"]);
    expect(third).toMatchObject({ kind: "already-saved", id: "cp-1" });
    expect(posts(server)).toHaveLength(3);
  });
});

describe("saveCarePlan: failures are values with a sentence, never retried", () => {
  it.each<[string, CreateFailure, string, number | null, string]>([
    ["403 Forbidden", { status: 403, body: operationOutcome("Insufficient scope: CarePlan.c", "forbidden") }, "careplan.save.forbidden", 403, "refused to save the CarePlan (403 Forbidden)"],
    ["401 Unauthorized", { status: 401, body: null }, "careplan.save.unauthorized", 401, "session for this app has expired"],
    ["412 several matches", { status: 412, body: null }, "careplan.save.multiple-matches", 412, "more than one CarePlan already carries this proposal's identifier"],
    ["422 with OperationOutcome", { status: 422, body: operationOutcome("CarePlan.activity[0].detail.kind: unsupported value") }, "careplan.save.rejected", 422, "The EHR rejected the CarePlan (422)"],
    ["500", { status: 500, body: "<html>Internal error</html>" }, "careplan.save.server-error", 500, "It may or may not have been saved"],
    ["202 Accepted", { status: 202, body: null }, "careplan.save.unexpected-status", 202, "not an answer to a create"],
    ["network failure", new Error("Failed to fetch"), "careplan.save.network", null, "No answer from the EHR (Failed to fetch)"],
  ])("%s", async (_name, failCreate, reason, httpStatus, sentence) => {
    const { server, outcome } = await save({ failCreate });
    expect(outcome.kind).toBe("failed");
    if (outcome.kind !== "failed") return;
    expect(outcome.reason).toBe(reason);
    expect(outcome.httpStatus).toBe(httpStatus);
    expect(outcome.message).toContain(sentence);
    expect(server.requests).toHaveLength(1);
  });

  it("shows the OperationOutcome's text", async () => {
    const { outcome } = await save({ failCreate: { status: 422, body: operationOutcome("CarePlan.activity[0].detail.kind: unsupported value") } });
    expect(outcome).toMatchObject({ operationOutcomeText: "CarePlan.activity[0].detail.kind: unsupported value" });
    expect(outcome.message).toMatch(/The EHR said: CarePlan\.activity\[0\]\.detail\.kind: unsupported value$/);
  });

  it("keeps the plan: a 403 message offers saving again, download and print", async () => {
    const { outcome } = await save({ failCreate: { status: 403, body: null } });
    expect(outcome.message).toContain("download the CarePlan JSON or print it");
  });

  it("never sends an invalid CarePlan", async () => {
    const cp = carePlan();
    const broken: CarePlan = { ...cp, identifier: [] };
    const { server, outcome } = await save({}, broken);
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.message).toContain("The CarePlan was not sent: it is not valid (1 problem: an identifier with system and value is required");
    expect(server.requests).toHaveLength(0);
  });

  it("never sends a CarePlan for another patient than the launch patient", async () => {
    const server = new MemoryFhirServer();
    const outcome = await saveCarePlan(server, carePlan(), { patientRef: "Patient/other" });
    expect(outcome).toMatchObject({ kind: "failed", reason: "careplan.save.patient-mismatch" });
    expect(server.requests).toHaveLength(0);
  });
});
