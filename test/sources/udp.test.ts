/** Live ASTERIX over UDP on loopback: unicast, multicast (where the host allows it), bounded queue. */
import { describe, expect, it } from "vitest";
import { AsterixDecoderStream, encodeCat048Block } from "../../src/formats/asterix/index.js";
import { createUdpSender, packDatagrams } from "../../src/share/index.js";
import { listenUdp } from "../../src/sources/index.js";
import type { PlotReport, SensorReport } from "../../src/types/index.js";

function block(i: number): Uint8Array {
  const p: PlotReport = { kind: "plot", sensorId: "7/9", time: 36000 + i, range: ((1000 + i) * 1852) / 256, azimuth: 0.01 * i, detection: "psr" };
  return encodeCat048Block([p]);
}

async function collect(items: AsyncIterable<unknown>, n: number, decoder: AsterixDecoderStream): Promise<{ reports: SensorReport[]; issues: number }> {
  const reports: SensorReport[] = [];
  let issues = 0;
  for await (const x of items as AsyncIterable<{ kind: string }>) {
    if (x.kind === "issue") issues++;
    else reports.push(...decoder.decode(x as never).reports);
    if (reports.length >= n) break;
  }
  return { reports, issues };
}

describe("UDP", () => {
  it("packs blocks into datagrams up to the limit and refuses oversized ones", () => {
    const b = [new Uint8Array(600), new Uint8Array(600), new Uint8Array(600), new Uint8Array(2000)];
    const { datagrams, tooLarge } = packDatagrams(b, 1472);
    expect(datagrams.map((d) => d.length)).toEqual([1200, 600]);
    expect(tooLarge).toBe(1);
  });

  it("receives, frames and decodes blocks sent on loopback; a junk datagram is an issue, not a crash", async () => {
    const listener = await listenUdp({ port: 0, host: "127.0.0.1" });
    const sender = await createUdpSender({ host: "127.0.0.1", port: listener.address().port });
    const decoder = new AsterixDecoderStream({ referenceTime: Date.now() / 1000 });
    const got = collect(listener.items, 20, decoder);
    await sender.send([new Uint8Array([0xff, 0x00, 0x01, 0x02])]);
    for (let i = 0; i < 20; i += 5) await sender.send([0, 1, 2, 3, 4].map((k) => block(i + k)));
    const { reports, issues } = await got;
    expect(reports.length).toBe(20);
    // In order, every one (ranges are whole LSBs of I048/040: 1/256 NM).
    reports.forEach((r, i) => expect((r as PlotReport).range).toBeCloseTo(((1000 + i) * 1852) / 256, 6));
    expect(issues).toBe(1);
    expect(listener.stats.datagrams).toBe(5);
    expect(sender.stats.blocks).toBe(21);
    await sender.close();
    await listener.close();
  });

  it("drops and counts datagrams beyond the queue bound when the consumer falls behind", async () => {
    const drops: string[] = [];
    const listener = await listenUdp({ port: 0, host: "127.0.0.1", maxQueuedDatagrams: 5, onDrop: (m) => drops.push(m) });
    const sender = await createUdpSender({ host: "127.0.0.1", port: listener.address().port });
    for (let i = 0; i < 30; i++) await sender.send([block(i)]);
    await new Promise((r) => setTimeout(r, 200));
    expect(listener.stats.datagrams).toBe(30);
    expect(listener.stats.dropped).toBe(25);
    expect(listener.stats.queued).toBe(5);
    expect(drops.length).toBeGreaterThan(0);
    await sender.close();
    await listener.close();
  });

  it("receives a multicast group on the loopback interface", async (ctx) => {
    const group = "239.255.42.99";
    let listener;
    try {
      listener = await listenUdp({ port: 0, multicastGroup: group, multicastInterface: "127.0.0.1" });
    } catch (e) {
      ctx.skip(`multicast membership not available on this host: ${(e as Error).message}`);
      return;
    }
    const sender = await createUdpSender({ host: group, port: listener.address().port, multicastInterface: "127.0.0.1" });
    const decoder = new AsterixDecoderStream({ referenceTime: Date.now() / 1000 });
    const got = collect(listener.items, 3, decoder);
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 3000));
    await sender.send([block(1), block(2), block(3)]);
    const res = await Promise.race([got, timer]);
    await sender.close();
    await listener.close();
    if (res === "timeout") {
      ctx.skip("multicast datagrams are not looped back on this host");
      return;
    }
    expect(res.reports.length).toBe(3);
  });
});
