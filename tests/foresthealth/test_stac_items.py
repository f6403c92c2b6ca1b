"""Catalogue items read by windows over HTTP (foresthealth.core.stac_items), against a loopback
STAC server serving tiled GeoTIFF assets with byte ranges."""
import gc
import json
import re
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from dataterra.dataterra_plugin.net.core.transport import UrllibTransport
from dataterra.foresthealth.core import products as s2, series, stac_items
from dataterra.foresthealth.core.synthetic import write_theia_series
from dataterra.rasterblocks.io import Window
from tests.support.replay_http import ReplayServer

TILED = ("TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=64", "COMPRESS=DEFLATE")


class FileServer(ReplayServer):
    """Serves the files under ``root`` with HTTP Range (206), and STAC items at /items."""

    def __init__(self, root):
        super().__init__()
        self.root = Path(root)
        self.items = {"type": "FeatureCollection", "features": []}

    def answer(self, request):
        if request["path"] == "/items":
            return 200, {"Content-Type": "application/geo+json"}, json.dumps(self.items).encode()
        data = (self.root / request["path"].lstrip("/")).read_bytes()
        ranged = re.fullmatch(r"bytes=(\d+)-(\d+)", request["headers"].get("Range", ""))
        if not ranged:
            return 200, {"Content-Type": "image/tiff"}, data
        start, end = int(ranged.group(1)), min(int(ranged.group(2)), len(data) - 1)
        return 206, {"Content-Type": "image/tiff", "Content-Range": f"bytes {start}-{end}/{len(data)}"}, \
            data[start:end + 1]


def stac_features(server, folder, root=None):
    """One STAC item per THEIA product of ``folder`` (served from ``root``, default ``folder``):
    assets keyed by band, titled in words."""
    features, root = [], root or folder
    for product in s2.find_products(folder):
        assets = {band: {"href": f"{server.url}/{Path(path).relative_to(root).as_posix()}",
                         "type": "image/tiff; application=geotiff; profile=cloud-optimized", "roles": ["data"]}
                  for band, path in product.bands.items()}
        assets["B2"]["title"] = "Blue (band 2) - 10m"
        assets["CLM"] = {"href": f"{server.url}/{Path(product.cloud_mask).relative_to(root).as_posix()}",
                         "roles": ["data"]}
        features.append({"type": "Feature", "id": product.name, "properties": {"datetime": f"{product.date}T10:55:00Z"},
                         "geometry": None, "assets": assets, "links": []})
    return features


@pytest.fixture()
def random_series(tmp_path):
    """Three dates of 512 × 512 px of random reflectances, tiled 64 × 64 and compressed."""
    rng = np.random.default_rng(7)
    names = [f"SENTINEL2A_2018060{d}-105500-000_L2A_T31UFQ_D_V1-1" for d in (1, 4, 6)]
    bands10 = rng.integers(-10000, 5000, (3, 4, 512, 512)).astype(np.int16)
    bands20 = rng.integers(-10000, 5000, (3, 3, 256, 256)).astype(np.int16)
    clm = rng.integers(0, 3, (3, 256, 256)).astype(np.uint8)
    return write_theia_series(tmp_path / "products", names, bands10, bands20, clm,
                              (600000.0, 10.0, 0.0, 5400000.0, 0.0, -10.0), options=TILED)


def test_windows_read_over_http_equal_the_local_files_with_a_small_share_of_their_bytes(random_series):
    server = FileServer(random_series)
    try:
        source = stac_items.StacProducts(stac_features(server, random_series), UrllibTransport())
        grid = source.grid()
        assert (grid.width, grid.height) == (512, 512)
        # 40 × 40 px from column 201, row 151 (pixel centres inside)
        extent = (602010.0, 5398090.0, 602410.0, 5398490.0)
        window = grid.window_of_extent(extent)
        assert window == Window(201, 151, 40, 40)
        remote = source.products(extent)
        local = s2.find_products(random_series)
        assert [p.date for p in remote] == [p.date for p in local] == ["2018-06-01", "2018-06-04", "2018-06-06"]
        halo = Window(window.col - 3, window.row - 3, window.width + 6, window.height + 6)
        bands = ("B2", "B3", "B4", "B8", "B8A", "B11", "B12")
        for near, far in zip(local, remote):
            assert set(far.bands) == set(bands) and far.layout == "theia"
            for read_window in (window, halo):
                expected = s2.read_bands([near], bands, read_window, grid)
                found = s2.read_bands([far], bands, read_window, grid)
                for band in bands:
                    np.testing.assert_array_equal(found[band], expected[band])
                np.testing.assert_array_equal(s2.read_cloud_mask([far], read_window, grid),
                                              s2.read_cloud_mask([near], read_window, grid))
        # the first tiles of a file lie partly in its 16 KiB header read: the regions overlap
        corner = source.products((600000.0, 5399600.0, 600400.0, 5400000.0))
        first = Window(0, 0, 40, 40)
        for near, far in zip(local, corner):
            for band in bands:
                np.testing.assert_array_equal(s2.read_bands([far], (band,), first, grid)[band],
                                              s2.read_bands([near], (band,), first, grid)[band])
        del corner
        traffic = source.traffic
        files = sum(p.stat().st_size for p in random_series.rglob("*.tif"))
        assert traffic.files_total == files
        # 24 files of ~0.5 MB (10 m) or ~0.13 MB (20 m): header plus at most 2 × 2 tiles each
        assert traffic.received < 0.12 * files, (traffic.received, files)
        assert all(r["headers"].get("Range") for r in server.requests)
        # the fetched bytes are released once the source and its products are gone
        held = list(source.vsimem_files)
        assert held and all(gdal.VSIStatL(path) is not None for path in held)
        del source, remote, near, far
        gc.collect()
        assert all(gdal.VSIStatL(path) is None for path in held)
    finally:
        server.close()


def test_server_without_ranges_is_refused_before_any_full_download(random_series):
    server = FileServer(random_series)
    server.answer = lambda request: (200, {"Content-Type": "image/tiff"}, b"II*\x00" + b"\x00" * 100)
    try:
        feature = {"type": "Feature", "id": "x", "properties": {"datetime": "2018-06-01T10:00:00Z"},
                   "assets": {"B2": {"href": f"{server.url}/a.tif"}, "CLM": {"href": f"{server.url}/m.tif"}}}
        source = stac_items.StacProducts([feature], UrllibTransport())
        with pytest.raises(s2.ProductError, match="HTTP 200 to a byte-range request"):
            source.grid()
    finally:
        server.close()


def test_items_of_another_tile_are_left_out(random_series, tmp_path):
    rng = np.random.default_rng(3)
    other = write_theia_series(tmp_path / "other", ["SENTINEL2B_20180602-105500-000_L2A_T31UGQ_D_V1-1"],
                               rng.integers(0, 5000, (1, 4, 128, 128)).astype(np.int16),
                               rng.integers(0, 5000, (1, 3, 64, 64)).astype(np.int16),
                               np.zeros((1, 64, 64), np.uint8), (700000.0, 10.0, 0.0, 5400000.0, 0.0, -10.0),
                               options=TILED)
    server = FileServer(tmp_path)
    try:
        features = stac_features(server, random_series, tmp_path) + stac_features(server, other, tmp_path)
        source = stac_items.StacProducts(features[:1] + features[3:] + features[1:3], UrllibTransport())
        assert source.grid().geotransform[0] == 600000.0  # the tile of three items out of four
        products = source.products((602010.0, 5398090.0, 602410.0, 5398490.0))
        assert [p.date for p in products] == ["2018-06-01", "2018-06-04", "2018-06-06"]
        assert source.skipped == ["SENTINEL2B_20180602-105500-000_L2A_T31UGQ_D_V1-1"]
    finally:
        server.close()


def test_sen2cor_items_offset_and_geotiff_before_jpeg2000(random_series):
    server = FileServer(random_series)
    try:
        features = stac_features(server, random_series)
        for feature, date in zip(features, ("2022-01-24", "2022-01-25", "2022-02-10")):
            assets = feature["assets"]
            feature["properties"]["datetime"] = f"{date}T10:55:00Z"
            feature["assets"] = {"blue-jp2": {"href": f"{server.url}/B02.jp2", "title": "Blue (band 2) - 10m"},
                                 **{k: v for k, v in assets.items() if k != "CLM"},
                                 "scl": {"href": assets["CLM"]["href"], "title": "Scene classification map (SCL)"}}
        source = stac_items.StacProducts(features, UrllibTransport())
        assert source.items[0].assets["B2"].endswith("_FRE_B2.tif")
        extent = (602010.0, 5398090.0, 602410.0, 5398490.0)
        products = source.products(extent, sen2cor_offset=True)
        assert [(p.layout, p.offset) for p in products] == [("sen2cor", 0), ("sen2cor", 1000), ("sen2cor", 1000)]
        assert [p.offset for p in source.products(extent)] == [0, 0, 0]
        grid, window = source.grid(), Window(201, 151, 40, 40)
        raw = s2.read_on_grid(products[1].bands["B4"], window, grid)
        shifted = s2.read_bands([products[1]], ("B4",), window, grid)["B4"]
        np.testing.assert_array_equal(shifted[raw != 0], raw[raw != 0].astype(np.int32) - 1000)
        # SCL semantics: clear only where the class is 4 or 5
        np.testing.assert_array_equal(s2.read_cloud_mask([products[1]], window, grid),
                                      ~np.isin(s2.read_on_grid(products[1].cloud_mask, window, grid), (4, 5)))
    finally:
        server.close()


def test_hub_credentials_go_with_every_range_request(random_series, tmp_path):
    """Items of a hub: its API key header and its link signer, as the catalogue's downloads."""
    server = FileServer(random_series)
    serve = server.answer

    def guarded(request):
        headers = {k.lower(): v for k, v in request["headers"].items()}
        if request["path"].endswith(".tif") and (headers.get("x-api-key") != "key" or
                                                 request["query"].get("sig") != ["ok"]):
            return 403, {"Content-Type": "text/plain"}, b"forbidden"
        return serve(request)

    server.answer = guarded
    try:
        from dataterra.dataterra_plugin.catalog.core.model import Record
        items = tmp_path / "items.json"
        records = [stac_items.StacProducts([f], None).records()[0] for f in stac_features(server, random_series)]
        stac_items.write_items_file([Record(**{**r.__dict__, "source": "hub1"}) for r in records], items)
        features = stac_items.read_items_file(items)
        asked = []

        def access(hub):
            asked.append(hub)
            return {"X-API-Key": "key"}, lambda url, transport: url + "?sig=ok"

        source = stac_items.StacProducts(features, UrllibTransport(), access)
        products = source.products((602010.0, 5398090.0, 602410.0, 5398490.0))
        assert len(products) == 3 and set(asked) == {"hub1"}
        assert s2.read_bands(products[:1], ("B4",), Window(201, 151, 40, 40), source.grid())["B4"].any()
        with pytest.raises(s2.ProductError, match="HTTP 403"):
            stac_items.StacProducts(features, UrllibTransport()).grid()
    finally:
        server.close()


def test_missing_asset_says_which(random_series):
    server = FileServer(random_series)
    try:
        feature = {"type": "Feature", "id": "x", "properties": {"datetime": "2018-06-01T10:00:00Z"},
                   "assets": {"B2": {"href": f"{server.url}/gone.tif"}, "CLM": {"href": f"{server.url}/m.tif"}}}
        server.answer = lambda request: (404, {"Content-Type": "text/plain"}, b"no such file")
        with pytest.raises(s2.ProductError, match=r"Cannot read http://127.0.0.1:\d+/gone.tif: .* HTTP 404"):
            stac_items.StacProducts([feature], UrllibTransport()).grid()
    finally:
        server.close()


@pytest.mark.parametrize(("title", "href", "role"), [
    ("B8A", "x.tif", "B8A"), ("Blue (band 2) - 10m", "x.tif", "B2"), ("swir16", "x.tif", "B11"),
    ("", "https://h/S2_FRE_B12.tif", "B12"), ("", "https://h/MASKS/S_CLM_R2.tif", "CLM"),
    ("SCL", "x.jp2", "SCL"), ("thumbnail", "https://h/q.jpg", None), ("", "https://h/S2_SRE_B4.tif", None),
])
def test_asset_roles(title, href, role):
    from dataterra.dataterra_plugin.catalog.core.model import Link
    assert stac_items.asset_role(Link(href, title=title)) == role


@pytest.fixture(scope="module")
def tiled_shared(tmp_path_factory):
    """The shared 60 × 60 px, 165-date series tiled 16 × 16, served with its STAC items."""
    data = np.load(Path(__file__).resolve().parent.parent / "data" / "foresthealth" / "series.npz")
    folder = write_theia_series(tmp_path_factory.mktemp("tiled") / "products", [str(n) for n in data["names"]],
                                data["bands10"], data["bands20"], data["clm"], data["geotransform"],
                                int(data["epsg"]), options=("TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"))
    server = FileServer(folder)
    server.items["features"] = stac_features(server, folder)
    x0, y0 = data["geotransform"][0], data["geotransform"][3]
    yield folder, server, (x0 + 300, y0 - 500, x0 + 540, y0 - 300), int(data["epsg"])  # columns 30–53, rows 30–49
    server.close()


def test_detection_from_catalogue_items_equals_the_run_on_the_local_folder(tiled_shared, tmp_path):
    """A run over a 24 × 20 px area read from the catalogue items gives every state raster of
    the run on the local files (fordead's tutorial settings, cloudiness over the area)."""
    from tests.foresthealth.conftest import options_of, reference_run, settings_of
    folder, server, extent, _ = tiled_shared
    source = stac_items.StacProducts(server.items["features"], UrllibTransport())
    parameters = reference_run("A")
    plans = {}
    for name, products in (("local", folder), ("stac", source.products(extent))):
        options = options_of(parameters)
        options.cloudiness_in_area = True
        plans[name] = series.run(products, tmp_path / name, options, settings_of(parameters), extent=extent)
    assert plans["stac"].dates == plans["local"].dates and len(plans["local"].dates) > 20
    assert plans["stac"].window == Window(30, 30, 24, 20)
    for path in sorted((tmp_path / "local").glob("*.tif")):
        np.testing.assert_array_equal(gdal.Open(str(tmp_path / "stac" / path.name)).ReadAsArray(),
                                      gdal.Open(str(path)).ReadAsArray(), err_msg=path.name)
    assert (gdal.Open(str(tmp_path / "stac" / "state.tif")).ReadAsArray() == 1).any(), "dieback in the area"


def test_detection_algorithm_reads_an_items_file(dataterra_provider, tiled_shared, tmp_path):
    """forest_dieback_detection with STAC_ITEMS (QGIS network stack) gives the folder's run over
    the same area with the cloudiness over the area."""
    import processing

    folder, server, extent, epsg = tiled_shared
    items = tmp_path / "items.json"
    stac_items.write_items_file(stac_items.StacProducts(server.items["features"], None).records(), items)
    area = f"{extent[0]},{extent[2]},{extent[1]},{extent[3]} [EPSG:{epsg}]"
    tutorial = {"MASK_FORMULA": "B2 > 600 | (B3 == 0) | (B4 ==0)", "SOURCE_MASK": True, "CLOUD_LIMIT": 0.4,
                "EXTENT": area}
    stac = processing.run("dataterra:forest_dieback_detection", {"STAC_ITEMS": str(items), **tutorial,
                                                                   "STATE": str(tmp_path / "stac")})
    local = processing.run("dataterra:forest_dieback_detection", {"PRODUCTS": str(folder), **tutorial,
                                                                    "CLOUDINESS_IN_AREA": True,
                                                                    "STATE": str(tmp_path / "local")})
    assert stac["DATES"] == local["DATES"]
    for name in ("coeffs", "state", "first_date", "cum_diff"):
        np.testing.assert_array_equal(gdal.Open(str(tmp_path / "stac" / f"{name}.tif")).ReadAsArray(),
                                      gdal.Open(str(tmp_path / "local" / f"{name}.tif")).ReadAsArray())
    ranged = [r for r in server.requests if r["path"].endswith(".tif")]
    assert ranged and all(r["headers"].get("Range") for r in ranged)


def test_items_without_area_refused(dataterra_provider, tiled_shared, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    items = tmp_path / "items.json"
    stac_items.write_items_file(tiled_shared[1].items["features"], items)
    with pytest.raises(QgsProcessingException, match="area of interest"):
        processing.run("dataterra:forest_dieback_detection", {"STAC_ITEMS": str(items),
                                                              "STATE": str(tmp_path / "s")})
