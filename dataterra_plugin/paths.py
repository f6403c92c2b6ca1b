"""Where the plugin's files live (no qgis import)."""
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PLUGIN_ROOT / "resources"
ICONS = RESOURCES / "icons"
I18N = PLUGIN_ROOT / "i18n"


def icon_path(name: str) -> str:
    """Path of an icon in resources/icons, as a string for QIcon."""
    return str(ICONS / name)
