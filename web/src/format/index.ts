/** Public face of the display formats (units and clocks). */
export * from "./units";
