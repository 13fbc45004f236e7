import { it } from "vitest";
import { BiasEstimator } from "../../src/tracking/bias.js";
it("probe", () => {
  const est = new BiasEstimator();
  let seed = 1; const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 20000; i++) { const rr = -250 + 500 * r(), ra = -0.01 + 0.02 * r();
    est.add({ sensorId: "s", time: i * 0.1, rangeResidual: 100 - rr * 0.05 + 50 * (r() - 0.5), azimuthResidual: 0.001 - ra * 0.05 + 0.002 * (r() - 0.5), rangeRate: rr, azimuthRate: ra, rangeSigma: 50, azimuthSigma: 0.002 }); }
  const t0 = performance.now(); for (let k = 0; k < 10; k++) { est.add({ sensorId: "s", time: 2000 + k, rangeResidual: 100, azimuthResidual: 0.001, rangeRate: 0, azimuthRate: 0, rangeSigma: 50, azimuthSigma: 0.002 }); est.estimate("s"); }
  console.log("ms per estimate at 20k samples", (performance.now() - t0) / 10);
});
