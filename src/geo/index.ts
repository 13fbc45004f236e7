/** Public face of the geo module: WGS-84, ENU frames and radar geometry. */
export * from "./types.js";
export * from "./wgs84.js";
export * from "./radar.js";
