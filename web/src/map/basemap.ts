/**
 * The offline basemap: sea, land, country borders and coastline from Natural Earth 1:50m
 * (the `world-atlas` package's TopoJSON, bundled by Vite), plus a faint 1° graticule.
 * No tiles, no glyphs, no sprites: nothing is fetched from the network, so the style has
 * no text layers (labels are DOM elements).
 */
import type { StyleSpecification } from "maplibre-gl";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";

/** Colours of the dark operator theme. */
export const BASEMAP_COLOURS = {
  sea: "#0b1622",
  land: "#18232d",
  border: "#3f5567",
  coast: "#5b7a90",
  graticule: "#1d2d3b",
} as const;

type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/** Land polygons, coastline and border lines as GeoJSON, built once from the TopoJSON. */
export interface BasemapData {
  land: GeoJSON.FeatureCollection | GeoJSON.Feature;
  coastline: GeoJSON.MultiLineString;
  borders: GeoJSON.MultiLineString;
  graticule: GeoJSON.FeatureCollection<GeoJSON.LineString>;
}

/** A 1° graticule between ±80° latitude (meridians and parallels). */
export function graticule(stepDeg = 1): GeoJSON.FeatureCollection<GeoJSON.LineString> {
  const features: GeoJSON.Feature<GeoJSON.LineString>[] = [];
  for (let lon = -180; lon < 180; lon += stepDeg) {
    features.push({ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[lon, -80], [lon, 0], [lon, 80]] } });
  }
  for (let lat = -80; lat <= 80; lat += stepDeg) {
    const coordinates: [number, number][] = [];
    for (let lon = -180; lon <= 180; lon += 10) coordinates.push([lon, lat]);
    features.push({ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates } });
  }
  return { type: "FeatureCollection", features };
}

/**
 * Makes a line or ring continuous across the antimeridian: where consecutive longitudes jump
 * by more than 180°, later points are shifted by ±360° (MapLibre draws longitudes beyond ±180
 * on the neighbouring world copy). Without this, such segments cross the whole map.
 */
export function unwrapLongitudes(coords: GeoJSON.Position[]): GeoJSON.Position[] {
  let shift = 0;
  let previous: number | undefined;
  return coords.map(([lon, lat]) => {
    if (previous !== undefined) {
      const d = lon + shift - previous;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    previous = lon + shift;
    return [lon + shift, lat];
  });
}

function unwrapMultiLine(m: GeoJSON.MultiLineString): GeoJSON.MultiLineString {
  return { type: "MultiLineString", coordinates: m.coordinates.map(unwrapLongitudes) };
}

function unwrapPolygons(g: GeoJSON.Geometry): GeoJSON.Geometry {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map(unwrapLongitudes) };
  if (g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map(unwrapLongitudes)) };
  return g;
}

/** Converts the bundled Natural Earth TopoJSON to GeoJSON layers. */
export function basemapData(): BasemapData {
  const topo = countries50m as unknown as WorldTopology;
  const land = feature(topo, topo.objects.land) as GeoJSON.FeatureCollection | GeoJSON.Feature;
  const landUnwrapped: GeoJSON.FeatureCollection | GeoJSON.Feature =
    land.type === "FeatureCollection"
      ? { ...land, features: land.features.map((f) => ({ ...f, geometry: unwrapPolygons(f.geometry) })) }
      : { ...land, geometry: unwrapPolygons(land.geometry) };
  return {
    land: landUnwrapped,
    coastline: unwrapMultiLine(mesh(topo, topo.objects.land)),
    // Arcs shared by two different countries are land borders.
    borders: unwrapMultiLine(mesh(topo, topo.objects.countries, (a, b) => a !== b)),
    graticule: graticule(1),
  };
}

/** The MapLibre style of the basemap (layers below every track layer). */
export function basemapStyle(data: BasemapData = basemapData()): StyleSpecification {
  return {
    version: 8,
    name: "Skywatch offline",
    sources: {
      land: { type: "geojson", data: data.land, attribution: "Natural Earth" },
      coastline: { type: "geojson", data: { type: "Feature", properties: {}, geometry: data.coastline } },
      borders: { type: "geojson", data: { type: "Feature", properties: {}, geometry: data.borders } },
      graticule: { type: "geojson", data: data.graticule },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": BASEMAP_COLOURS.sea } },
      { id: "land", type: "fill", source: "land", paint: { "fill-color": BASEMAP_COLOURS.land, "fill-antialias": false } },
      {
        id: "graticule",
        type: "line",
        source: "graticule",
        minzoom: 4,
        paint: { "line-color": BASEMAP_COLOURS.graticule, "line-width": 1 },
      },
      {
        id: "borders",
        type: "line",
        source: "borders",
        paint: { "line-color": BASEMAP_COLOURS.border, "line-width": ["interpolate", ["linear"], ["zoom"], 3, 0.6, 8, 1.4], "line-dasharray": [4, 2] },
      },
      {
        id: "coastline",
        type: "line",
        source: "coastline",
        paint: { "line-color": BASEMAP_COLOURS.coast, "line-width": ["interpolate", ["linear"], ["zoom"], 3, 0.6, 8, 1.5] },
      },
    ],
  };
}
