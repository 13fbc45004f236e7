// Hand-written (not generated): asterix-specs has no CAT062 edition before 1.16.
// Source: EUROCONTROL Standard Document for Surveillance Data Exchange, Part 9, Category 062
// "SDPS Track Messages", edition 0.17 (the pre-1.0 edition ARTAS-era SDPSs sent around 2007-2009).
// Facts (UAP order, item structures, LSBs) transcribed from that edition's item descriptions as
// given in the CroatiaControl decoder's machine-readable definition of it (asterix_cat062_0_17.xml),
// and checked record by record against the 2008 Croatia Control capture (151 records, SAC/SIC 25/100).
import { compound, el, elv, explicit, ext, FX, group, rep, spare, sub } from "../spec.js";
import type { CategorySpec } from "../spec.js";

const ANGLE16 = 360 / 2 ** 16;

/**
 * ASTERIX CAT062 edition 0.17: SDPS Track Messages (EUROCONTROL, pre-1.0 edition).
 *
 * Differences from the 1.x editions that matter for decoding: a different UAP (FRN 2 is I062/015,
 * FRN 4 is I062/040); I062/105 is 2 × 24 bits (LSB 180/2^23°); I062/100 is 2 × 16 bits with an LSB
 * of 1/64 NM (given here in metres, 1852/64 m); velocity is polar (I062/180, no I062/185);
 * I062/080 has four octets; I062/290, I062/380 and I062/390 have their own sub-item layouts.
 * FRN 20 (I062/050 in the edition's UAP) has no item description in the source and is left unused.
 * Field names follow the later editions where the meaning is the same (I062/080 COA → `CST`).
 */
export const CAT062_0_17: CategorySpec = {
  category: 62,
  edition: "0.17",
  uap: [
    "010", "015", "070", "040", "105", "100", "060",
    "130", "135", "136", "180", "200", "220", "240",
    "210", "080", "290", "340", "380", null, "390",
    "110", "120", "510", null, null, "RE", "SP",
  ],
  items: {
    // 010: Data Source Identifier (the SDPS)
    "010": group(el("SAC", 8, { k: "raw" }), el("SIC", 8, { k: "raw" })),
    // 015: Service Identification
    "015": elv(8, { k: "raw" }),
    // 040: Track Number (bit 16 spare, always 0)
    "040": elv(16, { k: "raw" }),
    // 060: Track Mode 3/A Code
    "060": group(spare(4), el("MODE3A", 12, { k: "str", enc: "octal" })),
    // 070: Time Of Track Information, LSB 1/128 s
    "070": elv(24, { k: "q", signed: false, lsb: 1 / 2 ** 7, unit: "s" }),
    // 080: Track Status (four octets)
    "080": ext(
      el("MON", 1, { k: "table" }), el("SPI", 1, { k: "table" }), el("MRH", 1, { k: "table" }), el("SRC", 3, { k: "table" }), el("CNF", 1, { k: "table" }), FX,
      el("SIM", 1, { k: "table" }), el("TSE", 1, { k: "table" }), el("TSB", 1, { k: "table" }), el("FPC", 1, { k: "table" }), spare(3), FX,
      el("AMA", 1, { k: "table" }), el("MD4", 2, { k: "table" }), el("ME", 1, { k: "table" }), el("MI", 1, { k: "table" }), spare(2), FX,
      el("CST", 1, { k: "table" }), el("PSR", 1, { k: "table" }), el("SSR", 1, { k: "table" }), el("MDS", 1, { k: "table" }), el("ADS", 1, { k: "table" }), el("SUC", 1, { k: "table" }), el("AAC", 1, { k: "table" }), FX,
    ),
    // 100: Calculated Track Position (Cartesian), 2 × 16 bits, LSB 1/64 NM
    "100": group(el("X", 16, { k: "q", signed: true, lsb: 1852 / 64, unit: "m" }), el("Y", 16, { k: "q", signed: true, lsb: 1852 / 64, unit: "m" })),
    // 105: Calculated Position in WGS-84 Co-ordinates, 2 × 24 bits, LSB 180/2^23°
    "105": group(el("LAT", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" }), el("LON", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" })),
    // 110: Track Mode 1 Code
    "110": group(spare(3), el("MODE1", 5, { k: "raw" })),
    // 120: Track Mode 2 Code
    "120": group(spare(4), el("MODE2", 12, { k: "str", enc: "octal" })),
    // 130: Calculated Track Geometric Altitude, LSB 6.25 ft
    "130": elv(16, { k: "q", signed: true, lsb: 25 / 2 ** 2, unit: "ft" }),
    // 135: Calculated Track Barometric Altitude, LSB 25 ft (1/4 FL)
    "135": group(el("QNH", 1, { k: "table" }), el("CTB", 15, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "FL" })),
    // 136: Measured Flight Level, LSB 1/4 FL
    "136": elv(16, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "FL" }),
    // 180: Calculated Track Velocity (Polar): speed LSB 2^-14 NM/s, heading LSB 360/2^16°
    "180": group(el("SPEED", 16, { k: "q", signed: false, lsb: 1 / 2 ** 14, unit: "NM/s" }), el("HEADING", 16, { k: "q", signed: false, lsb: ANGLE16, unit: "°" })),
    // 200: Mode of Flight
    "200": group(el("TRANS", 2, { k: "table" }), el("LONG", 2, { k: "table" }), el("VERT", 2, { k: "table" }), spare(2)),
    // 210: Calculated Longitudinal Acceleration, LSB 0.00044155 m/s² (as the edition gives it)
    "210": elv(16, { k: "q", signed: true, lsb: 0.00044155, unit: "m/s²" }),
    // 220: Calculated Rate of Climb/Descent, LSB 6.25 ft/min
    "220": elv(16, { k: "q", signed: true, lsb: 25 / 2 ** 2, unit: "ft/min" }),
    // 240: Calculated Rate of Turn, LSB 1/4 °/s
    "240": elv(8, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "°/s" }),
    // 290: System Track Update Ages, LSB 1/4 s
    "290": compound(
      el("PSR", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("SSR", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("MDA", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("MFL", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("MDS", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("ADS", 16, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("ADB", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("MD1", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
      el("MD2", 8, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "s" }),
    ),
    // 340: Measured Information (last report used to update the track)
    "340": compound(
      sub("SID", group(el("SAC", 8, { k: "raw" }), el("SIC", 8, { k: "raw" }))),
      sub("POS", group(el("RHO", 16, { k: "q", signed: false, lsb: 1 / 2 ** 8, unit: "NM" }), el("THETA", 16, { k: "q", signed: false, lsb: ANGLE16, unit: "°" }))),
      el("HEIGHT", 16, { k: "q", signed: true, lsb: 25, unit: "ft" }),
      sub("MDC", group(el("V", 1, { k: "table" }), el("G", 1, { k: "table" }), el("LMC", 14, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "FL" }))),
      sub("MDA", group(el("V", 1, { k: "table" }), el("G", 1, { k: "table" }), el("L", 1, { k: "table" }), spare(1), el("MODE3A", 12, { k: "str", enc: "octal" }))),
      sub("TYP", group(el("TYP", 3, { k: "table" }), el("SIM", 1, { k: "table" }), el("RAB", 1, { k: "table" }), el("TST", 1, { k: "table" }), spare(2))),
    ),
    // 380: Mode S Related Data
    "380": compound(
      sub("MB", rep(1, group(el("MBDATA", 56, { k: "raw" }), el("BDS1", 4, { k: "raw" }), el("BDS2", 4, { k: "raw" })))),
      el("ADR", 24, { k: "raw" }),
      el("ID", 48, { k: "str", enc: "icao" }),
      sub("COM", group(
        el("COM", 3, { k: "table" }), el("STAT", 3, { k: "table" }), spare(2),
        el("SSC", 1, { k: "table" }), el("ARC", 1, { k: "table" }), el("AIC", 1, { k: "table" }), el("B1A", 1, { k: "raw" }), el("B1B", 4, { k: "raw" }),
      )),
      el("ACS", 56, { k: "raw" }),
    ),
    // 390: Flight Plan Related Data
    "390": compound(
      sub("TAG", group(el("SAC", 8, { k: "raw" }), el("SIC", 8, { k: "raw" }))),
      el("CS", 56, { k: "str", enc: "ascii" }),
      sub("IFI", group(el("TYP", 2, { k: "table" }), spare(3), el("NBR", 27, { k: "int", signed: false }))),
      sub("FCT", group(el("GATOAT", 2, { k: "table" }), el("FR1FR2", 2, { k: "table" }), el("RVSM", 2, { k: "table" }), el("HPR", 1, { k: "table" }), spare(1))),
      el("TAC", 32, { k: "str", enc: "ascii" }),
      el("WTC", 8, { k: "str", enc: "ascii" }),
      el("DEP", 32, { k: "str", enc: "ascii" }),
      el("DST", 32, { k: "str", enc: "ascii" }),
      sub("RDS", group(el("NU1", 8, { k: "str", enc: "ascii" }), el("NU2", 8, { k: "str", enc: "ascii" }), el("LTR", 8, { k: "str", enc: "ascii" }))),
      el("CFL", 16, { k: "q", signed: false, lsb: 1 / 2 ** 2, unit: "FL" }),
      sub("CTL", group(el("CENTRE", 8, { k: "raw" }), el("POSITION", 8, { k: "raw" }))),
      sub("TOD", rep(1, group(
        el("TYP", 5, { k: "table" }), el("DAY", 2, { k: "table" }), spare(4), el("HOR", 5, { k: "int", signed: false }),
        spare(2), el("MIN", 6, { k: "int", signed: false }), el("AVS", 1, { k: "table" }), spare(1), el("SEC", 6, { k: "int", signed: false }),
      ))),
      el("AST", 48, { k: "str", enc: "ascii" }),
      sub("STS", group(el("EMP", 2, { k: "table" }), el("AVL", 2, { k: "table" }), spare(4))),
    ),
    // 510: Composed Track Number (3-octet extents, FX-chained)
    "510": rep(0, group(el("IDENT", 8, { k: "raw" }), el("TRACK", 15, { k: "raw" }))),
    // RE: Reserved Expansion Field
    "RE": explicit("RE"),
    // SP: Special Purpose Field
    "SP": explicit("SP"),
  },
};
