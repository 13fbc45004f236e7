#!/usr/bin/env bash
# The Moldova example audit: 5 hypothetical radars, 6 layers, gaps inside Moldova, warning time
# for Chisinau against a 50 m/s target at 100 m AGL, and the next 3 sites. Terrain and borders
# are read from ../shared/data/geo (see its PROVENANCE.md). Run from the repository root after
# `npm run build`; writes examples/moldova/out/ (or $OUT). The README pictures are copies of
# four of its PNGs in examples/moldova/img/, and summary.md of its summary table.
set -euo pipefail
GEO="${GEO:-../shared/data/geo}"
node dist/src/cli/main.js coverage \
  --dem "$GEO/dem/region_dted0_30s_E024-033_N44-50.tif" \
  --sensors examples/moldova/sensors.yaml \
  --layers 50agl,100agl,150agl,300agl,500agl,1000agl \
  --sites examples/moldova/sites.yaml \
  --region "$GEO/vector/moldova_boundary_10m.geojson" \
  --borders "$GEO/vector/countries_10m_region.geojson" \
  --speed 50 --warning-layer 100agl \
  --next 3 --siting-layer 100agl --candidate-spacing 0.25 \
  --growth 1,2,3 --png-scale 1 --min-gap 1 \
  --out "${OUT:-examples/moldova/out}" "$@"
