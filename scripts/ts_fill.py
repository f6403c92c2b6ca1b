"""Fill the unfinished translations of a .ts file from a JSON {source: translation} file.

    python3 scripts/ts_fill.py i18n/plugin_fr.ts my_translations.json

Only messages still marked unfinished are filled; run scripts/translations.sh afterwards
to compile the .qm.
"""
import html
import json
import re
import sys
from xml.sax.saxutils import escape

# a source never spans past its own </source>
UNFINISHED = re.compile(
    r'<source>((?:(?!</source>).)*)</source>(\s*)<translation type="unfinished"></translation>', re.S)


def fill(ts_text, translations):
    def replace(match):
        source = html.unescape(match.group(1))
        if source not in translations:
            return match.group(0)
        text = escape(translations[source], {"'": "&apos;", '"': "&quot;"})
        return f"<source>{match.group(1)}</source>{match.group(2)}<translation>{text}</translation>"

    return UNFINISHED.sub(replace, ts_text)


def main():
    ts_path, json_path = sys.argv[1:3]
    with open(json_path, encoding="utf-8") as handle:
        translations = json.load(handle)
    with open(ts_path, encoding="utf-8") as handle:
        text = fill(handle.read(), translations)
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write(text)
    left = [html.unescape(m.group(1)) for m in UNFINISHED.finditer(text)]
    for source in left:
        print(f"still untranslated: {source}", file=sys.stderr)


if __name__ == "__main__":
    main()
