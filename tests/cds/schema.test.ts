import { describe, expect, it } from "vitest";
import { cdsSchema } from "./schema";

const card = { summary: "A summary", indicator: "info", source: { label: "CDC 2022", url: "https://www.cdc.gov/x" } };

describe("the CDS Hooks 2.0 schema used by these tests can fail", () => {
  it("accepts the specification's own example response shape", () => {
    expect(cdsSchema.response({ cards: [{ uuid: "4e0a3a1e-3283-4575-ab82-028d55fe2719", ...card, links: [{ label: "App", url: "https://smart.example.com/launch", type: "smart", appContext: "{\"a\":1}" }] }] })).toEqual([]);
    expect(cdsSchema.response({ cards: [] })).toEqual([]);
  });
  it.each([
    ["a 140-character summary", { ...card, summary: "x".repeat(140) }],
    ["an unknown indicator (1.0's hard-stop)", { ...card, indicator: "hard-stop" }],
    ["a source without label", { ...card, source: { url: "https://x.org" } }],
    ["suggestions without selectionBehavior", { ...card, suggestions: [{ label: "Do it" }] }],
    ["an override reason without display", { ...card, overrideReasons: [{ system: "urn:x", code: "a" }] }],
    ["appContext on an absolute link", { ...card, links: [{ label: "L", url: "https://x.org", type: "absolute", appContext: "x" }] }],
    ["a null optional field", { ...card, detail: null }],
    ["an empty optional array", { ...card, links: [] }],
    ["a create action without a resource", { ...card, selectionBehavior: "any", suggestions: [{ label: "S", actions: [{ type: "create", description: "d" }] }] }],
  ])("rejects %s", (_what, bad) => {
    expect(cdsSchema.response({ cards: [bad] }).length).toBeGreaterThan(0);
  });
  it("rejects accepted feedback without acceptedSuggestions", () => {
    expect(cdsSchema.feedback({ feedback: [{ card: "c", outcome: "accepted", outcomeTimestamp: "2021-12-11T10:05:31Z" }] }).length).toBeGreaterThan(0);
    expect(cdsSchema.feedback({ feedback: [{ card: "c", outcome: "overridden", outcomeTimestamp: "2020-12-11T00:00:00Z" }] })).toEqual([]);
  });
});
