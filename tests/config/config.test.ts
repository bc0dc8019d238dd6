import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "@/lib/config";

describe("configuration", () => {
  it("the embedded default config/smart.json is valid", () => {
    const config = parseConfig(JSON.parse(readFileSync("config/smart.json", "utf8")), "config/smart.json");
    expect(config.issuers.map((i) => i.id)).toContain("local-sandbox");
  });

  it("reads SMART_CONFIG_JSON before the file", () => {
    const config = loadConfig({ SMART_CONFIG_JSON: JSON.stringify({ issuers: [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }] }) });
    expect(config.issuers[0]?.iss).toBe("https://a.example/fhir");
    expect(config.issuers[0]?.scopeStyle).toBe("v2");
  });

  it.each([
    [{ issuers: [] }, "issuers: at least one issuer"],
    [{ issuers: [{ id: "a", name: "A", iss: "http://evil.example/fhir", clientId: "c" }] }, "issuers.0.iss: must be https"],
    [{ issuers: [{ id: "A B", name: "A", iss: "https://a.example", clientId: "c" }] }, "issuers.0.id"],
    [{ issuers: [{ id: "a", name: "A", iss: "https://a.example", clientId: "" }] }, "issuers.0.clientId"],
  ])("refuses an invalid configuration with a readable message (%#)", (raw, expected) => {
    expect(() => parseConfig(raw, "test")).toThrow(expected);
  });

  it("refuses duplicate issuer ids", () => {
    const issuer = { id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" };
    expect(() => parseConfig({ issuers: [issuer, issuer] }, "test")).toThrow('duplicate issuer id "a"');
  });

  it("says when the JSON itself is broken", () => {
    expect(() => loadConfig({ SMART_CONFIG_JSON: "{" })).toThrow("not JSON");
  });
});
