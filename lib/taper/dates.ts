/** Calendar arithmetic for the taper engine: lib/domain/dates is its one home. */
export { addDays, addMonths, daysBetween, fromDayNumber, isValidIsoDate, toDayNumber } from "@/lib/domain/dates";
