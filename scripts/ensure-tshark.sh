#!/usr/bin/env bash
# Makes sure Debian's tshark is installed, for the ASTERIX benchmark's comparison run.
# Installs it with apt-get when missing and running as root; otherwise explains and fails.
set -euo pipefail
if command -v tshark >/dev/null 2>&1; then
  echo "ensure-tshark: $(tshark --version 2>/dev/null | head -1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-tshark: tshark is missing; install it with: sudo apt-get install tshark" >&2
  exit 1
fi
echo "ensure-tshark: installing tshark with apt-get"
export DEBIAN_FRONTEND=noninteractive
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends tshark >/dev/null
echo "ensure-tshark: $(tshark --version | head -1)"
