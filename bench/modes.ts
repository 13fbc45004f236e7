/**
 * `npm run bench:modes`: Mode S decoding throughput on one core — CRC-24 (table-driven),
 * downlink format fields and ADS-B ME fields into one reused message object — from the Beast
 * capture (framing included) and from the pyModeS hex sample (hex parsing included), each
 * looped to at least 10 million messages. Prints messages/s and the ratio to a busy single
 * receiver (about 4,300 messages/s). Skips with a message when ../shared is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BeastFramer, decodeModeS, hexBytesInto, hexInto, ModeSMessage, parseHexLogLine } from "../src/formats/modes/index.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const data = resolve(root, "../shared/data/adsb/raw");
const BEAST = resolve(data, "beast/traffic_sample_dump1090.beast.bin");
const HEX = resolve(data, "hex/pymodes_sample_data_adsb.csv");
const TARGET = 10_000_000;
const BUSY_RECEIVER = 4300;

function report(name: string, count: number, seconds: number, checksum: number): void {
  const rate = count / seconds;
  console.log(
    `${name.padEnd(34)} ${count.toLocaleString("en-US").padStart(12)} msgs  ${seconds.toFixed(2).padStart(6)} s  ` +
      `${Math.round(rate).toLocaleString("en-US").padStart(11)} msg/s  ×${Math.round(rate / BUSY_RECEIVER).toLocaleString("en-US")} a busy receiver (4,300 msg/s)  [check ${checksum}]`,
  );
}

function beastBench(): void {
  const buf = new Uint8Array(readFileSync(BEAST));
  const m = new ModeSMessage();
  let count = 0;
  let check = 0;
  const framer = new BeastFramer();
  const sink = (b: Uint8Array, off: number, len: number): void => {
    decodeModeS(m, b, off, len, false);
    count++;
    check = (check + (m.crcOk ? 1 : 0) + (m.tc > 0 ? m.tc : 0)) | 0;
  };
  framer.push(buf, sink); // warm-up
  count = 0;
  check = 0;
  const per = framer.stats.frames;
  const loops = Math.ceil(TARGET / per);
  const t0 = performance.now();
  for (let i = 0; i < loops; i++) framer.push(buf, sink);
  report("Beast capture (framing + decode)", count, (performance.now() - t0) / 1000, check);
}

function hexBench(): void {
  // The hex text of every message as ASCII bytes (as an AVR feed or a hex log arrives), parsed
  // to bytes and decoded.
  const hexes = readFileSync(HEX, "utf8").trim().split("\n").map((l) => parseHexLogLine(l)!.hex);
  const text = new TextEncoder().encode(hexes.join(""));
  const lens = hexes.map((h) => h.length);
  const bytes = new Uint8Array(14);
  const m = new ModeSMessage();
  let check = 0;
  const run = (loops: number): number => {
    let count = 0;
    for (let i = 0; i < loops; i++) {
      for (let k = 0, p = 0; k < lens.length; k++) {
        const n = hexBytesInto(text, p, lens[k], bytes, 0);
        p += lens[k];
        decodeModeS(m, bytes, 0, n, false);
        check = (check + (m.crcOk ? 1 : 0) + m.tc) | 0;
        count++;
      }
    }
    return count;
  };
  run(50);
  check = 0;
  const loops = Math.ceil(TARGET / hexes.length);
  const t0 = performance.now();
  const count = run(loops);
  report("pyModeS hex sample (hex + decode)", count, (performance.now() - t0) / 1000, check);
}

function bytesBench(): void {
  // The same messages already as bytes: decoding alone (CRC + DF + ADS-B fields).
  const hexes = readFileSync(HEX, "utf8").trim().split("\n").map((l) => parseHexLogLine(l)!.hex);
  const all = new Uint8Array(hexes.length * 14);
  hexes.forEach((h, i) => hexInto(h, 0, h.length, all, i * 14));
  const m = new ModeSMessage();
  let check = 0;
  const run = (loops: number): number => {
    let count = 0;
    for (let i = 0; i < loops; i++) {
      for (let k = 0; k < hexes.length; k++) {
        decodeModeS(m, all, k * 14, 14, false);
        check = (check + m.tc) | 0;
        count++;
      }
    }
    return count;
  };
  run(50);
  check = 0;
  const t0 = performance.now();
  const count = run(Math.ceil(TARGET / hexes.length));
  report("pyModeS sample as bytes (decode)", count, (performance.now() - t0) / 1000, check);
}

if (!existsSync(BEAST) || !existsSync(HEX)) {
  console.log(`bench:modes skipped: ${data} not found (the shared data folder is absent)`);
} else {
  console.log("Mode S decoding, one core (CRC-24 + DF fields + ADS-B ME fields per message):");
  beastBench();
  hexBench();
  bytesBench();
}
