"""Coverage download timings over WCS 1.0.0, 1.1.1 and 2.0.1 from a loopback MapServer,
side by side with GDAL's WCS driver on the same server.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ogc_mapserver.py [size]"""
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
from dataterra.dataterra_plugin.ogc.loopback import MapServerLoopback, write_test_raster  # noqa: E402


def timed(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(size=2000):
    folder = Path(tempfile.mkdtemp(prefix="bench_ogc_mapserver_"))
    raster = write_test_raster(folder / "big.tif", width=size, height=size, pixel=10.0, bands=1)
    box = (720000.0, 6287000.0 - size * 10.0, 720000.0 + size * 10.0, 6287000.0)
    source = gdal.Open(str(raster)).ReadAsArray()
    rows = []
    with MapServerLoopback(folder, raster, "big", paths=(("/wcs", max(4096, size)),)) as server:
        url = server.url

        def ours(name, version, **kwargs):
            out = folder / f"{name.replace(' ', '_').replace(',', '')}.tif"
            seconds = timed(lambda: download_coverage(url, "big", box, "EPSG:2154", 10.0, out, version=version,
                                                      output_format="image/tiff", **kwargs))
            same = np.array_equal(gdal.Open(str(out)).ReadAsArray(), source)
            rows.append((name, seconds, same))

        for version in ("1.0.0", "1.1.1", "2.0.1"):
            ours(f"WCS {version}, one request", version, tile_size=max(size, 64), workers=1)
            ours(f"WCS {version}, tiles 512, 4 threads", version, tile_size=512, workers=4)

        def gdal_wcs():
            gdal.SetConfigOption("GDAL_ENABLE_WCS_CACHE", "NO")
            gdal.Translate(str(folder / "gdal.tif"), f"WCS:{url}version=2.0.1&coverage=big", srcWin=[0, 0, size, size],
                           creationOptions=["COMPRESS=DEFLATE", "TILED=YES"])

        try:
            seconds = timed(gdal_wcs)
            same = np.array_equal(gdal.Open(str(folder / "gdal.tif")).ReadAsArray(), source)
            rows.append(("GDAL WCS driver 2.0.1 (gdal_translate)", seconds, same))
        except RuntimeError as exc:
            rows.append((f"GDAL WCS driver failed: {exc}", float("nan"), False))
    reference = rows[-1][1]
    print(f"\n{size} x {size} float32 pixels from MapServer 8 (CGI) on 127.0.0.1\n")
    print("| method | seconds | ratio to GDAL | pixels equal source |")
    print("|---|---|---|---|")
    for name, seconds, same in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / reference:.2f} | {same} |")
    os._exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
