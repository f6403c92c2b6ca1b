"""Issue 16: the bands of the rasters the algorithms write are named in the user's language
("Bande 03 : Shannon (moyenne)" in a French QGIS, not "shannon_mean"); the cores keep
writing their English names, and English stays as it was."""
import numpy as np
from osgeo import gdal



def band_names(path):
    ds = gdal.Open(str(path))
    return [ds.GetRasterBand(k + 1).GetDescription() for k in range(ds.RasterCount)]


def alpha(geotiff, folder):
    import processing

    species = geotiff(folder / "species.tif", np.array([[1, 1, 1, 2], [1, 1, 2, 1]], np.int16), pixel=10.0)
    return processing.run("dataterra:alpha_diversity", {"INPUT": species, "WINDOW": 2,
                                                        "OUTPUT": str(folder / "alpha.tif")})["OUTPUT"]


def cost(geotiff, folder):
    import processing

    sources = geotiff(folder / "sources.tif", np.array([[1, 0], [0, 0]], np.uint8), pixel=10.0)
    friction = geotiff(folder / "friction.tif", np.ones((2, 2), np.float32), pixel=10.0)
    return processing.run("dataterra:cost_distance", {"SOURCES": sources, "FRICTION": friction,
                                                      "OUTPUT": str(folder / "cost.tif")})["OUTPUT"]


def test_output_bands_are_named_in_french(french, dataterra_provider, geotiff, tmp_path):
    from qgis.core import QgsRasterLayer

    names = band_names(alpha(geotiff, tmp_path))
    assert names[:4] == ["richesse (moyenne)", "richesse (écart type)", "Shannon (moyenne)", "Shannon (écart type)"]
    assert names[8:] == ["Hill q=2 (moyenne)", "Hill q=2 (écart type)"]
    assert band_names(cost(geotiff, tmp_path)) == ["coût cumulé"]
    # what QGIS's legend shows for the band the plugin's style draws
    assert QgsRasterLayer(str(tmp_path / "alpha.tif"), "alpha").bandName(3).endswith("Shannon (moyenne)")


def test_output_bands_keep_the_core_names_in_english(qgis_app, dataterra_provider, geotiff, tmp_path):
    names = band_names(alpha(geotiff, tmp_path))
    assert names[:4] == ["richness_mean", "richness_sd", "shannon_mean", "shannon_sd"]
    assert band_names(cost(geotiff, tmp_path)) == ["accumulated cost"]


def test_relabel_leaves_vectors_folders_and_unnamed_bands(geotiff, tmp_path):
    from dataterra.rasterblocks.io import relabel_bands

    raster = geotiff(tmp_path / "plain.tif", np.zeros((2, 2), np.uint8))
    assert relabel_bands(raster, str.upper) == 0  # no description, nothing to translate
    assert relabel_bands(tmp_path, str.upper) == 0
    from osgeo import ogr

    vector = tmp_path / "v.gpkg"
    ogr.GetDriverByName("GPKG").CreateDataSource(str(vector)).CreateLayer("roads", geom_type=ogr.wkbLineString)
    assert relabel_bands(vector, str.upper) == 0
    named = geotiff(tmp_path / "named.tif", np.zeros((2, 2), np.uint8))
    ds = gdal.Open(named, gdal.GA_Update)
    ds.GetRasterBand(1).SetDescription("friction")
    ds = None
    assert relabel_bands(named, str.upper) == 1 and band_names(named) == ["FRICTION"]
