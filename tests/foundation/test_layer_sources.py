"""The one comparison of layer sources (dataterra_plugin/layer_sources.py): the same layer is
recognised under every spelling of its path, and another layer of the same file is not."""
import os
import sys

import pytest
from osgeo import ogr

from dataterra.dataterra_plugin.layer_sources import loaded_layer, same_layer_source


@pytest.fixture
def two_layer_gpkg(tmp_path):
    """<tmp>/data/two.gpkg with layers "first" and "second", a link <tmp>/link -> data."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "two.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name in ("first", "second"):
        dataset.CreateLayer(name, geom_type=ogr.wkbPolygon)
    dataset = None
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    return path


def test_every_spelling_of_the_path_is_the_same_layer(two_layer_gpkg, tmp_path, monkeypatch):
    loaded = f"{two_layer_gpkg}|layername=first"
    monkeypatch.chdir(tmp_path / "data")
    spellings = ["two.gpkg|layername=first",  # relative to the current folder
                 f"{tmp_path}/data/./two.gpkg|layername=first",
                 f"{tmp_path}/link/../data/two.gpkg|layername=first",
                 f"{tmp_path}/link/two.gpkg|layername=first",  # through the symbolic link
                 f"{tmp_path}/data//two.gpkg/|layername=first",  # doubled and trailing separators
                 f"{two_layer_gpkg}|layerid=0",
                 str(two_layer_gpkg),  # no layer named: OGR opens the first one
                 f"{tmp_path}/link/two.gpkg"]
    for spelling in spellings:
        assert same_layer_source(loaded, spelling), spelling
        assert same_layer_source(spelling, loaded), spelling


def test_another_layer_or_filter_of_the_same_file_is_another_layer(two_layer_gpkg, tmp_path):
    link = f"{tmp_path}/link/two.gpkg"
    assert not same_layer_source(f"{two_layer_gpkg}|layername=second", link)
    assert not same_layer_source(f"{two_layer_gpkg}|layername=second", f"{link}|layername=first")
    assert not same_layer_source(f"{two_layer_gpkg}|layerid=1", f"{link}|layername=first")
    assert same_layer_source(f"{two_layer_gpkg}|layerid=1", f"{link}|layername=second")
    assert not same_layer_source(f"{two_layer_gpkg}|layername=first|subset=\"id\" = 1", f"{link}|layername=first")
    assert same_layer_source(f"{two_layer_gpkg}|layername=first|subset=\"a\" = '|'",
                             f"{link}|subset=\"a\" = '|'")
    assert not same_layer_source(str(two_layer_gpkg), str(tmp_path / "data" / "other.gpkg"))


def test_sources_that_are_not_files_must_be_equal():
    wms = "crs=EPSG:2154&format=image/png&layers=a&styles=&url=https://127.0.0.1/wms"
    assert same_layer_source(wms, wms)
    assert not same_layer_source(wms, wms.replace("layers=a", "layers=b"))
    assert not same_layer_source("memory:Polygon", "memory:Polygon?crs=EPSG:2154")


@pytest.mark.skipif(sys.platform != "win32", reason="paths differ by case only on Windows")
def test_case_is_ignored_on_windows(two_layer_gpkg):
    assert same_layer_source(str(two_layer_gpkg), str(two_layer_gpkg).upper())


def test_case_matters_elsewhere(two_layer_gpkg):
    if os.path.exists(str(two_layer_gpkg).upper()):
        pytest.skip("case-insensitive file system")
    assert not same_layer_source(str(two_layer_gpkg), str(two_layer_gpkg).upper())


class Layer:
    def __init__(self, source):
        self._source = source

    def source(self):
        return self._source


def test_the_loaded_layer_is_found_by_any_spelling(two_layer_gpkg, tmp_path):
    layers = [Layer(f"{two_layer_gpkg}|layername=second"), Layer(f"{two_layer_gpkg}|layername=first")]
    assert loaded_layer(f"{tmp_path}/link/two.gpkg", layers) is layers[1]
    assert loaded_layer(f"{tmp_path}/link/two.gpkg|layerid=1", layers) is layers[0]
    assert loaded_layer(str(tmp_path / "data" / "three.gpkg"), layers) is None
