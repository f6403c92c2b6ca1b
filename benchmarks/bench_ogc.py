"""Coverage download timings against GDAL's WCS driver, side by side on two loopback servers:
qgis_mapserver (WCS 1.0.0) and MapServer 8 as CGI (WCS 1.0.0, 1.1.1, 2.0.1).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ogc.py [size]"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "demo"))
import bootstrap  # noqa: E402

bootstrap.start_qgis()

import numpy as np  # noqa: E402
from osgeo import gdal  # noqa: E402

from dataterra.dataterra_plugin.ogc.core.coverage import download_coverage  # noqa: E402
from dataterra.demo.ogc_loopback import (  # noqa: E402
    LoopbackServer,
    MapServerLoopback,
    build_project,
    write_test_raster,
)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def compare_with_gdal(folder, url, cases, gdal_source, gdal_label, box, size, source):
    """Rows (method, seconds, pixels equal the source): each of ``cases`` (name, keyword
    arguments of download_coverage) through the plugin, then GDAL's WCS driver reading
    ``gdal_source`` (last row: the reference of the ratios)."""
    rows = []
    for name, kwargs in cases:
        out = folder / f"{name.replace(' ', '_').replace(',', '')}.tif"
        seconds = timed(download_coverage, url, "big", box, "EPSG:2154", 10.0, out, **kwargs)
        rows.append((name, seconds, np.array_equal(gdal.Open(str(out)).ReadAsArray(), source)))

    def gdal_wcs():
        gdal.SetConfigOption("GDAL_ENABLE_WCS_CACHE", "NO")
        gdal.Translate(str(folder / "gdal.tif"), gdal_source, srcWin=[0, 0, size, size],
                       creationOptions=["COMPRESS=DEFLATE", "TILED=YES"])

    try:
        seconds = timed(gdal_wcs)
        same = np.array_equal(gdal.Open(str(folder / "gdal.tif")).ReadAsArray(), source)
        rows.append((gdal_label, seconds, same))
    except RuntimeError as exc:
        rows.append((f"GDAL WCS driver failed: {exc}", float("nan"), False))
    return rows


def print_table(title, rows):
    reference = rows[-1][1]
    print(f"\n{title}\n")
    print("| method | seconds | ratio to GDAL | pixels equal source |")
    print("|---|---|---|---|")
    for name, seconds, same in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / reference:.2f} | {same} |")


def qgis_server_rows(folder, raster, box, size, source):
    project = build_project(folder / "bench.qgs", {"big": raster}, {})
    with LoopbackServer(project) as server:
        cases = [("one request", {"tile_size": max(size, 64), "workers": 1}),
                 ("tiles 512, 1 thread", {"tile_size": 512, "workers": 1}),
                 ("tiles 512, 4 threads", {"tile_size": 512, "workers": 4})]
        return compare_with_gdal(folder, server.url, cases, f"WCS:{server.url}?version=1.0.0&coverage=big",
                                 "GDAL WCS driver (gdal_translate)", box, size, source)


def mapserver_rows(folder, raster, box, size, source):
    with MapServerLoopback(folder, raster, "big", paths=(("/wcs", max(4096, size)),)) as server:
        cases = []
        for version in ("1.0.0", "1.1.1", "2.0.1"):
            common = {"version": version, "output_format": "image/tiff"}
            cases.append((f"WCS {version}, one request", {**common, "tile_size": max(size, 64), "workers": 1}))
            cases.append((f"WCS {version}, tiles 512, 4 threads", {**common, "tile_size": 512, "workers": 4}))
        return compare_with_gdal(folder, server.url, cases, f"WCS:{server.url}version=2.0.1&coverage=big",
                                 "GDAL WCS driver 2.0.1 (gdal_translate)", box, size, source)


def main(size=2000):
    folder = Path(tempfile.mkdtemp(prefix="bench_ogc_"))
    raster = write_test_raster(folder / "big.tif", width=size, height=size, pixel=10.0, bands=1)
    box = (720000.0, 6287000.0 - size * 10.0, 720000.0 + size * 10.0, 6287000.0)
    source = gdal.Open(str(raster)).ReadAsArray()
    print_table(f"{size} x {size} float32 pixels from qgis_mapserver WCS 1.0.0 on 127.0.0.1",
                qgis_server_rows(folder, raster, box, size, source))
    print_table(f"{size} x {size} float32 pixels from MapServer 8 (CGI) on 127.0.0.1",
                mapserver_rows(folder, raster, box, size, source))
    os._exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
