/**
 * Timestamped hex message logs as research tools write them, and content detection of every
 * Mode S recording format Skywatch reads.
 *
 * Hex CSV lines (no header; a UTF-8 BOM is skipped):
 * - `ts,"HEX",ICAO,TC` (pyModeS sample_data_adsb),
 * - `ts,ICAO,HEX` (pyModeS sample_data_commb),
 * - `ts,HEX` (jet1090 / rs1090),
 * where `ts` is UNIX seconds (integer or fractional) and HEX 14 or 28 digits.
 * SeRo GRX1090 JSON: an array of `{reply: [{reply: <base64 frame>, sensorTimestamp: <ms>,
 * signalLevel: <dBm>}, …]}` objects.
 */

/** One timestamped message. */
export interface HexLogEntry {
  /** UTC seconds. */
  time: number;
  /** Message hex (uppercase, 14 or 28 digits). */
  hex: string;
  /** Signal level (dBFS or dBm as the source gives it), NaN when absent. */
  signal: number;
}

const HEX_FIELD = /^"?([0-9A-Fa-f]{28}|[0-9A-Fa-f]{14})"?$/;

/** Parses one hex CSV line; undefined when it is not one (see module doc). */
export function parseHexLogLine(line: string): HexLogEntry | undefined {
  const s = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  const f = s.trim().split(",");
  if (f.length < 2) return undefined;
  const time = Number(f[0]);
  if (!Number.isFinite(time)) return undefined;
  for (let i = 1; i < Math.min(f.length, 4); i++) {
    const m = HEX_FIELD.exec(f[i].trim());
    if (m) return { time, hex: m[1].toUpperCase(), signal: NaN };
  }
  return undefined;
}

/** Parses a SeRo GRX1090 JSON export; entries without a decodable frame are skipped and counted. */
export function parseSeroJson(text: string): { entries: HexLogEntry[]; skipped: number } {
  const entries: HexLogEntry[] = [];
  let skipped = 0;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { entries, skipped: 1 };
  }
  if (!Array.isArray(doc)) return { entries, skipped: 1 };
  for (const item of doc) {
    const replies = (item as { reply?: unknown })?.reply;
    if (!Array.isArray(replies)) {
      skipped++;
      continue;
    }
    for (const r of replies) {
      const o = r as { reply?: unknown; sensorTimestamp?: unknown; collectorTimestamp?: unknown; signalLevel?: unknown };
      const b = typeof o.reply === "string" ? Buffer.from(o.reply, "base64") : undefined;
      const ms = Number(o.sensorTimestamp ?? o.collectorTimestamp);
      if (!b || (b.length !== 7 && b.length !== 14) || !Number.isFinite(ms)) {
        skipped++;
        continue;
      }
      entries.push({ time: ms / 1000, hex: b.toString("hex").toUpperCase(), signal: typeof o.signalLevel === "number" ? o.signalLevel : NaN });
    }
  }
  return { entries, skipped };
}

/** Mode S recording formats. */
export type ModeSFileFormat = "beast" | "avr" | "sbs" | "hexlog" | "sero" | "iq";

/**
 * Tells the format of a recording from its first bytes (and its name as a tie-breaker for raw
 * I/Q, which has no structure: `.iq`, `.cu8`, `.bin` with samples near 127.5).
 * Returns undefined when nothing fits (e.g. an ASTERIX file).
 */
export function detectModeSFormat(head: Uint8Array, name = ""): ModeSFileFormat | undefined {
  if (head.length >= 2 && head[0] === 0x1a && head[1] >= 0x31 && head[1] <= 0x34) return "beast";
  let k = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) k = 3;
  while (k < head.length && (head[k] === 0x20 || head[k] === 0x0a || head[k] === 0x0d || head[k] === 0x09)) k++;
  const text = Buffer.from(head.subarray(k, Math.min(head.length, k + 512))).toString("latin1");
  const first = text.split(/\r?\n/)[0] ?? "";
  if (/^[*@%<][0-9A-Fa-f]{4,}/.test(first)) return "avr";
  if (/^MSG,[1-8],/.test(first)) return "sbs";
  if (/^\[\s*\{\s*"reply"/.test(text)) return "sero";
  if (parseHexLogLine(first)) return "hexlog";
  if (/\.(iq|cu8|bin|raw)$/i.test(name) && head.length >= 256) {
    let near = 0;
    for (let i = 0; i < Math.min(head.length, 4096); i++) if (Math.abs(head[i] - 127.5) < 48) near++;
    if (near / Math.min(head.length, 4096) > 0.9) return "iq";
  }
  return undefined;
}
