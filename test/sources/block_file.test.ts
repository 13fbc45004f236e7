/** readBlockFile: the file edge in front of the framing. */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newFramingStats } from "../../src/formats/asterix/framing/index.js";
import { readBlockFile, SourceError, type FramedBlock, type FramingIssue } from "../../src/sources/index.js";
import { block, cat, ethernet, ipv4Udp, pcapFile } from "../formats/asterix/framing/builders.js";

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "../shared/data/asterix");

async function collect(path: string, options = {}): Promise<{ blocks: FramedBlock[]; issues: FramingIssue[] }> {
  const blocks: FramedBlock[] = [];
  const issues: FramingIssue[] = [];
  for await (const item of readBlockFile(path, options)) { if (item.kind === "block") blocks.push(item); else issues.push(item); }
  return { blocks, issues };
}

let dir = "";
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "skywatch-sources-")); });
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe("readBlockFile", () => {
  it("detects the framing and yields blocks with file offsets", async () => {
    const raw = cat(block(48, 10), block(34, 4), block(48, 30));
    const p = join(dir, "a.ast");
    await writeFile(p, raw);
    const { blocks, issues } = await collect(p);
    expect(issues).toEqual([]);
    expect(blocks.map((b) => [b.data[0], b.offset])).toEqual([[48, 0], [34, 13], [48, 20]]);
  });

  it("reads captures and fills the stats it is given", async () => {
    const p = join(dir, "b.pcap");
    await writeFile(p, pcapFile([{ data: ethernet(0x0800, ipv4Udp(block(62, 40))), sec: 5, frac: 0 }, { data: ethernet(0x0806, new Uint8Array(28)), sec: 6, frac: 0 }]));
    const stats = newFramingStats();
    const { blocks } = await collect(p, { stats });
    expect(blocks.map((b) => [b.data[0], b.time])).toEqual([[62, 5]]);
    expect(stats).toMatchObject({ packets: 2, blocks: 1, skipped: { "not-ip": 1 } });
  });

  it("uses a forced framing", async () => {
    const p = join(dir, "c.ast");
    await writeFile(p, cat(block(48, 10), block(34, 4)));
    const { blocks, issues } = await collect(p, { framing: "pcap" });
    expect(blocks).toEqual([]);
    expect(issues[0].message).toMatch(/not a pcap file/);
  });

  it("throws SourceError naming a missing file", async () => {
    const p = join(dir, "nope.ast");
    await expect(collect(p)).rejects.toSatisfy((e: unknown) => e instanceof SourceError && e.reason === "not-found" && e.message.includes(p));
  });

  it("throws SourceError for a directory", async () => {
    await expect(collect(dir)).rejects.toSatisfy((e: unknown) => e instanceof SourceError && e.reason === "unreadable" && e.path === dir);
  });

  it("throws SourceError (unknown-framing) when nothing fits, and reads it when the framing is forced", async () => {
    const p = join(dir, "zeros.bin");
    await writeFile(p, new Uint8Array(64));
    await expect(collect(p)).rejects.toSatisfy((e: unknown) => e instanceof SourceError && e.reason === "unknown-framing" && e.message.includes(p));
    const { blocks, issues } = await collect(p, { framing: "raw" });
    expect(blocks).toEqual([]);
    expect(issues).toEqual([{ kind: "issue", offset: 0, length: 64, message: expect.stringContaining("category 0") }]);
  });
});

const REC = resolve(DATA, "cat048_cat034_akapetanovic_jahorina.rply");
describe.skipIf(!existsSync(REC))(existsSync(REC) ? "readBlockFile on a shared recording" : `skipped: ${REC} not found`, () => {
  it("reads the .rply recording (642 blocks)", async () => {
    const { blocks, issues } = await collect(REC);
    expect(issues).toEqual([]);
    expect(blocks).toHaveLength(642);
    expect(blocks.every((b) => b.delay !== undefined)).toBe(true);
  });
});
