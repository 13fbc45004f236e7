/**
 * Encodes a scenario's report stream as ASTERIX data blocks: each plot batch becomes one CAT048
 * block, each service message one CAT034 block, in the same time order.
 */
import { encodeCat034Block, encodeCat048Block } from "../formats/asterix/index.js";
import type { PlotReport, ServiceReport } from "../types/index.js";
import type { CompiledScenario } from "./scenario.js";
import { scenarioReports, type RunOptions } from "./stream.js";

/** One encoded ASTERIX data block with the time the sensor sent it. */
export interface TimedBlock {
  /** UTC seconds at which the block is sent. */
  time: number;
  /** One ASTERIX data block (CAT048 plots or CAT034 service message). */
  data: Uint8Array;
}

/**
 * The scenario as a time-ordered stream of encoded ASTERIX blocks (CAT048 ed. 1.31, CAT034
 * ed. 1.29), lazily. Plot batches with no plots (only missed targets) produce no block.
 *
 * @throws ScenarioError on bad options; EncodeError (from the encoders) if a value cannot be
 *   represented, which the simulator's ranges never reach.
 */
export function* scenarioBlocks(scenario: CompiledScenario, options: RunOptions): Generator<TimedBlock> {
  for (const batch of scenarioReports(scenario, options)) {
    if (batch.reports.length === 0) continue;
    const plots = batch.reports.filter((r): r is PlotReport => r.kind === "plot");
    const services = batch.reports.filter((r): r is ServiceReport => r.kind === "service");
    if (plots.length > 0) yield { time: batch.time, data: encodeCat048Block(plots) };
    if (services.length > 0) yield { time: batch.time, data: encodeCat034Block(services) };
  }
}
