// Editions written by hand from their EUROCONTROL documents, for editions that asterix-specs
// (the source of the generated tables beside this file) does not have. Each module's header
// names the edition document and how its facts were checked.
import type { CategorySpec } from "../spec.js";
import { CAT021_1_8 } from "./cat021_1_8.js";
import { CAT062_0_17 } from "./cat062_0_17.js";

/** Every hand-written edition: category → edition → table. */
export const HAND_WRITTEN_EDITIONS: Record<number, Record<string, CategorySpec>> = {
  21: { "1.8": CAT021_1_8 },
  62: { "0.17": CAT062_0_17 },
};
