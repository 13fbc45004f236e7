/**
 * `npm run bench:coverage`: the coverage audit over the whole DTED0 mosaic
 * (../shared/data/geo/dem, 1081 × 721 posts, 24–33 E × 44–50 N): 5 sensors (the hypothetical
 * Moldova sites of examples/moldova, 250 km range) × 6 altitude layers, against gdal_viewshed
 * (Debian gdal-bin) for the same sensors on the same mosaic reprojected to a metric CRS
 * (Lambert azimuthal equal-area centred on Moldova, 700 m posts; reprojection not timed).
 *
 * Prints: the audit time cold (first run) and warm (median of repeats), per-sensor viewshed
 * times, gdal_viewshed wall time per sensor (process start, computation and GeoTIFF write, as a
 * user runs it) and the ratio, plus Skywatch on gdal's metric grid for a like-for-like sweep.
 * Skips with a message when ../shared or gdal is absent.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  coverageSensorOf, layerCoverage, lineOfSight, lowestCoveredAgl, parseLayers, readDem, type CoverageSensor,
} from "../src/coverage/index.js";
import { readSensorsFile } from "../src/sources/index.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const mosaic = resolve(root, "../shared/data/geo/dem/region_dted0_30s_E024-033_N44-50.tif");
const sensorsFile = resolve(root, "examples/moldova/sensors.yaml");
const LAYERS = parseLayers("50agl,100agl,150agl,300agl,500agl,1000agl");
const CRS = "+proj=laea +lat_0=47 +lon_0=28.5 +datum=WGS84 +units=m";
const CELL = 700;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!existsSync(mosaic)) {
    console.log(`bench:coverage skipped: ${mosaic} not found`);
    return;
  }
  const t0 = performance.now();
  const grid = await readDem(mosaic);
  console.log(`DEM ${grid.width}×${grid.height} posts (${(grid.width * grid.height / 1e6).toFixed(2)} M) read in ${ms(performance.now() - t0)}`);
  const sensors = (await readSensorsFile(sensorsFile)).map(coverageSensorOf);

  const audit = (): { los: number[]; layers: number; total: number } => {
    const start = performance.now();
    const los: number[] = [];
    const views = sensors.map((s) => {
      const t = performance.now();
      const v = lineOfSight(grid, s);
      los.push(performance.now() - t);
      return v;
    });
    const t = performance.now();
    layerCoverage(grid, views, LAYERS);
    lowestCoveredAgl(grid, views);
    const end = performance.now();
    return { los, layers: end - t, total: end - start };
  };
  const cold = audit();
  const runs = Array.from({ length: 7 }, audit);
  const warmTotal = median(runs.map((r) => r.total));
  const warmLayers = median(runs.map((r) => r.layers));
  const perSensor = sensors.map((_, k) => median(runs.map((r) => r.los[k])));
  console.log(`\nSkywatch audit, ${sensors.length} sensors × ${LAYERS.length} layers over the whole mosaic:`);
  console.log(`  cold (first run, JIT warming): ${ms(cold.total)}   warm (median of ${runs.length}): ${ms(warmTotal)}  [goal < 1000 ms]`);
  console.log(`  warm: viewsheds ${ms(perSensor.reduce((a, b) => a + b, 0))} (${perSensor.map(ms).join(", ")}), layers + lowest height ${ms(warmLayers)}`);

  const gdal = spawnSync("gdal_viewshed", ["--version"]);
  if (gdal.error !== undefined) {
    console.log("\ngdal_viewshed not installed (bash scripts/ensure-gdal.sh): comparison skipped");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "skywatch-bench-"));
  try {
    const dem = join(dir, "dem_laea.tif");
    const w = spawnSync("gdalwarp", ["-q", "-overwrite", "-t_srs", CRS, "-tr", `${CELL}`, `${CELL}`, "-r", "bilinear", "-ot", "Float32", mosaic, dem], { encoding: "utf8" });
    if (w.status !== 0) throw new Error(`gdalwarp failed: ${w.stderr}`);
    const pts = spawnSync("gdaltransform", ["-s_srs", "EPSG:4326", "-t_srs", CRS, "-output_xy"], {
      input: sensors.map((s) => `${s.lonDeg} ${s.latDeg}`).join("\n") + "\n", encoding: "utf8",
    });
    if (pts.status !== 0) throw new Error(`gdaltransform failed: ${pts.stderr}`);
    const xy = pts.stdout.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
    const metric = await readDem(dem);
    console.log(`\nSame sensors on the mosaic reprojected to LAEA (${metric.width}×${metric.height} posts of ${CELL} m):`);
    const gdalTimes: number[] = [];
    const oursMetric: number[] = [];
    sensors.forEach((s: CoverageSensor, k) => {
      const [x, y] = xy[k];
      const range = s.maxRange ?? 250_000;
      const times: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const t = performance.now();
        const r = spawnSync("gdal_viewshed", ["-q", "-om", "GROUND", "-cc", "0.75", "-oz", `${s.antennaAgl ?? 30}`, "-ox", `${x}`, "-oy", `${y}`, "-md", `${range}`, dem, join(dir, `vs${k}.tif`)], { encoding: "utf8" });
        times.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`gdal_viewshed failed: ${r.stderr}`);
      }
      gdalTimes.push(median(times));
      const mine: number[] = [];
      for (let rep = 0; rep < 5; rep++) {
        const t = performance.now();
        lineOfSight(metric, { ...s, gridPoint: { x, y } });
        mine.push(performance.now() - t);
      }
      oursMetric.push(median(mine));
      console.log(`  ${s.name.padEnd(26)} gdal_viewshed ${ms(gdalTimes[k]).padStart(9)}   Skywatch same grid ${ms(oursMetric[k]).padStart(8)}   Skywatch DTED grid ${ms(perSensor[k]).padStart(8)}`);
    });
    const g = gdalTimes.reduce((a, b) => a + b, 0);
    const m = oursMetric.reduce((a, b) => a + b, 0);
    const perSensorTotal = perSensor.reduce((a, b) => a + b, 0);
    console.log(`\n  gdal_viewshed, ${sensors.length} sensors (one layer-free GROUND raster each): ${ms(g)}`);
    console.log(`  Skywatch whole audit (${sensors.length} viewsheds + ${LAYERS.length} layers + lowest height): ${ms(warmTotal)}  → ${(g / warmTotal).toFixed(1)}× faster than gdal_viewshed`);
    console.log(`  per sensor: gdal_viewshed ${ms(g / sensors.length)}, Skywatch ${ms(perSensorTotal / sensors.length)} (DTED grid) / ${ms(m / sensors.length)} (same metric grid) → ${(g / perSensorTotal).toFixed(1)}× / ${(g / m).toFixed(1)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
