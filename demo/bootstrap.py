"""Start QGIS + Processing headless with the Data Terra provider, for the demo and benchmarks."""
import os
import tempfile
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_PARENT = ROOT / "build" / "pkgroot"
SAMPLE_DIR = ROOT / "sample_data" / "clermontais"
SAMPLE = {
    "clc": SAMPLE_DIR / "CLC" / "CLC12_D034_RGF_clipped.gpkg",
    "roads": SAMPLE_DIR / "BDROUTE" / "bdroute_troncon_route_20121123_herault_clipped.gpkg",
    "epci": SAMPLE_DIR / "ZoneEtude" / "EPCIClermontais.gpkg",
    "communes": SAMPLE_DIR / "ZoneEtude" / "EPCIClermontaisCommunes.shp",
}

_app = None
_provider = None  # keep the Python object alive: the registry only holds the C++ side


def expose_package():
    """Make ``import dataterra`` work from the checkout (as QGIS does from its plugin folder)."""
    PACKAGE_PARENT.mkdir(parents=True, exist_ok=True)
    link = PACKAGE_PARENT / "dataterra"
    if not link.is_symlink():
        link.symlink_to(ROOT, target_is_directory=True)
    for path in (str(PACKAGE_PARENT), "/usr/share/qgis/python/plugins"):
        if path not in sys.path:
            sys.path.insert(0, path)


def start_qgis():
    """QgsApplication (offscreen) + Processing + the Data Terra provider; returns the app."""
    global _app, _provider
    if _app is not None:
        return _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # a private authentication database: the demo never reads or writes the user's own
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = tempfile.mkdtemp(prefix="dataterra-demo-auth-")
    expose_package()
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    _app = QgsApplication([], False)
    _app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from dataterra.dataterra_plugin.provider import DataTerraProvider

    _provider = DataTerraProvider()
    QgsApplication.processingRegistry().addProvider(_provider)
    if _provider.load_errors:
        raise RuntimeError(f"Data Terra algorithms failed to load: {_provider.load_errors}")
    return _app


expose_package()
