#!/bin/sh
# Install the Debian packages Qt needs (offscreen and xcb), plus the tools the tests use to read
# PDFs. Only on Debian/Ubuntu, only as root, and only when something is missing.
set -eu
command -v apt-get >/dev/null 2>&1 || exit 0
[ "$(id -u)" = "0" ] || exit 0
PKGS="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core \
xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 poppler-utils"
# CI also installs LibreOffice Calc, the real spreadsheet application the workbook and questionnaire
# tests use as an oracle (they are skipped where it is missing, e.g. for `make run`).
if [ "${PLANNER_TEST_ORACLES:-}" = "1" ]; then PKGS="$PKGS libreoffice-calc-nogui"; fi
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
