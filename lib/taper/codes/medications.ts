/**
 * Medication classes the readiness rules look for in MedicationRequests. Identification
 * order: an RxNorm code in a curated list (or in the product catalog); else an ingredient
 * name in the medication's text or code displays, and the finding then says so in its
 * evidence (never silently). Sources: CDC IG value sets benzodiazepine-medications
 * (2.16.840.1.114222.48.4), cns-depressant-medications (...48.8), naloxone-medications
 * (...48.22), buprenorphine-and-methadone-medications (...48.5) (clinical-sources.md section 4).
 */
export { RXNORM_SYSTEM } from "@/lib/domain/code-systems";

export type MedicationClass = "benzodiazepine" | "cns-depressant" | "naloxone" | "buprenorphine-oud" | "methadone";

export interface MedicationCodeList {
  name: string;
  source: string;
  rxnorm: readonly string[];
  /** Ingredient names matched as whole words in the text (lower case). */
  names: readonly string[];
  /** If any of these words is in the text, the name match does not count (combination products). */
  excludeNames?: readonly string[];
}

export const BENZODIAZEPINES: MedicationCodeList = {
  name: "benzodiazepine",
  source: "CDC IG value set benzodiazepine-medications (common oral SCD/SBD codes, expansion 2023-03); brand-level codes seen in the public sandbox (563026 Valium, 1153378 Klonopin: clinical-sources.md section 5)",
  rxnorm: [
    "308047", "308048", "197321", "197322", "141927", "141928", "214003", "214004", // alprazolam 0.25-2 mg
    "197527", "197528", "197529", "206157", "206159", "206160", // clonazepam 0.5-2 mg
    "197590", "197591", "197589", "104699", "104700", "104701", // diazepam 2-10 mg
    "197900", "197901", "197902", "206821", "104719", "206828", // lorazepam 0.5-2 mg
    "198241", "198242", "198243", "208463", "208464", "208465", // temazepam 7.5-30 mg
    "198317", "198318", "208681", // triazolam
    "563026", "1153378",
  ],
  names: [
    "alprazolam", "chlordiazepoxide", "clobazam", "clonazepam", "clorazepate", "diazepam", "estazolam", "flurazepam",
    "lorazepam", "midazolam", "oxazepam", "quazepam", "temazepam", "triazolam",
  ],
};

export const OTHER_CNS_DEPRESSANTS: MedicationCodeList = {
  name: "other CNS depressant (muscle relaxant, gabapentinoid, sleep medicine, barbiturate)",
  source: "CDC 2022 Rec 11 names muscle relaxants, non-benzodiazepine hypnotics and gabapentin/pregabalin; CDC IG value set cns-depressant-medications. Identified by ingredient name (no curated codes).",
  rxnorm: [],
  names: [
    "carisoprodol", "cyclobenzaprine", "methocarbamol", "metaxalone", "tizanidine", "baclofen", "chlorzoxazone", "orphenadrine",
    "gabapentin", "pregabalin", "zolpidem", "zaleplon", "eszopiclone", "butalbital", "phenobarbital",
  ],
};

export const NALOXONE: MedicationCodeList = {
  name: "naloxone (rescue)",
  source: "Naloxone products of the RxNorm catalog (lib/mme/catalog, from rxnorm-opioids.tsv; CDC IG value set naloxone-medications)",
  rxnorm: [],
  names: ["naloxone", "narcan"],
  excludeNames: ["buprenorphine", "pentazocine", "oxycodone", "suboxone", "zubsolv"],
};

export const BUPRENORPHINE_OUD: MedicationCodeList = {
  name: "buprenorphine for opioid use disorder (sublingual, or with naloxone)",
  source: "Catalog buprenorphine products that are sublingual or combined with naloxone (CDC IG value set buprenorphine-and-methadone-medications); by name: buprenorphine with naloxone or sublingual",
  rxnorm: [],
  names: ["suboxone", "zubsolv", "subutex"],
};

export const METHADONE: MedicationCodeList = {
  name: "methadone",
  source: "Catalog methadone products (CDC IG value set methadone-medications); by name",
  rxnorm: [],
  names: ["methadone", "methadose", "dolophine"],
};
