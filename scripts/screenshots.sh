#!/usr/bin/env bash
# Screenshots of QGIS desktop with the plugin, under Xvfb, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=$(mktemp -d)
mkdir -p "$profiles/profiles/default/python/plugins" docs/screenshots
ln -s "$PWD" "$profiles/profiles/default/python/plugins/dataterra"
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/enable_plugin.py --profile "$profiles/profiles/default" --enable
DATATERRA_SCREENSHOTS="$PWD/docs/screenshots" DATATERRA_SAMPLE="$PWD/sample_data/clermontais" \
    timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" \
    qgis --nologo --noversioncheck --profiles-path "$profiles" \
    --code scripts/qgis_screenshot.py || true
ls -la docs/screenshots
