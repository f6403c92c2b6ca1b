"""Demo step: forest dieback detection (fordead-class) on a Sentinel-2 series.

The series is the 60 × 60-pixel THEIA-layout series on which fordead's own outputs were
recorded (tests/data/foresthealth/series.npz and its README: 165 dates 2016-2019, clouds,
shadows, snow, swath edges, four zones of known onset; synthetic, since no real Sentinel-2
series ships with the plugin). The step writes it back as THEIA product folders, runs
``dataterra:forest_dieback_all`` with fordead's tutorial settings (the plugin's defaults
reproduce fordead) and writes the first dieback date, state and confidence rasters, the
dieback polygons by period and confidence class, and a PNG map.
"""
from pathlib import Path

import numpy as np

TITLE = "Forest health: dieback detection from a Sentinel-2 series (dataterra:forest_dieback_all)"

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "foresthealth"
TUTORIAL = {"MASK_FORMULA": "B2 > 600 | (B3 == 0) | (B4 ==0)", "SOURCE_MASK": True, "CLOUD_LIMIT": 0.4}
OUTPUTS = {"STATE": "state", "POLYGONS": "dieback.gpkg", "FIRST_DATE": "first_dieback_date.tif",
           "STATE_RASTER": "state.tif", "CONFIDENCE": "confidence_index.tif",
           "CONFIDENCE_CLASS": "confidence_class.tif"}


def write_series(folder):
    """The recorded series as THEIA L2A product folders under ``folder``."""
    from dataterra.foresthealth.core.synthetic import write_theia_series

    data = np.load(DATA / "series.npz")
    return write_theia_series(folder, [str(n) for n in data["names"]], data["bands10"], data["bands20"],
                              data["clm"], data["geotransform"], int(data["epsg"]))


def write_map(out, png_path):
    from mapping import render_map
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from dataterra.foresthealth.algorithms.styling import style_layer

    state = QgsRasterLayer(str(out / OUTPUTS["STATE_RASTER"]), "state")
    style_layer(state, "STATE_RASTER", ["Low anomaly", "Severe anomaly"])
    dieback = QgsVectorLayer(f"{out / OUTPUTS['POLYGONS']}|layername=dieback", "dieback by period", "ogr")
    style_layer(dieback, "dieback", ["Low anomaly", "Severe anomaly"])
    return render_map([dieback, state], str(png_path), "Forest dieback (fordead's tutorial settings)")


def run(ctx):
    import processing
    from osgeo import gdal

    out = ctx.output
    products = write_series(out / "series" / "study_area")
    ctx.log(f"series: {len(list(Path(products).iterdir()))} THEIA products, 60 × 60 px at 10 m")
    result = processing.run("dataterra:forest_dieback_all", {
        "PRODUCTS": str(products), **TUTORIAL, "FOREST_POLYGONS": str(DATA / "area_interest.geojson"),
        **{key: str(out / name) for key, name in OUTPUTS.items()}}, feedback=ctx.feedback)
    state = gdal.Open(result["STATE_RASTER"]).ReadAsArray()
    first = gdal.Open(result["FIRST_DATE"]).ReadAsArray()
    dated = first[first > 0]
    ctx.log(f"{int((state == 2).sum())} dieback pixels, first dieback dates {dated.min()} .. {dated.max()}")
    written = [out / name for name in OUTPUTS.values()]
    written.append(write_map(out, out / "forest_dieback.png"))
    return written
