"""Shared fixtures: the plugin imported as the package ``dataterra`` (as QGIS installs
it), QGIS + Processing started headless by pytest-qgis, the provider registered once,
sample data paths, and a runner for ``qgis_process.bin`` with the plugin enabled."""
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_PARENT = ROOT / "build" / "pkgroot"
SAMPLE = ROOT / "sample_data" / "clermontais"
TEST_DATA = ROOT / "tests" / "data"
SUPPORT = ROOT / "tests" / "support"  # helper modules the tests import (pytest's importlib mode)
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper fails


def _expose_plugin_package():
    """Make ``import dataterra`` work from the checkout, as QGIS does from its plugin folder."""
    PACKAGE_PARENT.mkdir(parents=True, exist_ok=True)
    link = PACKAGE_PARENT / "dataterra"
    if not link.is_symlink() or link.resolve() != ROOT:
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(ROOT, target_is_directory=True)
    if str(PACKAGE_PARENT) not in sys.path:
        sys.path.insert(0, str(PACKAGE_PARENT))
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    if str(SUPPORT) not in sys.path:
        sys.path.append(str(SUPPORT))


_expose_plugin_package()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write_geotiff(path, array, pixel=10.0, origin=(700000.0, 6300000.0), nodata=None, epsg=2154):
    """Write ``array`` as a one-band north-up GeoTIFF of its own data type; ``pixel`` is a
    size or a (width, height) pair in metres; returns the path as str."""
    import numpy as np
    from osgeo import gdal, gdal_array, osr

    array = np.asarray(array)
    width, height = pixel if isinstance(pixel, (tuple, list)) else (pixel, pixel)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1,
                                                   gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype))
    dataset.SetGeoTransform((origin[0], width, 0.0, origin[1], 0.0, -height))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    dataset = None
    return str(path)


@pytest.fixture(scope="session")
def geotiff():
    """:func:`write_geotiff`, for the areas' own raster fixtures."""
    return write_geotiff


@pytest.fixture(scope="session")
def sample_data():
    """Paths of the Clermontais sample landscape (see sample_data/clermontais/README.md)."""
    return {
        "clc": SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg",
        "roads": SAMPLE / "BDROUTE" / "bdroute_troncon_route_20121123_herault_clipped.gpkg",
        "epci": SAMPLE / "ZoneEtude" / "EPCIClermontais.gpkg",
        "communes": SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp",
    }


@pytest.fixture(scope="session")
def test_data():
    return TEST_DATA


AUTH_MASTER_PASSWORD = "dataterra-tests"


@pytest.fixture(scope="session")
def qgis_auth_manager(qgis_app):
    """QGIS's authentication manager, unlocked with the one master password every area's
    tests use (the tests' QGIS profile is temporary)."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), manager.disabledMessage()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(AUTH_MASTER_PASSWORD, True), (
            "The tests' QGIS profile (.qgis-settings, made by pytest-qgis) holds another master "
            "password: delete .qgis-settings (make test does) and run again.")
    return manager


_registered = []  # keeps the Python side of providers we add alive


@pytest.fixture
def french(qgis_app):
    """The plugin's French translators installed for the test, English again after it."""
    from dataterra.dataterra_plugin.i18n import install_translators

    assert install_translators("fr") > 0
    yield
    install_translators("en")


@pytest.fixture
def dataterra_provider(qgis_app, qgis_processing):
    """The Data Terra provider, registered in the Processing registry (headless).

    Re-registered whenever a test (plugin unload, lifecycle tests) removed it."""
    from qgis.core import QgsApplication

    from dataterra.dataterra_plugin.provider import DataTerraProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("dataterra")
    if provider is None:
        provider = DataTerraProvider()
        assert registry.addProvider(provider)
        assert not provider.load_errors, provider.load_errors
        _registered.append(provider)
    return provider


@pytest.fixture(scope="session")
def qgis_process_profile(tmp_path_factory):
    """A QGIS config folder whose default profile has the plugin installed and enabled."""
    config = tmp_path_factory.mktemp("qgis_config")
    profile = config / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "dataterra").symlink_to(ROOT, target_is_directory=True)
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "enable_plugin.py"), "--profile", str(profile), "--enable"],
        check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return config


@pytest.fixture(scope="session")
def run_qgis_process(qgis_process_profile):
    """Run ``qgis_process.bin run <algorithm> --json -- key=value ...``; return its JSON."""

    def run(algorithm, parameters, expect_success=True):
        args = [QGIS_PROCESS, "run", algorithm, "--json", "--"]
        for key, value in parameters.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args.extend(f"{key}={v}" for v in values)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(qgis_process_profile)}
        completed = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
        if expect_success:
            assert completed.returncode == 0, f"qgis_process failed:\n{completed.stdout}\n{completed.stderr}"
            start = completed.stdout.find("{")
            return json.loads(completed.stdout[start:])
        return completed

    return run


@pytest.fixture(scope="session", autouse=True)
def collect_qt_garbage_before_qgis_exits(qgis_app):
    """Delete leftover Qt objects while QGIS is alive: collected after exitQgis, they crash."""
    yield
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


_exit_status = {}


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    # QGIS has exited by now: a cyclic collection here (e.g. triggered by the summary's
    # late imports) would delete Qt wrappers whose C++ side is gone, and crash.
    gc.disable()
    _exit_status["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave with pytest's own exit status once the summary is printed.

    PyQGIS can crash while Python garbage-collects Qt objects after QgsApplication has
    exited; that says nothing about the tests, and must not turn a green run red (nor
    hide a red one: the status is pytest's)."""
    if "code" in _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["code"])
