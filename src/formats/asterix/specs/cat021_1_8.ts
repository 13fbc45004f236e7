// Hand-written (not generated): asterix-specs has no CAT021 edition between 0.26 and 2.1.
// Source: EUROCONTROL Standard Document for Surveillance Data Exchange, Part 12, Category 021
// "ADS-B Reports", SUR.ET1.ST05.2000-STD-12-01, edition 1.8 (January 2011), the last 1.x edition
// before 2.1 (May 2011). Facts (UAP order, item structures, LSBs) transcribed from that edition's
// item descriptions as given in the CroatiaControl decoder's machine-readable definition of it
// (asterix_cat021_1_8.xml), and compared item by item with edition 2.1 (cat021_2_1.ts).
import { compound, el, elv, explicit, ext, FX, group, rep, spare, sub } from "../spec.js";
import type { CategorySpec } from "../spec.js";

const TOD = { k: "q", signed: false, lsb: 1 / 2 ** 7, unit: "s" } as const;
const AGE = { k: "q", signed: false, lsb: 1 / 10, unit: "s" } as const;

/**
 * ASTERIX CAT021 edition 1.8: ADS-B Reports (EUROCONTROL, January 2011).
 *
 * Edition 1.8 has the UAP of 2.1 (49 FRNs, I021/010, 040, 161, 015, 071, 130, 131, …) and the same
 * item sizes, except I021/090 Quality Indicators, which has two octets at most (NUCr/NACv, NUCp/NIC;
 * NICbaro, SIL, NACp) where 2.1 adds a third and a fourth extent. Other differences are in
 * meaning only: I021/008 ends with a spare bit (2.1: SA), I021/200 starts with three spare bits
 * (2.1: ICF, LNAV), I021/260 is one 56-bit ACAS RA field. Field names are those of 2.1.
 */
export const CAT021_1_8: CategorySpec = {
  category: 21,
  edition: "1.8",
  uap: [
    "010", "040", "161", "015", "071", "130", "131",
    "072", "150", "151", "080", "073", "074", "075",
    "076", "140", "090", "210", "070", "230", "145",
    "152", "200", "155", "157", "160", "165", "077",
    "170", "020", "220", "146", "148", "110", "016",
    "008", "271", "132", "250", "260", "400", "295",
    null, null, null, null, null, "RE", "SP",
  ],
  items: {
    // 008: Aircraft Operational Status
    "008": group(el("RA", 1, { k: "table" }), el("TC", 2, { k: "table" }), el("TS", 1, { k: "table" }), el("ARV", 1, { k: "table" }), el("CDTIA", 1, { k: "table" }), el("NOTTCAS", 1, { k: "table" }), spare(1)),
    // 010: Data Source Identification
    "010": group(el("SAC", 8, { k: "raw" }), el("SIC", 8, { k: "raw" })),
    // 015: Service Identification
    "015": elv(8, { k: "raw" }),
    // 016: Service Management (report period), LSB 0.5 s
    "016": elv(8, { k: "q", signed: false, lsb: 1 / 2, unit: "s" }),
    // 020: Emitter Category
    "020": elv(8, { k: "table" }),
    // 040: Target Report Descriptor
    "040": ext(
      el("ATP", 3, { k: "table" }), el("ARC", 2, { k: "table" }), el("RC", 1, { k: "table" }), el("RAB", 1, { k: "table" }), FX,
      el("DCR", 1, { k: "table" }), el("GBS", 1, { k: "table" }), el("SIM", 1, { k: "table" }), el("TST", 1, { k: "table" }), el("SAA", 1, { k: "table" }), el("CL", 2, { k: "table" }), FX,
      spare(2), el("IPC", 1, { k: "table" }), el("NOGO", 1, { k: "table" }), el("CPR", 1, { k: "table" }), el("LDPJ", 1, { k: "table" }), el("RCF", 1, { k: "table" }), FX,
    ),
    // 070: Mode 3/A Code in Octal Representation
    "070": group(spare(4), el("MODE3A", 12, { k: "str", enc: "octal" })),
    // 071: Time of Applicability for Position, LSB 1/128 s
    "071": elv(24, TOD),
    // 072: Time of Applicability for Velocity
    "072": elv(24, TOD),
    // 073: Time of Message Reception for Position
    "073": elv(24, TOD),
    // 074: Time of Message Reception of Position, High Precision: FSI + fraction, LSB 2^-30 s
    "074": group(el("FSI", 2, { k: "table" }), el("TOMRP", 30, { k: "q", signed: false, lsb: 1 / 2 ** 30, unit: "s" })),
    // 075: Time of Message Reception for Velocity
    "075": elv(24, TOD),
    // 076: Time of Message Reception of Velocity, High Precision
    "076": group(el("FSI", 2, { k: "table" }), el("TOMRP", 30, { k: "q", signed: false, lsb: 1 / 2 ** 30, unit: "s" })),
    // 077: Time of ASTERIX Report Transmission
    "077": elv(24, TOD),
    // 080: Target Address
    "080": elv(24, { k: "raw" }),
    // 090: Quality Indicators (two octets at most in 1.8)
    "090": ext(
      el("NUCRNACV", 3, { k: "raw" }), el("NUCPNIC", 4, { k: "raw" }), FX,
      el("NICBARO", 1, { k: "raw" }), el("SIL", 2, { k: "raw" }), el("NACP", 4, { k: "raw" }), FX,
    ),
    // 110: Trajectory Intent
    "110": compound(
      sub("TIS", ext(el("NAV", 1, { k: "table" }), el("NVB", 1, { k: "table" }), spare(5), FX)),
      sub("TID", rep(1, group(
        el("TCA", 1, { k: "table" }), el("NC", 1, { k: "table" }), el("TCPN", 6, { k: "raw" }),
        el("ALT", 16, { k: "q", signed: true, lsb: 10, unit: "ft" }),
        el("LAT", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" }),
        el("LON", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" }),
        el("PT", 4, { k: "table" }), el("TD", 2, { k: "table" }), el("TRA", 1, { k: "table" }), el("TOA", 1, { k: "table" }),
        el("TOV", 24, { k: "q", signed: false, lsb: 1, unit: "s" }),
        el("TTR", 16, { k: "q", signed: false, lsb: 1 / 100, unit: "NM" }),
      ))),
    ),
    // 130: Position in WGS-84 Co-ordinates, 2 × 24 bits, LSB 180/2^23°
    "130": group(el("LAT", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" }), el("LON", 24, { k: "q", signed: true, lsb: 180 / 2 ** 23, unit: "°" })),
    // 131: High-Resolution Position in WGS-84 Co-ordinates, 2 × 32 bits, LSB 180/2^30°
    "131": group(el("LAT", 32, { k: "q", signed: true, lsb: 180 / 2 ** 30, unit: "°" }), el("LON", 32, { k: "q", signed: true, lsb: 180 / 2 ** 30, unit: "°" })),
    // 132: Message Amplitude, dBm
    "132": elv(8, { k: "q", signed: true, lsb: 1, unit: "dBm" }),
    // 140: Geometric Height, LSB 6.25 ft
    "140": elv(16, { k: "q", signed: true, lsb: 25 / 2 ** 2, unit: "ft" }),
    // 145: Flight Level, LSB 1/4 FL
    "145": elv(16, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "FL" }),
    // 146: Intermediate State Selected Altitude, LSB 25 ft
    "146": group(el("SAS", 1, { k: "table" }), el("S", 2, { k: "table" }), el("ALT", 13, { k: "q", signed: true, lsb: 25, unit: "ft" })),
    // 148: Final State Selected Altitude, LSB 25 ft
    "148": group(el("MV", 1, { k: "table" }), el("AH", 1, { k: "table" }), el("AM", 1, { k: "table" }), el("ALT", 13, { k: "q", signed: true, lsb: 25, unit: "ft" })),
    // 150: Air Speed: IAS (LSB 2^-14 NM/s) or Mach (LSB 0.001)
    "150": group(el("IM", 1, { k: "table" }), el("AS", 15, {
      k: "dep", path: ["IM"], byDefault: { k: "raw" },
      cases: [[[0], { k: "q", signed: false, lsb: 1 / 2 ** 14, unit: "NM/s" }], [[1], { k: "q", signed: false, lsb: 1 / 1000, unit: "Mach" }]],
    })),
    // 151: True Air Speed, LSB 1 kt
    "151": group(el("RE", 1, { k: "table" }), el("TAS", 15, { k: "q", signed: false, lsb: 1, unit: "kt" })),
    // 152: Magnetic Heading, LSB 360/2^16°
    "152": elv(16, { k: "q", signed: false, lsb: 360 / 2 ** 16, unit: "°" }),
    // 155: Barometric Vertical Rate, LSB 6.25 ft/min
    "155": group(el("RE", 1, { k: "table" }), el("BVR", 15, { k: "q", signed: true, lsb: 25 / 2 ** 2, unit: "ft/min" })),
    // 157: Geometric Vertical Rate, LSB 6.25 ft/min
    "157": group(el("RE", 1, { k: "table" }), el("GVR", 15, { k: "q", signed: true, lsb: 25 / 2 ** 2, unit: "ft/min" })),
    // 160: Ground Vector: speed LSB 2^-14 NM/s, track angle LSB 360/2^16°
    "160": group(el("RE", 1, { k: "table" }), el("GS", 15, { k: "q", signed: false, lsb: 1 / 2 ** 14, unit: "NM/s" }), el("TA", 16, { k: "q", signed: false, lsb: 360 / 2 ** 16, unit: "°" })),
    // 161: Track Number
    "161": group(spare(4), el("TRNUM", 12, { k: "raw" })),
    // 165: Track Angle Rate, LSB 1/32 °/s
    "165": group(spare(6), el("TAR", 10, { k: "q", signed: true, lsb: 1 / 2 ** 5, unit: "°/s" })),
    // 170: Target Identification (8 ICAO 6-bit characters)
    "170": elv(48, { k: "str", enc: "icao" }),
    // 200: Target Status
    "200": group(spare(3), el("PS", 3, { k: "table" }), el("SS", 2, { k: "table" })),
    // 210: MOPS Version
    "210": group(spare(1), el("VNS", 1, { k: "table" }), el("VN", 3, { k: "table" }), el("LTT", 3, { k: "table" })),
    // 220: Met Information
    "220": compound(
      el("WS", 16, { k: "q", signed: false, lsb: 1, unit: "kt" }),
      el("WD", 16, { k: "q", signed: false, lsb: 1, unit: "°" }),
      el("TMP", 16, { k: "q", signed: true, lsb: 1 / 2 ** 2, unit: "°C" }),
      el("TRB", 8, { k: "int", signed: false }),
    ),
    // 230: Roll Angle, LSB 0.01°
    "230": elv(16, { k: "q", signed: true, lsb: 1 / 100, unit: "°" }),
    // 250: Mode S MB Data (56-bit MB + BDS1/BDS2 per repetition)
    "250": rep(1, elv(64, { k: "raw" })),
    // 260: ACAS Resolution Advisory Report (56 bits)
    "260": elv(56, { k: "raw" }),
    // 271: Surface Capabilities and Characteristics
    "271": ext(
      spare(2), el("POA", 1, { k: "table" }), el("CDTIS", 1, { k: "table" }), el("B2LOW", 1, { k: "table" }), el("RAS", 1, { k: "table" }), el("IDENT", 1, { k: "table" }), FX,
      spare(4), el("LW", 4, { k: "raw" }),
    ),
    // 295: Data Ages, LSB 0.1 s
    "295": compound(
      el("AOS", 8, AGE), el("TRD", 8, AGE), el("M3A", 8, AGE), el("QI", 8, AGE), el("TI1", 8, AGE), el("MAM", 8, AGE), el("GH", 8, AGE),
      el("FL", 8, AGE), el("ISA", 8, AGE), el("FSA", 8, AGE), el("AS", 8, AGE), el("TAS", 8, AGE), el("MH", 8, AGE), el("BVR", 8, AGE),
      el("GVR", 8, AGE), el("GV", 8, AGE), el("TAR", 8, AGE), el("TI2", 8, AGE), el("TS", 8, AGE), el("MET", 8, AGE), el("ROA", 8, AGE),
      el("ARA", 8, AGE), el("SCC", 8, AGE),
    ),
    // 400: Receiver ID
    "400": elv(8, { k: "raw" }),
    // RE: Reserved Expansion Field
    "RE": explicit("RE"),
    // SP: Special Purpose Field
    "SP": explicit("SP"),
  },
};
