"""Block-wise raster I/O shared by the cores: grids, CRS checks, atomic writes."""
import numpy as np
import pytest

from dataterra.rasterblocks import (
    RasterError,
    atomic_path,
    check_same_grid,
    create_like,
    iter_windows,
    open_raster,
    require_projected,
)


@pytest.fixture
def write_raster(geotiff):
    def write(path, array, epsg=2154, origin=(700000.0, 6300000.0), pixel=10.0, nodata=None):
        return geotiff(path, np.asarray(array, dtype=np.float32), pixel, origin, nodata, epsg)
    return write


def test_windows_cover_every_pixel_exactly_once():
    seen = np.zeros((1030, 2049), dtype=int)
    for window in iter_windows(2049, 1030, block=512):
        seen[window.slices] += 1
        assert window.width <= 512 and window.height <= 512
    assert (seen == 1).all()


def test_open_raster_reads_grid_nodata_and_blocks(tmp_path, write_raster):
    array = np.arange(12, dtype=np.float32).reshape(3, 4)
    info = open_raster(write_raster(tmp_path / "a.tif", array, nodata=5.0))
    assert (info.width, info.height, info.band_count) == (4, 3, 1)
    assert info.pixel_area == 100.0
    assert info.extent == (700000.0, 6299970.0, 700040.0, 6300000.0)
    assert info.nodata == [5.0]
    block = info.read()
    np.testing.assert_array_equal(block, array)
    assert info.valid_mask(block).sum() == 11


def test_geographic_crs_is_refused_with_advice(tmp_path, write_raster):
    info = open_raster(write_raster(tmp_path / "geo.tif", np.zeros((2, 2), np.float32), epsg=4326,
                                    origin=(3.0, 43.6), pixel=0.001))
    with pytest.raises(RasterError, match="geographic CRS.*Reproject"):
        require_projected(info)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(RasterError, match="not found.*nothing.tif"):
        open_raster(tmp_path / "nothing.tif")


def test_grid_differences_are_named(tmp_path, write_raster):
    a = open_raster(write_raster(tmp_path / "a.tif", np.zeros((5, 5), np.float32)))
    b = open_raster(write_raster(tmp_path / "b.tif", np.zeros((5, 5), np.float32), pixel=20.0))
    c = open_raster(write_raster(tmp_path / "c.tif", np.zeros((5, 5), np.float32), epsg=32631))
    assert check_same_grid(a, a) == []
    assert check_same_grid(a, b) == ["origin or pixel size"]
    assert "coordinate reference system" in check_same_grid(a, c)


def test_atomic_path_renames_on_success_and_leaves_nothing_on_error(tmp_path, write_raster):
    like = open_raster(write_raster(tmp_path / "like.tif", np.ones((4, 4), np.float32)))
    final = tmp_path / "out" / "result.tif"
    with pytest.raises(ValueError):
        with atomic_path(final) as temporary:
            ds = create_like(temporary, like, np.float32, nodata=-1)
            ds.GetRasterBand(1).WriteArray(np.full((4, 4), 7, np.float32))
            ds = None
            raise ValueError("simulated failure halfway")
    assert list(final.parent.iterdir()) == []
    with atomic_path(final) as temporary:
        ds = create_like(temporary, like, np.uint16, nodata=0, descriptions=["class"])
        ds.GetRasterBand(1).WriteArray(np.full((4, 4), 3, np.uint16))
        ds = None
    written = open_raster(final)
    assert written.dtype == np.uint16 and written.nodata == [0.0]
    assert written.band_descriptions == ["class"]
    assert int(written.read().sum()) == 48
    assert [p.name for p in final.parent.iterdir()] == ["result.tif"]
