"""Demo step: a real OGC server on loopback (qgis_mapserver) serves the Clermontais Corine
Land Cover rasterised at 25 m and the communes; the plugin downloads a coverage over WCS
in parallel tiles and the communes over WFS with paging, then analyses the coverage.

The analysis: the area of each CLC class (native:rasterlayeruniquevaluesreport) and the
effective mesh size of the natural and semi-natural classes per downloaded commune
(dataterra:effective_mesh_size on the downloaded GeoTIFF).
"""
import csv
import time

TITLE = "OGC: WCS coverage and WFS features from a loopback qgis_mapserver, then an analysis"


def run(ctx):
    import processing

    from dataterra.dataterra_plugin.ogc.core.capabilities import parse_capabilities
    from dataterra.dataterra_plugin.ogc.core.transport import add_query, urllib_fetch
    from dataterra.demo.ogc_loopback import LoopbackServer, build_project, rasterise_clc

    clc = rasterise_clc(ctx.sample["clc"], ctx.output / "clc_25m.tif", pixel=25.0)
    project = build_project(ctx.output / "server.qgs", {"clc_25m": clc}, {"communes": ctx.sample["communes"]})
    written = []
    with LoopbackServer(project, log_path=ctx.output / "qgis_mapserver.log") as server:
        ctx.log(f"qgis_mapserver serving {project.name} at {server.url}")
        for service in ("WMS", "WFS", "WCS"):
            tree = parse_capabilities(urllib_fetch(add_query(server.url, {"SERVICE": service,
                                                                          "REQUEST": "GetCapabilities"})))
            ctx.log(f"{service} {tree.version}: {', '.join(tree.names())}")
        started = time.perf_counter()
        coverage = processing.run("dataterra:download_coverage", {
            "URL": server.url, "COVERAGE": "clc_25m",
            # the study area given in WGS 84: reprojected to Lambert-93 and snapped to the 25 m grid
            "EXTENT": "3.30,3.45,43.55,43.66 [EPSG:4326]", "RESOLUTION": 0, "TILE_SIZE": 256,
            "OUTPUT": str(ctx.output / "clc_downloaded.tif")}, feedback=ctx.feedback)["OUTPUT"]
        ctx.log(f"coverage downloaded in {time.perf_counter() - started:.1f} s: {coverage}")
        communes = processing.run("dataterra:download_features", {
            "URL": server.url, "TYPENAME": "communes", "CRS": "EPSG:2154", "PAGE_SIZE": 5,
            "OUTPUT": str(ctx.output / "communes.gpkg")}, feedback=ctx.feedback)["OUTPUT"]
        written += [coverage, communes]
    report = processing.run("native:rasterlayeruniquevaluesreport", {
        "INPUT": coverage, "BAND": 1, "OUTPUT_TABLE": str(ctx.output / "clc_class_areas.csv")},
        feedback=ctx.feedback)
    ctx.log(f"{report['TOTAL_PIXEL_COUNT']} pixels of 25 m, {report['NODATA_PIXEL_COUNT']} nodata")
    with open(report["OUTPUT_TABLE"], newline="") as table:
        rows = sorted(csv.DictReader(table), key=lambda r: -float(r["m2"]))
    for row in rows[:5]:
        ctx.log(f"CLC {int(float(row['value']))}: {float(row['m2']) / 1e4:,.0f} ha")
    written.append(report["OUTPUT_TABLE"])
    written.append(_mesh_size_per_commune(ctx, coverage, communes))
    written += _map(ctx, coverage, communes)
    ctx.shared["ogc_coverage"] = coverage
    return written


def _mesh_size_per_commune(ctx, coverage, communes):
    """Fragmentation of the downloaded land cover: natural CLC classes are habitat, patches of
    4-neighbour pixels (effective_mesh_size's default, FragScape's raster rule)."""
    import processing

    from dataterra.dataterra_plugin.nomenclature import natural_codes

    result = processing.run("dataterra:effective_mesh_size", {
        "INPUT": coverage, "HABITAT_VALUES": ",".join(map(str, natural_codes("clc"))), "REPORTING": communes,
        "METHOD": 0, "OUTPUT": str(ctx.output / "meff_from_wcs.gpkg")}, feedback=ctx.feedback)
    ctx.log(f"effective mesh size of the downloaded land cover: {result['MEFF_HA']:,.1f} ha over the communes")
    return result["OUTPUT"]


def _map(ctx, coverage, communes):
    """A PNG map when demo/mapping.py (render_map) is available on this branch."""
    try:
        from mapping import render_map
    except ImportError:
        ctx.log("demo/mapping.py not available here: no PNG map")
        return []
    from qgis.core import (
        QgsFillSymbol,
        QgsPalettedRasterRenderer,
        QgsRasterLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtGui import QColor

    from dataterra.dataterra_plugin.nomenclature import load

    raster = QgsRasterLayer(str(coverage), "CLC downloaded over WCS")
    classes = [QgsPalettedRasterRenderer.Class(c.code, QColor(c.color), f"{c.code} {c.label_en}")
               for c in load("clc")]
    present = {int(v) for v in _unique_values(coverage)}
    classes = [c for c in classes if c.value in present]
    raster.setRenderer(QgsPalettedRasterRenderer(raster.dataProvider(), 1, classes))
    vector = QgsVectorLayer(str(communes), "Communes downloaded over WFS")
    vector.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "40,40,40", "outline_width": "0.4"})))
    png = ctx.output / "ogc_download.png"
    render_map([vector, raster], png, "Corine Land Cover 2012 (25 m) and communes, downloaded over WCS/WFS",
               extent_layer=raster)
    return [png]


def _unique_values(path):
    import numpy as np
    from osgeo import gdal

    dataset = gdal.Open(str(path))  # kept referenced: the band dies with its dataset
    band = dataset.GetRasterBand(1)
    values = np.unique(band.ReadAsArray())
    return [v for v in values if v != band.GetNoDataValue()]
