/**
 * Public face of the Mode S module: CRC, downlink formats, altitude and identity codes, ADS-B
 * extended squitter, CPR, Comm-B registers and their inference, receiver framings (Beast, AVR,
 * SBS-1), the per-aircraft state store that turns messages into `SensorReport`s, and a
 * 2 MS/s I/Q demodulator for raw recordings.
 *
 * Standards: ICAO Annex 10 Vol. IV (Mode S), ICAO Doc 9871 (Technical Provisions for Mode S
 * Services and Extended Squitter), RTCA DO-260B (1090 MHz ES MOPS).
 */
export { ModeSDecodeError, type ModeSErrorReason } from "./errors.js";
export { bits, bit, hexInto, hexBytesInto, toHex, hex6 } from "./bits.js";
export { crc24, syndrome, fixSingleBit112, CRC24_POLY, CRC24_TABLE } from "./crc.js";
export { decodeAc13, decodeAc12, decodeId13, gillhamToFeet, squawkString, FT } from "./altitude.js";
export { ModeSMessage, EsSource } from "./message.js";
export { decodeModeS, decodeHex, messageBytes, type ModeSDecodeOptions } from "./downlink.js";
export {
  AIS_CHARSET, decodeCharacters, categorySet, movementToKnots, esRegister, nucpOfTypeCode, nicOfTypeCode,
} from "./adsb.js";
export { EMERGENCY_STATES, targetStateModes, type TargetStateModes } from "./adsb_status.js";
export { cprNL, cprGlobalAirborne, cprGlobalSurface, cprLocal, NZ, type CprSolution } from "./cpr.js";
export {
  COMMB_REGISTERS, BDS17_ORDER, bdsLabel, decodeBds, isValidBds, decodeBds10, decodeBds17, decodeBds20, decodeBds21,
  decodeBds30, decodeBds40, decodeBds44, decodeBds45, decodeBds50, decodeBds60, type CommBRecord,
} from "./commb.js";
export { inferBds, plausibility, type CommBInference, type CommBReference } from "./commb_infer.js";
export {
  AircraftStore, AircraftState, type AircraftStoreOptions, type AircraftStoreStats, type Verdict,
} from "./aircraft_state.js";
export {
  DEFAULT_PLAUSIBILITY, distanceDeg, angleDiffDeg, positionReachable, altitudeReachable, velocityReachable,
  type PlausibilityLimits,
} from "./plausibility.js";
export { sigmaFromNacp, sigmaFromNucp, sigmaFromNic, NACP_EPU_M, NUCP_RCU_M, NIC_RC_M, RAYLEIGH_95 } from "./quality.js";
export {
  BeastFramer, encodeBeast, BEAST_SIGNAL_DBFS, BEAST_MODE_AC, BEAST_SHORT, BEAST_LONG, BEAST_STATUS,
  type FrameSink, type FramerStats,
} from "./beast.js";
export { AvrFramer, encodeAvr } from "./avr.js";
export { SbsDecoder, LineSplitter, type SbsOptions, type SbsStats } from "./sbs.js";
export { ModeSReceiver, type ModeSFeedFormat, type ModeSReceiverOptions, type ModeSReceiverStats } from "./receiver.js";
export { demodulate, type DemodFrame, type DemodStats } from "./demod.js";
export { parseHexLogLine, parseSeroJson, detectModeSFormat, type HexLogEntry, type ModeSFileFormat } from "./hexlog.js";
export { adsbReport, modesReport, positionSigma } from "./reports.js";
