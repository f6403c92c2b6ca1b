"""The product folder reader: THEIA and Sen2Cor layouts (recorded listings), 20 m bands on the
10 m grid, the Sen2Cor offset, same-day products merged."""
from pathlib import Path

import numpy as np
import pytest

from dataterra.foresthealth.core import products
from dataterra.foresthealth.core.products import Window
from dataterra.foresthealth.core.synthetic import write_tif

LISTING = Path(__file__).resolve().parent.parent / "data" / "foresthealth" / "product_listing.txt"
GT10 = (600000.0, 10.0, 0.0, 5400000.0, 0.0, -10.0)
GT20 = (600000.0, 20.0, 0.0, 5400000.0, 0.0, -20.0)


@pytest.fixture
def listed(tmp_path):
    """The recorded THEIA and Sen2Cor product trees, with small rasters in the files read."""
    for line in LISTING.read_text().split():
        path = tmp_path / line
        name = path.name
        ten_metres = any(f"_{b}." in name for b in ("B2", "B3", "B4", "B8")) or "_10m." in name
        if path.suffix in (".tif", ".jp2"):  # GDAL reads a GeoTIFF named .jp2 by its content
            shape = (4, 4) if ten_metres else (2, 2)
            value = np.arange(np.prod(shape), dtype=np.int16).reshape(shape) + 1001
            write_tif(path, value.astype(np.uint8) if "SCL" in name or "CLM" in name else value,
                      GT10 if ten_metres else GT20)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("")
    return tmp_path


def test_theia_and_sen2cor_listings(listed):
    found = products.find_products(listed)
    assert [(p.date, p.layout) for p in found] == [("2019-04-15", "theia"), ("2022-06-01", "sen2cor")]
    theia, safe = found
    assert sorted(theia.bands) == ["B11", "B12", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A"]
    assert all("_FRE_" in path for path in theia.bands.values())  # not SRE
    assert theia.cloud_mask.endswith("_CLM_R2.tif") and theia.edge_mask.endswith("_EDG_R2.tif")
    assert safe.bands["B2"].endswith("_B02_10m.jp2")  # the 10 m file, not its 20 m resampling
    assert safe.bands["B8A"].endswith("_B8A_20m.jp2") and safe.cloud_mask.endswith("_SCL_20m.jp2")
    assert safe.offset == 0  # fordead ignores the offset: so does the default
    sre = products.find_products(listed, reflectance="SRE")[0]
    assert all("_SRE_" in path for path in sre.bands.values())


def test_sen2cor_offset_and_20m_repeat(listed):
    safe = products.find_products(listed, sen2cor_offset=True)[1]
    assert safe.offset == 1000  # baseline N0400 (from 2022-01-25)
    grid = products.Grid.of(safe.bands["B2"])
    bands = products.read_bands([safe], ("B2", "B8A"), Window(1, 1, 3, 3), grid)
    np.testing.assert_array_equal(bands["B2"], (np.arange(16).reshape(4, 4) + 1)[1:, 1:])
    coarse = np.arange(4).reshape(2, 2) + 1001 - 1000
    np.testing.assert_array_equal(bands["B8A"], np.repeat(np.repeat(coarse, 2, 0), 2, 1)[1:, 1:])


def test_same_day_products_are_merged(tmp_path):
    inside, outside = np.full((4, 4), 500, np.int16), np.full((4, 4), -10000, np.int16)
    west = np.where(np.arange(4) < 2, inside, outside).astype(np.int16)
    east = np.where(np.arange(4) >= 2, inside + 100, outside).astype(np.int16)
    for name, values in (("SENTINEL2A_20180101-105500-000_L2A_T31UFQ_D_V1-1", west),
                         ("SENTINEL2B_20180101-110500-000_L2A_T31UFQ_D_V1-1", east)):
        write_tif(tmp_path / name / f"{name}_FRE_B2.tif", values, GT10)
    groups = products.group_by_date(products.find_products(tmp_path))
    assert list(groups) == ["2018-01-01"] and len(groups["2018-01-01"]) == 2
    grid = products.reference_grid(groups["2018-01-01"])
    merged = products.read_bands(groups["2018-01-01"], ("B2",), Window(0, 0, 4, 4), grid)["B2"]
    assert (merged[:, :2] == 500).all() and (merged[:, 2:] == 600).all()


def test_forest_mask_from_polygons_and_from_land_cover_classes(tmp_path):
    from dataterra.foresthealth.core import forest
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    # a 20 m land-cover raster (OSO codes) under a 10 m grid of 4 × 4 pixels
    codes = np.array([[17, 16], [5, 23]], np.uint8)
    write_tif(tmp_path / "oso.tif", codes, GT20)
    mask = forest.from_raster(tmp_path / "oso.tif", GT10, (4, 4), srs.ExportToWkt(), classes=[16, 17])
    np.testing.assert_array_equal(mask, np.repeat(np.repeat(np.isin(codes, [16, 17]), 2, 0), 2, 1))
    assert forest.from_raster(tmp_path / "oso.tif", GT10, (4, 4), srs.ExportToWkt()).all()  # non-zero
    # a polygon covering the centres of the 2 × 3 upper-left pixels
    (tmp_path / "forest.geojson").write_text(
        '{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:32631"}}, '
        '"features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": '
        '[[[600000, 5400000], [600028, 5400000], [600028, 5399981], [600000, 5399981], [600000, 5400000]]]}}]}')
    mask = forest.from_polygons(tmp_path / "forest.geojson", GT10, (4, 4), srs.ExportToWkt())
    expected = np.zeros((4, 4), bool)
    expected[:2, :3] = True
    np.testing.assert_array_equal(mask, expected)


def _write_raster(path, array, geotransform, driver, options=()):
    """``array`` as a UInt16 (bands) or Byte (SCL) raster in EPSG:32631 by GDAL's ``driver``
    (JP2OpenJPEG writes by copy only: through an in-memory dataset)."""
    from osgeo import gdal, osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    memory = gdal.GetDriverByName("MEM").Create("", array.shape[1], array.shape[0], 1,
                                                gdal.GDT_Byte if array.dtype == np.uint8 else gdal.GDT_UInt16)
    memory.SetGeoTransform(geotransform)
    memory.SetProjection(srs.ExportToWkt())
    memory.GetRasterBand(1).WriteArray(array)
    path.parent.mkdir(parents=True, exist_ok=True)
    gdal.GetDriverByName(driver).CreateCopy(str(path), memory, options=list(options))


def _sen2cor_series(folder, driver, options=()):
    """Three Sen2Cor products of the recorded listing's layout (32 × 32 px at 10 m), their bands
    and SCL written by ``driver``; the same seeded values whatever the driver."""
    rng = np.random.default_rng(3)
    safe_files = [line for line in LISTING.read_text().split() if ".SAFE/" in line and "/IMG_DATA/R" in line]
    for date in ("20220601", "20220611", "20220704"):
        for line in safe_files:
            name = Path(line).name
            if not any(f"_{b}_" in name for b in ("B02", "B03", "B04", "B08", "B8A", "B11", "B12", "SCL")) \
                    or "_60m." in name:
                continue
            shape = (32, 32) if "_10m." in name else (16, 16)
            if "SCL" in name:  # mostly vegetation (4), some bare soil (5), clouds (8, 9) and shadows (3)
                values = rng.choice(np.array([4, 4, 4, 5, 8, 9, 3], np.uint8), shape)
            else:  # reflectance × 10000 + 1000 (baseline 04.00)
                values = rng.integers(1200, 4000, shape).astype(np.uint16)
            _write_raster(folder / line.replace("20220601", date), values,
                          GT10 if "_10m." in name else GT20, driver, options)
    return folder


def test_sen2cor_jpeg2000_bands_give_the_index_series_of_the_same_geotiffs(tmp_path):
    from osgeo import gdal

    from dataterra.foresthealth.core import series
    jp2 = _sen2cor_series(tmp_path / "jp2", "JP2OpenJPEG", ["QUALITY=100", "REVERSIBLE=YES"])
    tif = _sen2cor_series(tmp_path / "tif", "GTiff")  # GDAL reads a GeoTIFF named .jp2 by its content
    found = products.find_products(jp2)
    assert [p.date for p in found] == ["2022-06-01", "2022-06-11", "2022-07-04"]
    assert gdal.Open(found[0].bands["B11"]).GetDriver().ShortName == "JP2OpenJPEG"
    assert gdal.Open(found[0].cloud_mask).GetDriver().ShortName == "JP2OpenJPEG"
    assert gdal.Open(products.find_products(tif)[0].bands["B11"]).GetDriver().ShortName == "GTiff"
    options = series.IndexOptions(apply_source_mask=True, sen2cor_offset=True, cloud_limit=-1)
    series.index_series(jp2, tmp_path / "jp2.tif", options)
    series.index_series(tif, tmp_path / "tif.tif", options)
    from_jp2 = gdal.Open(str(tmp_path / "jp2.tif")).ReadAsArray()
    from_tif = gdal.Open(str(tmp_path / "tif.tif")).ReadAsArray()
    assert from_jp2.shape == (3, 32, 32)
    np.testing.assert_array_equal(from_jp2, from_tif)  # lossless JPEG 2000: the very same values, NaN included
    # the SCL is read from the .jp2: cloudy 20 m pixels (not 4 or 5) are masked on their 2 × 2 10 m pixels
    scl = gdal.Open(found[0].cloud_mask).ReadAsArray()
    cloudy = np.repeat(np.repeat(~np.isin(scl, [4, 5]), 2, 0), 2, 1)
    assert np.isnan(from_jp2[0][cloudy]).all() and 0 < cloudy.mean() < 1
    assert np.isfinite(from_jp2[0][~cloudy]).any()
