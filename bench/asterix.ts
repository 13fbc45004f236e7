/**
 * `npm run bench:asterix`: ASTERIX decoding throughput on the Barcelona CAT048 recording and the
 * 53-minute CAT062 capture, against `tshark -T fields` on the same data in the same run (as a
 * ratio), plus the decoder fuzz run (100,000 random inputs).
 *
 * Skywatch figures are best-of-10 wall times on one core, framing included, for three paths: blocks →
 * SensorReports (the fast path, `decodeReports`), blocks → generic records (`decodeBlock`), and both
 * (`decode`); the ratios to tshark are given for the first two. tshark reads the CAT048
 * file through a pcap made here (one data block per UDP datagram), as it cannot read raw ASTERIX.
 * Skips with a message when ../shared is absent; installs tshark with scripts/ensure-tshark.sh.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { AsterixDecoderStream, CategoryRegistry, decodeBlock, DecodeError } from "../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../src/formats/asterix/framing/index.js";
import { bestOf } from "./best_of.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const data = resolve(root, "../shared/data/asterix");

/** A pcap (Ethernet/IPv4/UDP to port 8600) holding one datagram per data block. */
function wrapInPcap(blocks: Uint8Array[]): Uint8Array {
  const parts: Buffer[] = [];
  const gh = Buffer.alloc(24);
  gh.writeUInt32LE(0xa1b2c3d4, 0);
  gh.writeUInt16LE(2, 4);
  gh.writeUInt16LE(4, 6);
  gh.writeUInt32LE(65535, 16);
  gh.writeUInt32LE(1, 20);
  parts.push(gh);
  blocks.forEach((b, i) => {
    const udpLen = 8 + b.length;
    const ipLen = 20 + udpLen;
    const frame = Buffer.alloc(14 + ipLen);
    frame.writeUInt16BE(0x0800, 12);
    frame[14] = 0x45;
    frame.writeUInt16BE(ipLen, 16);
    frame[22] = 64;
    frame[23] = 17;
    frame.set([127, 0, 0, 1], 26);
    frame.set([127, 0, 0, 1], 30);
    frame.writeUInt16BE(40000, 34);
    frame.writeUInt16BE(8600, 36);
    frame.writeUInt16BE(udpLen, 38);
    frame.set(b, 42);
    const rh = Buffer.alloc(16);
    rh.writeUInt32LE(1_600_000_000 + Math.floor(i / 1000), 0);
    rh.writeUInt32LE((i % 1000) * 1000, 4);
    rh.writeUInt32LE(frame.length, 8);
    rh.writeUInt32LE(frame.length, 12);
    parts.push(rh, frame);
  });
  return Buffer.concat(parts);
}


interface Case {
  name: string;
  file: string;
  /** Port and fields for tshark. */
  port: number;
  fields: string[];
  wrap: boolean;
}

const CASES: Case[] = [
  {
    name: "CAT048 Barcelona (raw, 44,085 records)",
    file: "cat048_lebl_upc_230502_0800.ast",
    port: 8600,
    fields: ["asterix.048_010_SAC", "asterix.048_140_VALUE", "asterix.048_040_RHO", "asterix.048_040_THETA", "asterix.048_070_MODE3A", "asterix.048_090_FL", "asterix.048_220_VALUE", "asterix.048_240_VALUE"],
    wrap: true,
  },
  {
    name: "CAT062 53-minute capture (pcap, 50,640 records)",
    file: "cat062_jmatiasbro_fds260429.pcap",
    port: 50032,
    fields: ["asterix.062_010_SAC", "asterix.062_070_VALUE", "asterix.062_040_VALUE", "asterix.062_105_LAT", "asterix.062_105_LON", "asterix.062_185_VX", "asterix.062_185_VY", "asterix.062_136_VALUE"],
    wrap: false,
  },
];

/** Best-of-10 wall times (s) of the three Skywatch paths over one file, framing included. */
interface Timings {
  records: number;
  reports: number;
  bytes: number;
  /** Blocks → SensorReports (`decodeReports`: projections for CAT048/CAT062), what replay and tracking use. */
  toReports: number;
  /** Blocks → generic records (`decodeBlock`), what `skywatch decode` prints as JSON. */
  toRecords: number;
  /** Blocks → records and reports (`decode`), what `skywatch decode` runs. */
  both: number;
}

function skywatch(c: Case): Timings {
  const buf = new Uint8Array(readFileSync(join(data, c.file)));
  const framing = detectFraming(buf, c.file);
  const registry = new CategoryRegistry();
  let reports = 0;
  const toReports = bestOf(10, () => {
    const d = new AsterixDecoderStream({ referenceTime: 1_700_000_000 });
    let n = 0;
    for (const x of frameBlocks(buf, framing)) if (x.kind === "block") n += d.decodeReports(x).reports.length;
    reports = n;
    return d.stats.records;
  });
  const toRecords = bestOf(10, () => {
    let n = 0;
    for (const x of frameBlocks(buf, framing)) if (x.kind === "block") n += decodeBlock(registry, x.data, x.offset).records.length;
    return n;
  });
  const both = bestOf(5, () => {
    const d = new AsterixDecoderStream({ referenceTime: 1_700_000_000 });
    for (const x of frameBlocks(buf, framing)) if (x.kind === "block") d.decode(x);
    return d.stats.records;
  });
  if (toRecords.count !== toReports.count) throw new Error(`${c.file}: ${toRecords.count} records by one path, ${toReports.count} by the other`);
  return {
    records: toRecords.count, reports, bytes: buf.length, toReports: toReports.seconds, toRecords: toRecords.seconds, both: both.seconds,
  };
}

function tshark(c: Case, dir: string): number | undefined {
  let input = join(data, c.file);
  if (c.wrap) {
    const buf = new Uint8Array(readFileSync(input));
    const blocks: Uint8Array[] = [];
    for (const x of frameBlocks(buf, detectFraming(buf, c.file))) if (x.kind === "block") blocks.push(x.data);
    input = join(dir, `${c.file}.pcap`);
    writeFileSync(input, wrapInPcap(blocks));
  }
  const args = ["-n", "-r", input, "-d", `udp.port==${c.port},asterix`, "-T", "fields", ...c.fields.flatMap((f) => ["-e", f])];
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const r = spawnSync("tshark", args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
    if (r.status !== 0) {
      console.log(`  tshark failed: ${r.stderr?.toString().slice(0, 300)}`);
      return undefined;
    }
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

function fuzz(cases: number): void {
  const registry = new CategoryRegistry();
  const stream = new AsterixDecoderStream({ referenceTime: 1_700_000_000 });
  const t0 = performance.now();
  let errors = 0;
  let records = 0;
  fc.assert(
    fc.property(fc.constantFrom(1, 2, 10, 19, 20, 21, 23, 34, 48, 62, 63, 65), fc.uint8Array({ maxLength: 200 }), (cat, body) => {
      const block = new Uint8Array(body.length + 3);
      block[0] = cat;
      block[1] = block.length >> 8;
      block[2] = block.length & 0xff;
      block.set(body, 3);
      const r = decodeBlock(registry, block, 0);
      if (r.error && !(r.error instanceof DecodeError)) throw new Error("not a DecodeError");
      // The fast path to reports, on the same bytes: also records or a DecodeError, never another exception.
      const f = stream.decodeReports({ data: block, offset: 0 });
      if (f.error && !(f.error instanceof DecodeError)) throw new Error("not a DecodeError");
      if ((f.error === undefined) !== (r.error === undefined)) throw new Error("the two paths disagree on an error");
      if (r.error) errors++;
      records += r.records.length;
    }),
    { numRuns: cases },
  );
  console.log(`fuzz    ${cases} random blocks of 12 categories in ${((performance.now() - t0) / 1000).toFixed(1)} s, both paths: ` +
    `${records} records decoded, ${errors} DecodeErrors, no other exception`);
}

function main(): void {
  if (!existsSync(data)) {
    console.log(`bench:asterix skipped: ${data} not found (the shared data folder is absent)`);
    return;
  }
  const ensure = spawnSync("bash", [join(root, "scripts/ensure-tshark.sh")], { stdio: "inherit" });
  const haveTshark = ensure.status === 0;
  const dir = mkdtempSync(join(tmpdir(), "skywatch-bench-"));
  const rate = (n: number, seconds: number): string => `${Math.round(n / seconds).toLocaleString("en").padStart(9)} records/s`;
  const mbs = (bytes: number, seconds: number): string => `${(bytes / 1e6 / seconds).toFixed(1).padStart(5)} MB/s`;
  console.log("Skywatch: best of 10 runs in this process, one core, the file already in memory; framing included.");
  console.log("  blocks → reports: framing + decoding + SensorReports (AsterixDecoderStream.decodeReports, the replay/tracking path)");
  console.log("  blocks → records: framing + generic records with every item (decodeBlock, what `skywatch decode` prints)");
  console.log("  records + reports: both of the above per block (AsterixDecoderStream.decode)");
  console.log("tshark: best of 2 runs of the whole process (`tshark -T fields`, output to /dev/null).");
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores`);
  for (const c of CASES) {
    const s = skywatch(c);
    console.log(`${c.name}, ${(s.bytes / 1e6).toFixed(1)} MB, ${s.reports.toLocaleString("en")} reports`);
    console.log(`  skywatch blocks → reports   ${rate(s.records, s.toReports)}, ${mbs(s.bytes, s.toReports)}`);
    console.log(`  skywatch blocks → records   ${rate(s.records, s.toRecords)}, ${mbs(s.bytes, s.toRecords)}`);
    console.log(`  skywatch records + reports  ${rate(s.records, s.both)}, ${mbs(s.bytes, s.both)}`);
    if (!haveTshark) continue;
    const t = tshark(c, dir);
    if (t === undefined) continue;
    console.log(`  tshark -T fields            ${rate(s.records, t)}, ${mbs(s.bytes, t)} (${c.fields.length} fields, whole process)`);
    console.log(`  ratio                       ${(t / s.toReports).toFixed(1)}× tshark to reports, ${(t / s.toRecords).toFixed(1)}× to records`);
  }
  fuzz(100_000);
}

main();
