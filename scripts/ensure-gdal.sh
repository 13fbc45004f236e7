#!/usr/bin/env bash
# Makes sure Debian's gdal-bin (gdal_viewshed, gdalwarp) is installed, for the Skywatch
# coverage comparison test and benchmark. Installs it with apt-get when gdal_viewshed is
# missing and running as root; otherwise explains and fails.
set -euo pipefail

if command -v gdal_viewshed >/dev/null 2>&1 && command -v gdalwarp >/dev/null 2>&1; then
  echo "ensure-gdal: gdal_viewshed present ($(gdalinfo --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-gdal: gdal_viewshed is missing and this is not root; install it with: sudo apt-get install gdal-bin" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-gdal: gdal_viewshed is missing and apt-get is not available (not Debian/Ubuntu?); install GDAL by hand" >&2
  exit 1
fi

echo "ensure-gdal: gdal_viewshed missing; running apt-get update"
if ! apt-get update; then
  echo "ensure-gdal: apt-get update failed (no access to the Debian mirror?)" >&2
  exit 1
fi

echo "ensure-gdal: installing gdal-bin with apt-get"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gdal-bin; then
  echo "ensure-gdal: apt-get install gdal-bin failed" >&2
  exit 1
fi

if ! command -v gdal_viewshed >/dev/null 2>&1; then
  echo "ensure-gdal: apt-get finished but gdal_viewshed is still missing" >&2
  exit 1
fi
echo "ensure-gdal: installed $(gdalinfo --version 2>/dev/null || echo gdal-bin)"
