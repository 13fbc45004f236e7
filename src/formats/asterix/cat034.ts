/**
 * CAT034 (transmission of monoradar service messages) ⇄ `ServiceReport`.
 *
 * Source: EUROCONTROL ASTERIX Part 2b, Category 034, ed. 1.29: I034/010 data source,
 * I034/000 message type, I034/030 time of day, I034/020 sector number, I034/041 antenna
 * rotation period.
 */
import type { ServiceMessageType, ServiceReport } from "../../types/index.js";
import { parseSensorId } from "./cat048.js";
import type { AsterixRecord, ItemValue } from "./decode.js";
import { value } from "./fields.js";
import { encodeDataBlock } from "./encode.js";
import { CAT034_1_29 } from "./specs/cat034_1_29.js";
import { timeOfDayOf } from "./time.js";
import { DEG } from "./units.js";

/** I034/000 message types, index = code (CAT034 ed. 1.29, I034/000). */
const MESSAGE_TYPES: ServiceMessageType[] = [
  "unknown", "northMarker", "sectorCrossing", "geographicalFiltering", "jammingStrobe", "solarStorm",
  "ssrJammingStrobe", "modeSJammingStrobe",
];


/** Converts a decoded CAT034 record into a service report; `time` is the resolved I034/030. */
export function cat034ToService(rec: AsterixRecord, sensorId: string, time: number): ServiceReport {
  const code = value(rec, "000") ?? 0;
  const report: ServiceReport = {
    kind: "service",
    sensorId,
    time,
    category: 34,
    messageType: MESSAGE_TYPES[code] ?? "unknown",
  };
  const sector = value(rec, "020");
  if (sector !== undefined) report.sectorAzimuth = sector * DEG;
  const period = value(rec, "041");
  if (period !== undefined) report.antennaRotationPeriod = period;
  return report;
}

/** The CAT034 record (ed. 1.29 value shapes) of a service report. Inverse of `cat034ToService`. */
export function serviceToCat034(s: ServiceReport): Record<string, ItemValue> {
  const { sac, sic } = parseSensorId(s.sensorId);
  const tod = timeOfDayOf(s.time);
  const items: Record<string, ItemValue> = {
    "010": { SAC: sac, SIC: sic },
    "000": { VALUE: Math.max(0, MESSAGE_TYPES.indexOf(s.messageType)) },
    "030": { VALUE: tod },
  };
  if (s.sectorAzimuth !== undefined) {
    const lsb = 360 / 256;
    const d = (((s.sectorAzimuth / DEG) % 360) + 360) % 360;
    items["020"] = { VALUE: Math.round(d / lsb) >= 256 ? 0 : d };
  }
  if (s.antennaRotationPeriod !== undefined) items["041"] = { VALUE: s.antennaRotationPeriod };
  return items;
}

/**
 * One CAT034 data block (ed. 1.29) holding the service messages, in order.
 * Throws EncodeError when a value does not fit, RangeError on a bad sensor id.
 */
export function encodeCat034Block(messages: ServiceReport[]): Uint8Array {
  return encodeDataBlock(CAT034_1_29, messages.map(serviceToCat034));
}
