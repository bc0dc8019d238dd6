/**
 * The clinic's contact printed on the patient handout (issue 22): who the patient calls about
 * the taper. Part of the health system's configuration (lib/config.ts, key `clinic`), validated
 * at start-up. Without it the handout leaves a line for the number to be written in by hand.
 */
import { z } from "zod";

/** A dialable number: digits with the usual separators, 3 to 20 digits ("911"-style short numbers included). */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-]+(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i, "digits, spaces, ( ) . - and an optional extension")
  .refine((p) => {
    const digits = p.replace(/(?:ext\.?|x)\s*[0-9]+$/i, "").replace(/\D/g, "").length;
    return digits >= 3 && digits <= 20;
  }, { message: "3 to 20 digits" });

export const ClinicConfigSchema = z.object({
  /** Shown before the number ("Maple Street Clinic"). */
  name: z.string().trim().min(1).max(80).optional(),
  /** The number patients call about their taper during the day. */
  phone: phone.optional(),
  /** Nights and weekends, when different. */
  afterHoursPhone: phone.optional(),
});

export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;
