"""Where the plugin's files live (no qgis import)."""
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PLUGIN_ROOT / "resources"
ICONS = RESOURCES / "icons"
I18N = PLUGIN_ROOT / "i18n"
DOCS = PLUGIN_ROOT / "docs"  # shipped in the zip: the help buttons open these pages


def doc_page(module_name: str) -> Path:
    """The bundled documentation page of the area a Python module belongs to: fragscape.*
    -> docs/fragscape.md, dataterra_plugin.catalog.* -> docs/catalog.md...; README.md when
    the area has no page."""
    parts = module_name.split(".")  # e.g. dataterra.fragscape.algorithms.x, dataterra.dataterra_plugin.ogc.y
    if "dataterra_plugin" in parts:
        parts = parts[parts.index("dataterra_plugin") + 1:]
    pages = [DOCS / f"{part}.md" for part in parts[:2]]
    return next((page for page in pages if page.exists()), PLUGIN_ROOT / "README.md")


def icon_path(name: str) -> str:
    """Path of an icon in resources/icons, as a string for QIcon."""
    return str(ICONS / name)
