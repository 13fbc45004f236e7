/**
 * Encodes the simulator's report batches in the formats real sensors send, so simulated data
 * goes through the same decoders as recorded data: radar plot batches as ASTERIX CAT048 data
 * blocks, service messages as CAT034 blocks, ADS-B as Beast binary records (DF17 extended
 * squitters; a CAT021 encoder can replace it once the ASTERIX module has a CAT021 table).
 */
import { encodeCat034Block, encodeCat048Block } from "../formats/asterix/index.js";
import type { PlotReport, ServiceReport } from "../types/index.js";
import type { ReportBatch } from "./stream.js";

/** The bytes of one batch and the kind of file they belong in. */
export interface EncodedBatch {
  sensorId: string;
  /** "asterix": raw ASTERIX data blocks; "beast": Beast binary records. */
  format: "asterix" | "beast";
  bytes: Uint8Array;
}

/** Encodes a batch (undefined for a batch without reports or frames). @throws EncodeError from the ASTERIX encoders on unrepresentable values. */
export function encodeBatch(batch: ReportBatch): EncodedBatch | undefined {
  if (batch.beast !== undefined) return batch.beast.length === 0 ? undefined : { sensorId: batch.sensorId, format: "beast", bytes: batch.beast };
  const plots = batch.reports.filter((r): r is PlotReport => r.kind === "plot");
  const services = batch.reports.filter((r): r is ServiceReport => r.kind === "service");
  if (plots.length > 0) return { sensorId: batch.sensorId, format: "asterix", bytes: encodeCat048Block(plots) };
  if (services.length > 0) return { sensorId: batch.sensorId, format: "asterix", bytes: encodeCat034Block(services) };
  return undefined;
}
