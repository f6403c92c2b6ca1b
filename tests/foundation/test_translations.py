"""i18n/ holds a complete French translation, compiled and up to date (issue 4, item 7)."""
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
TS_FILES = sorted(I18N.glob("*_fr.ts"))


def messages(ts_path):
    """{(context, source): translation or None if unfinished/empty}."""
    result = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        context_name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
            text = translation.text if finished else None
            result[(context_name, message.findtext("source"))] = text or None
    return result


def test_there_is_a_french_translation_for_the_plugin():
    assert (I18N / "plugin_fr.ts") in TS_FILES


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_is_translated(ts):
    missing = [f"{ctx}: {src!r}" for (ctx, src), text in messages(ts).items() if not text]
    assert not missing, "untranslated in " + ts.name + ":\n" + "\n".join(missing)


def test_ts_files_cover_every_string_in_the_sources(tmp_path):
    """pylupdate5 on a copy finds no string that the committed .ts files lack."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "build", "dist", ".git", "sample_data", "tests"))
    subprocess.run(["bash", "scripts/translations.sh"], cwd=copy, check=True, capture_output=True)
    for fresh in sorted((copy / "i18n").glob("*_fr.ts")):
        committed = I18N / fresh.name
        assert committed.exists(), f"i18n/{fresh.name} is missing: run make translations"
        new = set(messages(fresh)) - set(messages(committed))
        assert not new, f"strings not in i18n/{fresh.name} (run make translations):\n" + "\n".join(map(str, new))
        # `make zip` runs the same script: it must leave every tracked file as committed
        # (no source line numbers that change whenever code moves, issue 16)
        assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
            f"i18n/{fresh.name} differs from what make translations writes: run make translations"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_up_to_date(ts, tmp_path):
    fresh = tmp_path / (ts.stem + ".qm")
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(fresh)], check=True)
    committed = ts.with_suffix(".qm")
    assert committed.exists() and committed.read_bytes() == fresh.read_bytes(), \
        f"{committed.name} is stale: run make translations"


@pytest.mark.parametrize("ts_path", TS_FILES, ids=lambda p: p.name)
def test_no_string_is_translated_under_the_default_context(ts_path):
    """pylupdate5 files a module-level tr("…") (or a tr passed as an argument) under @default,
    while the code looks it up under a class's name at run time: such strings stay English
    (issue 16: the "My catalogues" dialog was all English in French)."""
    assert [source for context, source in messages(ts_path) if context == "@default"] == []
