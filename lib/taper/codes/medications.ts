/**
 * Medication classes the readiness rules look for in MedicationRequests. Identification: an
 * RxNorm code of the class's value sets (lib/domain/valuesets: the CDC opioid CDS IG's
 * benzodiazepine, CNS depressant, barbiturate, naloxone, buprenorphine and methadone sets,
 * with the project's amendments), or of the opioid product catalog; else an ingredient or
 * brand name in the medication's text or in ANY coding's display ("Lyrica 75 mg capsule" in a
 * second coding counts), and the finding then says so in its evidence (never silently).
 */
import type { MedicationValueSetId } from "@/lib/domain/valuesets";

export type MedicationClass = "benzodiazepine" | "cns-depressant" | "naloxone" | "buprenorphine-oud" | "methadone" | "naltrexone";

export interface MedicationCodeList {
  name: string;
  valueSets: readonly MedicationValueSetId[];
  /** Ingredient and brand names matched as whole words in any text (lower case). */
  names: readonly string[];
  /** If any of these words is in the same text, the name match does not count (combination products). */
  excludeNames?: readonly string[];
}

export const BENZODIAZEPINES: MedicationCodeList = {
  name: "benzodiazepine",
  valueSets: ["benzodiazepines"],
  names: [
    "alprazolam", "chlordiazepoxide", "clobazam", "clonazepam", "clorazepate", "diazepam", "estazolam", "flurazepam",
    "lorazepam", "midazolam", "oxazepam", "quazepam", "temazepam", "triazolam", "remimazolam",
    "xanax", "klonopin", "valium", "ativan", "restoril", "halcion", "librium", "tranxene", "onfi", "sympazan", "doral", "seizalam", "nayzilam", "valtoco", "loreev",
  ],
};

/**
 * CDC 2022 Rec 11 names muscle relaxants, non-benzodiazepine hypnotics and gabapentin or
 * pregabalin; the IG's CNS depressant set has the hypnotics and oxybates but no
 * gabapentinoid or muscle relaxant, so those are recognised by name (ingredients and US brands).
 */
export const OTHER_CNS_DEPRESSANTS: MedicationCodeList = {
  name: "other CNS depressant (gabapentinoid, muscle relaxant, sleep medicine, barbiturate)",
  valueSets: ["other-cns-depressants"],
  names: [
    "gabapentin", "pregabalin", "gabapentin enacarbil", "neurontin", "gralise", "horizant", "lyrica",
    "carisoprodol", "cyclobenzaprine", "methocarbamol", "metaxalone", "tizanidine", "baclofen", "chlorzoxazone", "orphenadrine", "dantrolene",
    "soma", "flexeril", "amrix", "fexmid", "robaxin", "skelaxin", "zanaflex", "lioresal", "ozobax", "lyvispah", "fleqsuvy", "parafon forte", "norflex",
    "zolpidem", "zaleplon", "eszopiclone", "ambien", "edluar", "intermezzo", "sonata", "lunesta",
    "sodium oxybate", "calcium oxybate", "xyrem", "xywav", "lumryz",
    "butalbital", "phenobarbital", "secobarbital", "pentobarbital", "butabarbital", "fioricet", "fiorinal",
  ],
};

export const NALOXONE: MedicationCodeList = {
  name: "naloxone (rescue)",
  valueSets: ["naloxone-rescue"],
  names: ["naloxone", "narcan", "kloxxado", "zimhi", "rextovy", "evzio"],
  excludeNames: ["buprenorphine", "pentazocine", "oxycodone", "suboxone", "zubsolv", "bunavail", "targiniq"],
};

export const BUPRENORPHINE_OUD: MedicationCodeList = {
  name: "buprenorphine for opioid use disorder (sublingual, with naloxone, extended-release injection, implant)",
  valueSets: ["buprenorphine-oud-formulations"],
  names: ["suboxone", "zubsolv", "subutex", "bunavail", "sublocade", "brixadi", "probuphine"],
};

export const METHADONE: MedicationCodeList = {
  name: "methadone",
  valueSets: ["methadone"],
  names: ["methadone", "methadose", "dolophine", "diskets"],
};

/**
 * Naltrexone (an opioid antagonist: treatment for opioid or alcohol use disorder; it blocks
 * opioid analgesics). The IG publishes no naltrexone set: recognised by name.
 */
export const NALTREXONE: MedicationCodeList = {
  name: "naltrexone",
  valueSets: [],
  names: ["naltrexone", "vivitrol", "revia", "depade"],
  excludeNames: ["bupropion", "contrave", "samidorphan"],
};
