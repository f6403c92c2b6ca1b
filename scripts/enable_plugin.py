"""Enable or disable the dataterra plugin in a QGIS profile (desktop and qgis_process)."""
import argparse
from pathlib import Path

from qgis.PyQt.QtCore import QSettings


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", required=True, help="QGIS profile folder")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--enable", action="store_true")
    group.add_argument("--disable", action="store_true")
    parser.add_argument("--locale", help="QGIS user interface language (e.g. fr), set in the profile")
    args = parser.parse_args()
    ini = Path(args.profile) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.IniFormat)
    settings.setValue("PythonPlugins/dataterra", bool(args.enable))
    if args.locale:
        settings.setValue("locale/userLocale", args.locale)
        settings.setValue("locale/overrideFlag", True)
    settings.sync()


if __name__ == "__main__":
    main()
