import type { Assumption, DoseFormFamily, OpioidIngredient, OpioidProduct, ValueSource } from "@/lib/domain";

/** What an order's medication turned out to be. */
export type Identification =
  | { kind: "product"; product: OpioidProduct; source: ValueSource; assumptions: Assumption[]; discrepancies: string[] }
  | {
      kind: "opioid-without-strength";
      name: string;
      ingredients: OpioidIngredient[];
      doseForm: DoseFormFamily | null;
      source: ValueSource;
      assumptions: Assumption[];
    }
  | { kind: "naloxone"; name: string }
  | { kind: "not-opioid"; name: string; message: string }
  | { kind: "unidentified"; name: string; message: string };
