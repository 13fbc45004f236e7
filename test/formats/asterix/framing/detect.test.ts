/** detectFraming on buffers built here. */
import { describe, expect, it } from "vitest";
import { detectFraming, FramingError, GPS_HEADER } from "../../../../src/formats/asterix/framing/index.js";
import {
  block, cat, ethernet, finalRecord, gpsRecord, ipv4Udp, ngEpb, ngIdb, ngShb, pcapFile, rplyRecord,
} from "./builders.js";

const blocks = Array.from({ length: 12 }, (_, i) => block(i % 4 === 0 ? 34 : 48, 15 + i * 3));

describe("detectFraming", () => {
  it("knows pcap by its magic number, in both byte orders and both resolutions", () => {
    const pkt = [{ data: ethernet(0x0800, ipv4Udp(blocks[0])), sec: 1, frac: 0 }];
    for (const bigEndian of [false, true]) for (const nano of [false, true]) {
      expect(detectFraming(pcapFile(pkt, { bigEndian, nano }))).toBe("pcap");
    }
  });

  it("knows pcapng by its section header", () => {
    expect(detectFraming(cat(ngShb(), ngIdb(1), ngEpb(0, 1n, ethernet(0x0800, ipv4Udp(blocks[0])))))).toBe("pcapng");
  });

  it("tells raw, gps, rply and final apart by structure", () => {
    expect(detectFraming(cat(...blocks))).toBe("raw");
    expect(detectFraming(cat(new Uint8Array(GPS_HEADER).fill(0x20), ...blocks.map((b, i) => gpsRecord(b, i))))).toBe("gps");
    expect(detectFraming(cat(...blocks.map((b, i) => rplyRecord(b, i * 10))))).toBe("rply");
    expect(detectFraming(cat(...blocks.map((b, i) => finalRecord([b], i))))).toBe("final");
  });

  it("accepts short files and files whose last block is cut", () => {
    expect(detectFraming(blocks[0])).toBe("raw");
    expect(detectFraming(cat(blocks[0], blocks[1]).subarray(0, blocks[0].length + 5))).toBe("raw");
    expect(detectFraming(rplyRecord(blocks[2], 0))).toBe("rply");
  });

  it("uses the file name only as a hint among framings that fit", () => {
    const raw = cat(...blocks);
    expect(detectFraming(raw, "capture.pcap")).toBe("raw");
    expect(detectFraming(raw, "x.gps")).toBe("raw");
  });

  it("throws FramingError, naming the file, when nothing fits", () => {
    for (const b of [new Uint8Array(0), new Uint8Array(5000), Uint8Array.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3])]) {
      expect(() => detectFraming(b, "mystery.dat")).toThrow(FramingError);
    }
    try {
      detectFraming(new Uint8Array(100), "mystery.dat");
    } catch (err) {
      expect(err).toBeInstanceOf(FramingError);
      expect((err as FramingError).message).toMatch(/mystery\.dat/);
      expect((err as FramingError).fileName).toBe("mystery.dat");
    }
  });
});
