#!/usr/bin/env bash
# Update each area's French .ts from its sources (pylupdate5), then compile every .ts
# to .qm (lrelease). Translations themselves are written in the .ts files.
# The pure cores are scanned too: their error messages are marked with QT_TRANSLATE_NOOP
# (rasterblocks/errors.py) and translated by the plugin when it shows them.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A AREAS=(
    [plugin]="dataterra_plugin/*.py dataterra_plugin/ui dataterra_plugin/net rasterblocks"
    [catalog]="dataterra_plugin/catalog"
    [ogc]="dataterra_plugin/ogc"
    [dinamis]="dataterra_plugin/dinamis"
    [fragscape]="fragscape"
    [biodispersal]="biodispersal"
    [biodivmap]="biodivmap"
    [foresthealth]="foresthealth"
)
labels=$(mktemp -d)
trap 'rm -rf "$labels"' EXIT
for area in "${!AREAS[@]}"; do
    # shellcheck disable=SC2086
    files=$(find ${AREAS[$area]} -name '*.py' 2>/dev/null | sort)
    # the labels of the data files (hub titles, DINAMIS products...) are translated too
    python3 scripts/data_labels.py "$area" > "$labels/${area}_data_labels.py"
    [ -s "$labels/${area}_data_labels.py" ] && files="$files $labels/${area}_data_labels.py"
    [ -n "$files" ] || continue
    # shellcheck disable=SC2086
    PYTHONWARNINGS=ignore pylupdate5 -noobsolete $files -ts "i18n/${area}_fr.ts"
    # pylupdate5 has no "-locations none": drop the source line numbers it writes, so that
    # editing code (or running `make zip`) does not rewrite every tracked .ts file
    sed -i '/^ *<location .*\/>$/d' "i18n/${area}_fr.ts"
    # an area without user-visible strings gets no translation file
    grep -q "<message>" "i18n/${area}_fr.ts" || rm -f "i18n/${area}_fr.ts" "i18n/${area}_fr.qm"
done
for ts in i18n/*.ts; do
    lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
