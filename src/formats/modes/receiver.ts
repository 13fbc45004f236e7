/**
 * A receiver feed end to end: framing (Beast, AVR or SBS-1) → Mode S decoding → aircraft
 * state → `SensorReport`s, with every dropped frame counted. Used by the file and TCP sources.
 *
 * Time of a message: the receiver's 12 MHz MLAT counter is anchored to the UTC time of the
 * first timestamped frame (the arrival time for a live feed, the reference time for a file)
 * and counts from there; a counter that runs backwards by more than a second or (live)
 * drifts more than 10 s from arrival time is re-anchored. Frames without a counter take the
 * arrival (or reference) time.
 */
import type { SensorReport } from "../../types/index.js";
import { AircraftStore, type AircraftStoreOptions, type AircraftStoreStats } from "./aircraft_state.js";
import { AvrFramer } from "./avr.js";
import { BEAST_SIGNAL_DBFS, BeastFramer, type FramerStats } from "./beast.js";
import { decodeModeS } from "./downlink.js";
import { ModeSMessage } from "./message.js";
import { LineSplitter, SbsDecoder, type SbsStats } from "./sbs.js";

/** Feed formats of ADS-B receivers (dump1090/readsb ports 30005, 30002, 30003). */
export type ModeSFeedFormat = "beast" | "avr" | "sbs";

/** Options of a {@link ModeSReceiver}. */
export interface ModeSReceiverOptions extends Partial<AircraftStoreOptions> {
  format: ModeSFeedFormat;
  /** Correct single-bit errors of DF17/18 (default true). */
  fixErrors?: boolean;
  /** Live feed: anchor the MLAT clock to arrival times and watch its drift (default false). */
  live?: boolean;
  /** Called with every decoded message and its time (for raw logging and tests); the message object is reused. */
  onMessage?: (m: ModeSMessage, time: number) => void;
}

/** Counters of a receiver feed. */
export interface ModeSReceiverStats {
  format: ModeSFeedFormat;
  framing: FramerStats | SbsStats;
  /** Frames whose length did not match their downlink format. */
  badLength: number;
  /** DF17/18 messages repaired by one-bit error correction. */
  corrected: number;
  store: AircraftStoreStats;
  /** Reports emitted. */
  reports: number;
}

const TICKS = 12e6;

/** Framing + decoding + aircraft state (see module doc). */
export class ModeSReceiver {
  readonly store: AircraftStore;
  private readonly format: ModeSFeedFormat;
  private readonly fix: boolean;
  private readonly live: boolean;
  private readonly onMessage: ModeSReceiverOptions["onMessage"];
  private beast = new BeastFramer();
  private avr = new AvrFramer();
  private readonly lines = new LineSplitter();
  private readonly sbs: SbsDecoder;
  private readonly msg = new ModeSMessage();
  private anchorTime = NaN;
  private anchorTicks = 0;
  private lastTime = NaN;
  private arrival = 0;
  private out: SensorReport[] = [];
  private badLength = 0;
  private corrected = 0;
  private reports = 0;
  private lastExpiry = -Infinity;
  private readonly sink = (buf: Uint8Array, off: number, len: number, mlat: number, signal: number): void => {
    const m = this.msg;
    if (!decodeModeS(m, buf, off, len, this.fix)) {
      this.badLength++;
      return;
    }
    if (m.correctedBit >= 0) this.corrected++;
    const time = this.timeOf(mlat);
    this.onMessage?.(m, time);
    const r = this.store.ingest(m, time, BEAST_SIGNAL_DBFS[signal]);
    if (r) {
      this.reports++;
      this.out.push(r);
    }
  };

  constructor(options: ModeSReceiverOptions) {
    this.format = options.format;
    this.fix = options.fixErrors ?? true;
    this.live = options.live ?? false;
    this.onMessage = options.onMessage;
    this.store = new AircraftStore(options);
    this.sbs = new SbsDecoder({ sensorId: this.store.options.sensorId });
  }

  private timeOf(mlat: number): number {
    if (mlat === 0) return this.arrival;
    let t = this.anchorTime + (mlat - this.anchorTicks) / TICKS;
    const stale = !Number.isFinite(t) || t < this.lastTime - 1 || (this.live && Math.abs(t - this.arrival) > 10);
    if (stale) {
      this.anchorTime = Number.isFinite(this.lastTime) && !this.live ? this.lastTime : this.arrival;
      this.anchorTicks = mlat;
      t = this.anchorTime;
    }
    this.lastTime = t;
    return t;
  }

  /**
   * Feeds a chunk of the feed that arrived at `arrivalTime` (UTC s; for a file, its reference
   * time) and appends the reports it completes to `out`. Never throws on bad input.
   */
  push(chunk: Uint8Array, arrivalTime: number, out: SensorReport[]): void {
    this.arrival = arrivalTime;
    if (arrivalTime - this.lastExpiry > 60) {
      // Aircraft silent for 5 minutes are forgotten (a long-running feed must not grow without bound).
      if (Number.isFinite(this.lastExpiry)) this.store.expire(arrivalTime, 300);
      this.lastExpiry = arrivalTime;
    }
    this.out = out;
    if (this.format === "beast") this.beast.push(chunk, this.sink);
    else if (this.format === "avr") this.avr.push(chunk, this.sink);
    else this.lines.push(chunk, (l) => this.sbsLine(l, out));
  }

  private sbsLine(line: string, out: SensorReport[]): void {
    const r = this.sbs.line(line);
    if (r) {
      this.reports++;
      out.push(r);
    }
  }

  /** End of the stream (a file's end, or a dropped connection): counts a partial frame, flushes a last line, and resets the framing for a new stream. */
  end(out: SensorReport[]): void {
    this.out = out;
    if (this.format === "beast") this.beast.end();
    else if (this.format === "avr") this.avr.end(this.sink);
    else this.lines.end((l) => this.sbsLine(l, out));
  }

  /** Counters. */
  stats(): ModeSReceiverStats {
    const framing = this.format === "beast" ? this.beast.stats : this.format === "avr" ? this.avr.stats : this.sbs.stats;
    return {
      format: this.format, framing: { ...framing }, badLength: this.badLength, corrected: this.corrected,
      store: { ...this.store.stats }, reports: this.reports,
    };
  }
}
