"""Build the zip that QGIS's "Install from ZIP" accepts: plugin files and compiled
translations and the user documentation the help buttons open (no tests, benchmarks,
demo, sample data, caches)."""
import argparse
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDED = ["metadata.txt", "__init__.py", "LICENSE", "README.md",
            "dataterra_plugin", "fragscape", "biodispersal", "biodivmap", "rasterblocks", "resources", "docs"]
SKIPPED_PARTS = {"__pycache__", ".pytest_cache"}


def plugin_files():
    for entry in INCLUDED:
        path = ROOT / entry
        if path.is_file():
            yield path
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and not SKIPPED_PARTS & set(file.parts) and file.suffix != ".pyc":
                    yield file
    yield from sorted((ROOT / "i18n").glob("*.qm"))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True)
    output = Path(parser.parse_args().output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in plugin_files():
            archive.write(file, Path("dataterra") / file.relative_to(ROOT))
    print(output)


if __name__ == "__main__":
    main()
