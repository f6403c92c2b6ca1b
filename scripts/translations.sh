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
for area in "${!AREAS[@]}"; do
    # shellcheck disable=SC2086
    files=$(find ${AREAS[$area]} -name '*.py' 2>/dev/null | sort)
    [ -n "$files" ] || continue
    # shellcheck disable=SC2086
    PYTHONWARNINGS=ignore pylupdate5 -noobsolete $files -ts "i18n/${area}_fr.ts"
    # an area without user-visible strings gets no translation file
    grep -q "<message>" "i18n/${area}_fr.ts" || rm -f "i18n/${area}_fr.ts" "i18n/${area}_fr.qm"
done
for ts in i18n/*.ts; do
    lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
