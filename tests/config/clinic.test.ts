import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

const issuers = [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }];

describe("configuration: the clinic's contact on the patient handout", () => {
  it("is optional (the handout then leaves a line to write the number in)", () => {
    expect(parseConfig({ issuers }, "test").clinic).toBeUndefined();
  });

  it("accepts a name and US or international numbers, with an extension", () => {
    const config = parseConfig({ issuers, clinic: { name: "Maple Street Clinic", phone: "(555) 010-0100", afterHoursPhone: "+1 555.010.0199 ext. 12" } }, "test");
    expect(config.clinic).toEqual({ name: "Maple Street Clinic", phone: "(555) 010-0100", afterHoursPhone: "+1 555.010.0199 ext. 12" });
  });

  it.each([
    [{ phone: "call the front desk" }, "clinic.phone: digits, spaces"],
    [{ phone: "12" }, "clinic.phone: 3 to 20 digits"],
    [{ afterHoursPhone: "555-0100; DROP" }, "clinic.afterHoursPhone"],
    [{ name: "" }, "clinic.name"],
  ])("refuses %j naming the setting", (clinic, expected) => {
    expect(() => parseConfig({ issuers, clinic }, "test")).toThrow(expected);
  });
});
