"""Coverage and feature downloads against a real qgis_mapserver on 127.0.0.1."""
import numpy as np
import pytest
from osgeo import gdal, ogr

from dataterra.dataterra_plugin.ogc.core.coverage import describe, download_coverage, plan_tiles, snap_grid
from dataterra.dataterra_plugin.ogc.core.features import download_features, get_feature_url
from dataterra.dataterra_plugin.ogc.core.safexml import OgcError
from dataterra.dataterra_plugin.ogc.core.wcs import get_coverage_url
from dataterra.rasterblocks.errors import Cancelled

pytestmark = pytest.mark.network  # talks to qgis_mapserver on 127.0.0.1

RASTER_BOX = (720000.0, 6269000.0, 744000.0, 6287000.0)  # the loopback raster: 240 x 180 pixels of 100 m


def read(path):
    ds = gdal.Open(str(path))
    return ds, ds.ReadAsArray()


def test_snap_grid_by_hand():
    # extent 1012..1988 x 2003..2995 on a 100 m grid through (0, 0): 1000..2000 x 2000..3000
    grid = snap_grid((1012.0, 2003.0, 1988.0, 2995.0), 100.0, "EPSG:2154")
    assert (grid.xmin, grid.ymax, grid.width, grid.height) == (1000.0, 3000.0, 10, 10)
    # the same through the coverage origin (50, 50): 950..2050 x 1950..3050
    grid = snap_grid((1012.0, 2003.0, 1988.0, 2995.0), 100.0, "EPSG:2154", origin=(50.0, 50.0))
    assert (grid.xmin, grid.ymax, grid.width, grid.height) == (950.0, 3050.0, 11, 11)
    assert grid.tile_bbox(10, 10, 1, 1) == (1950.0, 1950.0, 2050.0, 2050.0)
    tiles = plan_tiles(grid, 4)
    assert len(tiles) == 9 and tiles[-1] == (8, 8, 3, 3)
    assert sum(w * h for _, _, w, h in tiles) == 121


def test_get_coverage_urls_of_each_version():
    bbox = (720000.0, 6269000.0, 721000.0, 6270000.0)
    url = get_coverage_url("http://h/wcs?map=a.map", "dem", bbox, "EPSG:2154", 10, 20, "1.0.0")
    assert "map=a.map" in url and "COVERAGE=dem" in url and "WIDTH=10" in url and "HEIGHT=20" in url
    assert "BBOX=720000.0,6269000.0,721000.0,6270000.0" in url
    url = get_coverage_url("http://h/wcs", "dem", bbox, "EPSG:2154", 10, 20, "1.1.1")
    # pixel centres: 100 m wide, 50 m high pixels
    assert "GRIDORIGIN=720050.0,6269975.0" in url and "GRIDOFFSETS=100.0,-50.0" in url
    assert "BOUNDINGBOX=720050.0,6269025.0,720950.0,6269975.0,urn:ogc:def:crs:EPSG::2154" in url
    url = get_coverage_url("http://h/wcs", "dem", bbox, "EPSG:2154", 10, 20, "2.0.1")
    assert "COVERAGEID=dem" in url and "SUBSET=E(720000.0,721000.0)" in url
    assert "SUBSET=N(6269000.0,6270000.0)" in url and "SCALESIZE=E(10),N(20)" in url
    assert "OUTPUTCRS=http://www.opengis.net/def/crs/EPSG/0/2154" in url


def test_describe_coverage_from_qgis_server(ogc_server):
    description = describe(ogc_server.url, "multiband")
    assert description.native_crs == "EPSG:2154"
    assert description.extent == RASTER_BOX
    assert description.resolution == (100.0, 100.0)
    assert description.band_names == ["1", "2", "3"]


def test_downloaded_pixels_equal_source_and_tiling_changes_nothing(ogc_server, ogc_project, tmp_path):
    # an extent off the grid: it is snapped outwards to the coverage's 100 m grid
    extent = (721030.0, 6270010.0, 738990.0, 6286950.0)
    untiled = download_coverage(ogc_server.url, "multiband", extent, "EPSG:2154", 100.0, tmp_path / "one.tif")
    tiled = download_coverage(ogc_server.url, "multiband", extent, "EPSG:2154", 100.0, tmp_path / "tiled.tif",
                              tile_size=64, workers=3)
    assert (untiled["width"], untiled["height"], untiled["tiles"]) == (180, 170, 1)
    assert tiled["tiles"] == 9
    one_ds, one = read(tmp_path / "one.tif")
    tiled_ds, many = read(tmp_path / "tiled.tif")
    _, source = read(ogc_project["raster"])
    # columns 10..189, rows 0..169 of the source grid (x from 721000, y down from 6287000)
    assert one_ds.GetGeoTransform() == (721000.0, 100.0, 0.0, 6287000.0, 0.0, -100.0)
    np.testing.assert_array_equal(one, source[:, 0:170, 10:190])
    np.testing.assert_array_equal(one, many)
    # same file apart from block order: grid, CRS, nodata, descriptions, data type
    assert gdal.Info(one_ds, format="json")["bands"] == gdal.Info(tiled_ds, format="json")["bands"]
    assert one_ds.GetGeoTransform() == tiled_ds.GetGeoTransform()
    assert one_ds.GetProjection() == tiled_ds.GetProjection()
    # value = band * 10000 + row * 0.5 + col * 0.25 (see write_test_raster): band 2, row 0, col 10
    assert one[1, 0, 0] == 20002.5
    assert tiled_ds.GetRasterBand(1).GetNoDataValue() == -9999.0
    assert tiled_ds.GetRasterBand(3).GetDescription() == "multiband band 3"
    assert tiled_ds.GetSpatialRef().GetAuthorityCode(None) == "2154"


def test_whole_coverage_keeps_the_nodata_corner(ogc_server, tmp_path):
    download_coverage(ogc_server.url, "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "all.tif")
    ds, array = read(tmp_path / "all.tif")
    assert array.shape == (3, 180, 240)
    assert (array[:, :10, :10] == -9999.0).all()
    assert array[2, 179, 239] == 30000 + 179 * 0.5 + 239 * 0.25


def test_request_larger_than_the_server_limit_is_split(ogc_front, ogc_project, tmp_path):
    url, handler = ogc_front
    handler.max_pixels = 5000  # 128 x 128 tiles are refused, their 64 x 64 quarters accepted
    try:
        result = download_coverage(url, "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "split.tif",
                                   tile_size=128)
    finally:
        handler.max_pixels = 10 ** 9
    assert result["tiles"] > 4
    _, array = read(tmp_path / "split.tif")
    _, source = read(ogc_project["raster"])
    np.testing.assert_array_equal(array, source)


def test_unknown_coverage_is_reported_and_nothing_written(ogc_server, tmp_path):
    with pytest.raises(OgcError, match="not found"):
        download_coverage(ogc_server.url, "nope", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif")
    assert list(tmp_path.iterdir()) == []


def test_crs_not_offered_names_the_offered_ones(ogc_server, tmp_path):
    with pytest.raises(OgcError, match=r"not offered in EPSG:32631.*offers: EPSG:2154"):
        download_coverage(ogc_server.url, "multiband", (500000, 4800000, 510000, 4810000), "EPSG:32631", 100.0,
                          tmp_path / "x.tif")
    assert list(tmp_path.iterdir()) == []


def test_unreachable_host(tmp_path):
    from dataterra.demo.ogc_loopback import free_port

    url = f"http://127.0.0.1:{free_port()}/ows/"
    with pytest.raises(OgcError, match=r"Cannot reach 127\.0\.0\.1.*Check the URL"):
        download_coverage(url, "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif")
    assert list(tmp_path.iterdir()) == []


def test_http_error_and_hostile_xml(ogc_front, tmp_path):
    url, _ = ogc_front
    base = url.replace("/ows/", "")
    with pytest.raises(OgcError, match="HTTP error 503 .*unavailable"):
        download_coverage(base + "/status/503", "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif")
    with pytest.raises(OgcError, match="entity declarations"):
        download_coverage(base + "/hostile", "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif")
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_no_file(ogc_server, tmp_path):
    calls = []

    def cancel_after_first_tile():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        download_coverage(ogc_server.url, "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif",
                          tile_size=64, workers=1, is_cancelled=cancel_after_first_tile)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("page_size", [3, 7, 1000])
def test_every_wfs_feature_with_paging(ogc_server, sample_data, tmp_path, page_size):
    result = download_features(ogc_server.url, "communes", tmp_path / "c.gpkg", version="1.1.0",
                               page_size=page_size, srs_name="EPSG:2154")
    assert result["features"] == 20 and result["announced"] == 20
    assert result["pages"] == -(-20 // page_size) + (1 if 20 % page_size == 0 and page_size < 20 else 0)
    got_ds, source_ds = ogr.Open(str(tmp_path / "c.gpkg")), ogr.Open(str(sample_data["communes"]))
    got, source = got_ds.GetLayer(0), source_ds.GetLayer(0)
    assert sorted(f["INSEE_COM"] for f in got) == sorted(f["INSEE_COM"] for f in source)
    got.ResetReading()
    source.ResetReading()
    areas = {f["INSEE_COM"]: f.GetGeometryRef().GetArea() for f in source}
    for feature in got:
        assert feature.GetGeometryRef().GetArea() == pytest.approx(areas[feature["INSEE_COM"]], rel=1e-6)
    assert got.GetSpatialRef().GetAuthorityCode(None) == "2154"
    # GML polygons are read as MultiSurface; the GeoPackage holds plain polygons
    assert ogr.GT_Flatten(got.GetGeomType()) == ogr.wkbMultiPolygon


def test_wfs_bbox_and_filter(ogc_server, sample_data, tmp_path):
    bbox = (725000.0, 6275000.0, 728000.0, 6278000.0)
    result = download_features(ogc_server.url, "communes", tmp_path / "b.gpkg", version="1.1.0",
                               srs_name="EPSG:2154", bbox=bbox)
    source_ds = ogr.Open(str(sample_data["communes"]))
    source = source_ds.GetLayer(0)
    source.SetSpatialFilterRect(*bbox)
    assert result["features"] == source.GetFeatureCount() > 0
    name = next(iter(source))["NOM_COM"]
    filter_xml = ('<Filter><PropertyIsEqualTo><PropertyName>NOM_COM</PropertyName>'
                  f'<Literal>{name}</Literal></PropertyIsEqualTo></Filter>')
    result = download_features(ogc_server.url, "communes", tmp_path / "f.gpkg", version="1.1.0",
                               srs_name="EPSG:2154", filter_xml=filter_xml)
    assert result["features"] == 1


def test_wfs_unknown_type_and_url_builder(ogc_server, tmp_path):
    with pytest.raises(OgcError):
        download_features(ogc_server.url, "nope", tmp_path / "n.gpkg", version="1.1.0")
    assert list(tmp_path.iterdir()) == []
    url = get_feature_url("http://h/wfs", "ns:roads", "2.0.0", start=40, count=20, srs_name="EPSG:2154",
                          bbox=(1, 2, 3, 4))
    assert "TYPENAMES=ns:roads" in url and "STARTINDEX=40" in url and "COUNT=20" in url
    assert "BBOX=1.0,2.0,3.0,4.0,EPSG:2154" in url


def test_wcs201_describe_coverage_recorded_from_mapserver(test_data):
    from dataterra.dataterra_plugin.ogc.core.wcs import parse_describe_coverage

    data = (test_data / "ogc" / "gdal_describecoverage_mapserver_201.xml").read_bytes()
    description = parse_describe_coverage(data, "BGS_EMODNET_CentralMed-MCol")
    assert description.native_crs == "EPSG:4326"
    # the envelope is written latitude first (axisLabels="lat long"): turned to (west, south, east, north)
    assert description.extent == (9.83125, 30.01040372, 22.23542659, 46.18958333)
    assert description.axis_labels == ("long", "lat")
    assert description.resolution == (0.004167, 0.004167)
    assert description.band_names == ["band1", "band2", "band3"]
    url = get_coverage_url("http://h/wcs", description.name, (10.0, 40.0, 11.0, 41.0), "EPSG:4326", 240, 240,
                           "2.0.1", "image/tiff", description.axis_labels)
    assert "SUBSET=long(10.0,11.0)" in url and "SUBSET=lat(40.0,41.0)" in url
    assert "SCALESIZE=long(240),lat(240)" in url


def test_crs_not_offered_is_reprojected_when_asked(ogc_server, ogc_project, tmp_path):
    # Web Mercator is not offered by the WCS: native Lambert-93 pixels are downloaded and
    # warped locally; the reference is GDAL's own warp of the source raster on the same grid.
    extent = (375000.0, 5395000.0, 385000.0, 5405000.0)  # EPSG:3857, inside the raster
    result = download_coverage(ogc_server.url, "multiband", extent, "EPSG:3857", 100.0, tmp_path / "m.tif",
                               tile_size=64, reproject=True)
    assert result["reprojected_from"] == "EPSG:2154"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tif"]
    got = gdal.Open(str(tmp_path / "m.tif"))
    assert got.GetSpatialRef().GetAuthorityCode(None) == "3857"
    assert got.GetGeoTransform() == (375000.0, 100.0, 0.0, 5405000.0, 0.0, -100.0)
    reference = gdal.Warp("/vsimem/reference.tif", str(ogc_project["raster"]), dstSRS="EPSG:3857",
                          outputBounds=result["bbox"], xRes=100.0, yRes=100.0, resampleAlg="near")
    np.testing.assert_array_equal(got.ReadAsArray(), reference.ReadAsArray())
    assert got.GetRasterBand(1).GetNoDataValue() == -9999.0
    reference = None
    gdal.Unlink("/vsimem/reference.tif")


def test_wfs_faults(ogc_front, tmp_path):
    url, _ = ogc_front
    base = url.replace("/ows/", "")
    with pytest.raises(OgcError, match="HTTP error 500"):
        download_features(base + "/status/500", "communes", tmp_path / "x.gpkg")
    with pytest.raises(OgcError, match="entity declarations"):
        download_features(base + "/hostile", "communes", tmp_path / "x.gpkg")
    assert list(tmp_path.iterdir()) == []
