/**
 * Builds the HL7 CDC opioid CPG `PainTreatmentCarePlan` StructureDefinition (a snapshot the
 * @medplum/core validator can use) from the IG's own FHIR Shorthand source, vendored unchanged in
 * data/hl7-cdc-opioid-cpg/ (SD_PainTreatmentCarePlan.fsh, aliases.fsh; CC0-1.0), applied to the
 * FHIR R4 CarePlan snapshot. The IG's value set for the category binding
 * (pain-treatment-plan.valueset.json) gives the codes of that required binding.
 *
 * Only the rule forms that FSH file uses are understood (`obeys`, `from <VS> (required)`, a
 * cardinality with `MS`, a bare `MS`, and `Invariant:` blocks); any other rule line is an error,
 * so a newer release of the profile that adds a rule cannot be applied silently in part.
 *
 * Limit (stated in data/README.md and docs/careplan-profile.md): the parent profiles (QI-Core
 * CarePlan 6.0.0 -> US Core CarePlan 6.1.0) are not in this repository, so their constraints are not
 * in the snapshot; the project rules (lib/fhir/careplan/rules.ts) check the ones this app relies on
 * (narrative, the US Core assess-plan category, a Patient subject).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Parses `Alias: $X = url` lines. */
function aliasesOf(text) {
  const out = new Map();
  for (const m of text.matchAll(/^Alias:\s+(\$\w+)\s*=\s*(\S+)\s*$/gm)) out.set(m[1], m[2]);
  return out;
}

/** Parses the `Invariant:` blocks and the one `Profile:` block of the FSH file. */
export function parseProfileFsh(text, aliases) {
  const invariants = new Map();
  let profile = null;
  let current = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, "").trimEnd();
    if (line.trim() === "") continue;
    const head = /^(Invariant|Profile|Parent|Id|Title|Description|Expression|Severity):\s*(.*)$/.exec(line);
    if (head) {
      const [, key, value] = head;
      const unquoted = value.replace(/^"(.*)"$/s, "$1");
      if (key === "Invariant") { current = { kind: "invariant", key: value.trim() }; invariants.set(current.key, current); }
      else if (key === "Profile") { current = { kind: "profile", name: value.trim(), rules: [] }; profile = current; }
      else if (current) current[key.toLowerCase()] = key === "Severity" ? value.trim().replace(/^#/, "") : unquoted;
      continue;
    }
    if (!line.startsWith("* ") || !current || current.kind !== "profile") throw new Error(`PainTreatmentCarePlan FSH: cannot read line "${line}"`);
    current.rules.push(line.slice(2).trim());
  }
  if (!profile) throw new Error("PainTreatmentCarePlan FSH: no Profile block");
  const parent = aliases.get(profile.parent) ?? aliases.get(`$${profile.parent}`) ?? profile.parent;
  const rules = profile.rules.map((rule) => {
    let m = /^(\w+(?:\.\w+)*) obeys ([\w-]+)$/.exec(rule);
    if (m) {
      const inv = invariants.get(m[2]);
      if (!inv) throw new Error(`PainTreatmentCarePlan FSH: unknown invariant ${m[2]}`);
      return { path: m[1], constraint: { key: inv.key, severity: inv.severity, human: inv.description, expression: inv.expression } };
    }
    m = /^(\w+(?:\.\w+)*) from (\S+) \((required|extensible|preferred|example)\)$/.exec(rule);
    if (m) return { path: m[1], binding: { strength: m[3], valueSet: aliases.get(m[2]) ?? m[2] } };
    m = /^(\w+(?:\.\w+)*) (\d+)\.\.(\d+|\*)(?: MS)?$/.exec(rule);
    if (m) return { path: m[1], min: Number(m[2]), max: m[3], mustSupport: rule.endsWith(" MS") };
    m = /^(\w+(?:\.\w+)*) MS$/.exec(rule);
    if (m) return { path: m[1], mustSupport: true };
    throw new Error(`PainTreatmentCarePlan FSH: rule form not supported: "${rule}"`);
  });
  return { name: profile.name, id: profile.id ?? profile.name, title: profile.title, description: profile.description, parent, rules };
}

/** The snapshot: R4 CarePlan's elements with the profile's rules applied (`CarePlan.<path>`). */
export function profileStructureDefinition(carePlanSd, parsed, canonical) {
  const elements = carePlanSd.snapshot.element.map((el) => structuredClone(el));
  for (const rule of parsed.rules) {
    const path = `CarePlan.${rule.path}`;
    const el = elements.find((e) => e.path === path && e.id === path);
    if (!el) throw new Error(`PainTreatmentCarePlan: no element ${path} in the R4 CarePlan`);
    if (rule.constraint) el.constraint = [...(el.constraint ?? []), rule.constraint];
    if (rule.binding) el.binding = rule.binding;
    if (rule.min !== undefined) el.min = rule.min;
    if (rule.max !== undefined) el.max = rule.max;
    if (rule.mustSupport) el.mustSupport = true;
  }
  return {
    resourceType: "StructureDefinition",
    id: parsed.id,
    url: `${canonical}/StructureDefinition/${parsed.id}`,
    name: parsed.name,
    kind: "resource",
    abstract: false,
    type: "CarePlan",
    baseDefinition: parsed.parent,
    derivation: "constraint",
    snapshot: { element: elements },
  };
}

/** Reads the vendored files; returns the profile SD and its required value sets' codes. */
export function loadPainTreatmentProfile(root, carePlanSd) {
  const dir = resolve(root, "data/hl7-cdc-opioid-cpg");
  const aliases = aliasesOf(readFileSync(resolve(dir, "aliases.fsh"), "utf8"));
  const parsed = parseProfileFsh(readFileSync(resolve(dir, "SD_PainTreatmentCarePlan.fsh"), "utf8"), aliases);
  const sd = profileStructureDefinition(carePlanSd, parsed, "http://hl7.org/fhir/us/cdc-opioid-cpg");
  const vs = JSON.parse(readFileSync(resolve(dir, "pain-treatment-plan.valueset.json"), "utf8"));
  const valueSets = {};
  for (const rule of parsed.rules) {
    if (!rule.binding || rule.binding.strength !== "required") continue;
    if (rule.binding.valueSet !== vs.url) throw new Error(`PainTreatmentCarePlan: no expansion vendored for ${rule.binding.valueSet}`);
    valueSets[vs.url] = vs.expansion.contains.map((c) => c.code).sort();
  }
  return { sd, valueSets };
}
