/**
 * Public face of the coverage module: terrain readers, line of sight, layers, gaps, warning
 * time, siting, the audit and its outputs.
 */
export * from "./errors.js";
export * from "./grid.js";
export * from "./hgt.js";
export * from "./dted.js";
export * from "./geotiff.js";
export * from "./bil.js";
export * from "./mosaic.js";
export * from "./line_of_sight.js";
export * from "./layers.js";
export * from "./region.js";
export * from "./gaps.js";
export * from "./warning_time.js";
export * from "./siting.js";
export * from "./audit.js";
export * from "./geotiff_writer.js";
export * from "./borders.js";
export * from "./png.js";
export * from "./outputs.js";
export * from "./sites_file.js";
