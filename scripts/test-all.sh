#!/usr/bin/env bash
# Installs everything the test suite needs on Debian 12 (apt: LXC as the oracle, iproute2 for apply,
# Neovim for the editor tests; npm: the locked dependencies), then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(lxc lxc-templates python3-lxc iproute2)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing ${missing[*]} with apt-get"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
rm -f coverage/vitest-report.json
status=0
npm test || status=$?
node scripts/test-summary.mjs
exit $status
