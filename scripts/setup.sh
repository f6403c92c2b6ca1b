#!/usr/bin/env bash
# Install what the project needs, when it is missing: Debian packages (QGIS 3.22 LTR,
# GRASS, Xvfb, scikit-image, scikit-learn, Qt translation tools) and the .venv.
# Idempotent: a second run does nothing but check.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="python3-qgis qgis-providers qgis-server qgis-plugin-grass xvfb python3-skimage \
python3-sklearn python3-venv python3-networkx pyqt5-dev-tools qttools5-dev-tools zip mapserver-bin \
python3-dask python3-distributed"

missing=()
for package in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv from /usr/bin/python3 (with the system's PyQGIS)"
    /usr/bin/python3 -m venv --system-site-packages .venv
fi
if [ ! -f .venv/.installed ] || [ requirements-dev.txt -nt .venv/.installed ]; then
    echo "Installing the test tools into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
    touch .venv/.installed
fi
