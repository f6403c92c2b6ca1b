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
