#!/usr/bin/env bash
# Screenshots of QGIS desktop with the plugin, under Xvfb, into docs/screenshots/: each one in
# English (<name>.png) and in French (<name>.fr.png), QGIS's user interface locale set in the profile.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
for lang in ${DATATERRA_SHOT_LANGS:-en fr}; do
    profiles=$(mktemp -d)
    mkdir -p "$profiles/profiles/default/python/plugins"
    ln -s "$PWD" "$profiles/profiles/default/python/plugins/dataterra"
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/enable_plugin.py --profile "$profiles/profiles/default" \
        --enable --locale "$lang"
    suffix=$([ "$lang" = en ] && echo "" || echo ".$lang")
    DATATERRA_SCREENSHOTS="$PWD/docs/screenshots" DATATERRA_SAMPLE="$PWD/sample_data/clermontais" \
        DATATERRA_SHOT_SUFFIX="$suffix" \
        timeout 900 xvfb-run -a -s "-screen 0 1600x1000x24" \
        qgis --nologo --noversioncheck --profiles-path "$profiles" \
        --code scripts/qgis_screenshot.py || true
    rm -rf "$profiles"
done
# screenshots over 400 KB (maps): 256 colours, median cut, no dithering (text stays sharp)
.venv/bin/python - docs/screenshots/*.png <<'PY'
import os
import sys

from PIL import Image

for path in sys.argv[1:]:
    if os.path.getsize(path) > 400_000:
        Image.open(path).convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                                 dither=Image.Dither.NONE).save(path, optimize=True)
PY
ls -la docs/screenshots
