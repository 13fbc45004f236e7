/** Public face of the map feature: the offline basemap and map creation. */
export { basemapData, basemapStyle, graticule, unwrapLongitudes, BASEMAP_COLOURS } from "./basemap";
export type { BasemapData } from "./basemap";
export { createMap, fitPicture, paddedBounds } from "./map_view";
