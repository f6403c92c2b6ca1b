"""download_coverage over WCS 1.0.0, 1.1.1 and 2.0.1 against a real MapServer on 127.0.0.1
(see the ``mapserver`` fixture): pixels equal the source raster on the same grid, tiled
equals untiled, multipart answers are decoded, exceptions and the size limit handled."""
import urllib.request

import numpy as np
import pytest
from osgeo import gdal

from dataterra.dataterra_plugin.ogc.core.coverage import coverage_payload, describe, download_coverage
from dataterra.dataterra_plugin.ogc.core.safexml import OgcError, ServiceExceptionError
from dataterra.dataterra_plugin.ogc.core.transport import urllib_fetch
from dataterra.dataterra_plugin.ogc.core.wcs import get_coverage_url

pytestmark = pytest.mark.network  # talks to MapServer on 127.0.0.1

RASTER_BOX = (720000.0, 6269000.0, 744000.0, 6287000.0)  # 240 x 180 pixels of 100 m
VERSIONS = ["1.0.0", "1.1.1", "2.0.1"]


def read(path):
    ds = gdal.Open(str(path))
    return ds, ds.ReadAsArray()


def fetch_answer(url):
    with urllib.request.urlopen(url, timeout=60) as reply:
        return reply.headers.get("Content-Type", ""), reply.read()


@pytest.mark.parametrize("version", VERSIONS)
def test_describe_coverage_of_each_version(mapserver, version):
    description = describe(mapserver["url"], "multiband", version)
    assert description.native_crs == "EPSG:2154"
    assert description.extent == RASTER_BOX
    assert description.resolution == (100.0, 100.0)
    assert description.nodata == -9999.0
    # 1.0.0 and 1.1 list band keys, 2.0.1 the swe:field names of wcs_band_names
    expected = ["band_1", "band_2", "band_3"] if version == "2.0.1" else ["1", "2", "3"]
    assert description.band_names == expected


def test_version_1_1_and_2_0_answers_are_multipart(mapserver):
    # what the decoding is for: MapServer's raw answers, checked before decoding
    bbox, url = (721000.0, 6283300.0, 727400.0, 6286500.0), mapserver["url"]
    content_type, body = fetch_answer(get_coverage_url(url, "multiband", bbox, "EPSG:2154", 64, 32, "1.1.1",
                                                       "image/tiff"))
    assert content_type.startswith("multipart/mixed") and body.lstrip().startswith(b"--wcs")
    assert b"<Coverages" in body and b"Content-Type: image/tiff" in body
    related = get_coverage_url(url, "multiband", bbox, "EPSG:2154", 64, 32, "2.0.1", "image/tiff",
                               ("x", "y")) + "&MEDIATYPE=multipart/related"
    content_type, body = fetch_answer(related)
    assert content_type.startswith("multipart/related") and b"RectifiedGridCoverage" in body
    gdal.FileFromMemBuffer("/vsimem/part.tif", coverage_payload(body))
    try:
        tile = gdal.Open("/vsimem/part.tif")
        # cols 10..73, rows 5..36 of the source
        _, source = read(mapserver["raster"])
        np.testing.assert_array_equal(tile.ReadAsArray(), source[:, 5:37, 10:74])
    finally:
        tile = None
        gdal.Unlink("/vsimem/part.tif")


@pytest.mark.parametrize("version", VERSIONS)
def test_downloaded_pixels_equal_source_tiled_and_untiled(mapserver, version, tmp_path):
    # an extent off the grid, snapped outwards to the coverage's 100 m grid
    extent = (721030.0, 6270010.0, 738990.0, 6286950.0)
    untiled = download_coverage(mapserver["url"], "multiband", extent, "EPSG:2154", 100.0, tmp_path / "one.tif",
                                version=version, output_format="image/tiff")
    tiled = download_coverage(mapserver["url"], "multiband", extent, "EPSG:2154", 100.0, tmp_path / "tiled.tif",
                              version=version, output_format="image/tiff", tile_size=64, workers=3)
    assert (untiled["width"], untiled["height"], untiled["tiles"]) == (180, 170, 1)
    assert tiled["tiles"] == 9
    one_ds, one = read(tmp_path / "one.tif")
    tiled_ds, many = read(tmp_path / "tiled.tif")
    _, source = read(mapserver["raster"])
    assert one_ds.GetGeoTransform() == (721000.0, 100.0, 0.0, 6287000.0, 0.0, -100.0)
    # columns 10..189, rows 0..169 of the source grid
    np.testing.assert_array_equal(one, source[:, 0:170, 10:190])
    np.testing.assert_array_equal(one, many)
    assert gdal.Info(one_ds, format="json")["bands"] == gdal.Info(tiled_ds, format="json")["bands"]
    # value = band * 10000 + row * 0.5 + col * 0.25: band 2, row 0, col 10
    assert one[1, 0, 0] == 20002.5
    # nodata comes from the GeoTIFF (1.0.0, 1.1) or from DescribeCoverage's nilValue (2.0.1)
    assert tiled_ds.GetRasterBand(1).GetNoDataValue() == -9999.0
    assert tiled_ds.GetSpatialRef().GetAuthorityCode(None) == "2154"


def test_multipart_related_download_of_wcs_2(mapserver, tmp_path):
    def fetch_multipart(url):
        if "REQUEST=GetCoverage" in url:
            url += "&MEDIATYPE=multipart/related"
        return urllib_fetch(url)

    download_coverage(mapserver["url"], "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "m.tif",
                      version="2.0.1", output_format="image/tiff", tile_size=100, fetch=fetch_multipart)
    ds, array = read(tmp_path / "m.tif")
    _, source = read(mapserver["raster"])
    np.testing.assert_array_equal(array, source)
    assert (array[:, :10, :10] == -9999.0).all()
    # named after DescribeCoverage's swe:field names: "<coverage> band <field>"
    assert ds.GetRasterBand(2).GetDescription() == "multiband band band_2"


@pytest.mark.parametrize("version", VERSIONS)
def test_mapserver_size_limit_is_split(mapserver, version, tmp_path):
    # MAXSIZE 100: 128 x 128 tiles are refused with an exception report, their 64 x 64 quarters accepted
    result = download_coverage(mapserver["limited_url"], "multiband", RASTER_BOX, "EPSG:2154", 100.0,
                               tmp_path / "split.tif", version=version, output_format="image/tiff", tile_size=128)
    assert result["tiles"] > 4
    _, array = read(tmp_path / "split.tif")
    _, source = read(mapserver["raster"])
    np.testing.assert_array_equal(array, source)


@pytest.mark.parametrize("version", VERSIONS)
def test_mapserver_exception_reports(mapserver, version, tmp_path):
    with pytest.raises(OgcError, match="nope"):
        download_coverage(mapserver["url"], "nope", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif",
                          version=version, output_format="image/tiff")
    # a format the server does not have: its exception report, not a broken GeoTIFF
    with pytest.raises(ServiceExceptionError):
        download_coverage(mapserver["url"], "multiband", RASTER_BOX, "EPSG:2154", 100.0, tmp_path / "x.tif",
                          version=version, output_format="image/x-nope")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("service,version", [("WMS", "1.3.0"), ("WFS", "2.0.0"), ("WCS", "1.1.1"), ("WCS", "2.0.1")])
def test_live_capabilities_match_the_recorded_ones(mapserver, test_data, service, version):
    from dataterra.dataterra_plugin.ogc.core.capabilities import parse_capabilities

    live = parse_capabilities(urllib_fetch(f"{mapserver['url']}SERVICE={service}&VERSION={version}"
                                           "&REQUEST=GetCapabilities"))
    name = f"mapserver_{service.lower()}_{version.replace('.', '')}.xml"
    recorded = parse_capabilities((test_data / "ogc" / name).read_bytes())
    assert live.url == mapserver["url"]
    live.url = recorded.url
    assert live == recorded


@pytest.mark.parametrize("page_size", [6, 1000])
def test_wfs_2_paging_against_mapserver(mapserver, sample_data, tmp_path, page_size):
    from osgeo import ogr

    from dataterra.dataterra_plugin.ogc.core.features import download_features

    result = download_features(mapserver["url"], "ms:communes", tmp_path / "c.gpkg", version="2.0.0",
                               page_size=page_size, srs_name="EPSG:2154")
    assert result["features"] == 20
    assert result["pages"] == (4 if page_size == 6 else 1)  # 6 + 6 + 6 + 2
    got_ds, source_ds = ogr.Open(str(tmp_path / "c.gpkg")), ogr.Open(str(sample_data["communes"]))
    got, source = got_ds.GetLayer(0), source_ds.GetLayer(0)
    areas = {f["INSEE_COM"]: f.GetGeometryRef().GetArea() for f in source}
    assert sorted(f["INSEE_COM"] for f in got) == sorted(areas)
    got.ResetReading()
    for feature in got:
        assert feature.GetGeometryRef().GetArea() == pytest.approx(areas[feature["INSEE_COM"]], rel=1e-6)


def test_request_format_by_version():
    from dataterra.dataterra_plugin.ogc.core.wcs import request_format

    assert request_format("GeoTIFF", "1.0.0", ["GEOTIFF"]) == "GEOTIFF"  # MapServer's OUTPUTFORMAT name
    assert request_format("GeoTIFF", "1.0.0", ["GTiff_float", "PNG"]) == "GTiff_float"
    assert request_format("GeoTIFF", "1.0.0", ["GeoTIFF"]) == "GeoTIFF"  # QGIS Server
    assert request_format("GeoTIFF", "1.1.1", ["image/tiff"]) == "image/tiff"
    assert request_format("GeoTIFF", "2.0.1") == "image/tiff"  # 2.0 DescribeCoverage lists no format
    assert request_format("application/x-netcdf", "2.0.1") == "application/x-netcdf"
    assert request_format("image/png", "1.0.0", ["GEOTIFF"]) == "image/png"  # the server will say no


@pytest.mark.parametrize("version", VERSIONS)
def test_crs_not_native_matches_gdal_warp(mapserver, version, tmp_path):
    # Web Mercator: WCS 1.0.0 and 1.1 DescribeCoverage offer only EPSG:2154, so native pixels
    # are downloaded and warped here; WCS 2.0.1 DescribeCoverage lists no CRS, so MapServer
    # is asked for EPSG:3857 and warps itself. Either way: GDAL's nearest-neighbour warp of
    # the source on the same grid.
    extent = (375000.0, 5395000.0, 385000.0, 5405000.0)
    result = download_coverage(mapserver["url"], "multiband", extent, "EPSG:3857", 100.0, tmp_path / "m.tif",
                               version=version, output_format="image/tiff", reproject=True)
    assert result.get("reprojected_from") == (None if version == "2.0.1" else "EPSG:2154")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tif"]
    got = gdal.Open(str(tmp_path / "m.tif"))
    assert got.GetGeoTransform() == (375000.0, 100.0, 0.0, 5405000.0, 0.0, -100.0)
    assert got.GetSpatialRef().GetAuthorityCode(None) == "3857"
    reference = gdal.Warp("/vsimem/mapserver_reference.tif", str(mapserver["raster"]), dstSRS="EPSG:3857",
                          outputBounds=result["bbox"], xRes=100.0, yRes=100.0, resampleAlg="near")
    try:
        np.testing.assert_array_equal(got.ReadAsArray(), reference.ReadAsArray())
    finally:
        reference = None
        gdal.Unlink("/vsimem/mapserver_reference.tif")
