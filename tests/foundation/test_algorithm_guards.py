"""The guard every Data Terra algorithm runs behind (algorithm_base.guarded): an output that
is one of the inputs, or that cannot be written, is refused before anything is computed,
with a message and no traceback; nothing appears under the output name."""
import os

import numpy as np
import pytest


@pytest.fixture
def friction(tmp_path, geotiff):
    values = np.random.default_rng(1).uniform(1, 20, (20, 30)).astype(np.float32)
    return geotiff(tmp_path / "friction.tif", values, nodata=-9999)


@pytest.fixture
def sources(tmp_path, geotiff):
    values = np.zeros((20, 30), dtype=np.int32)
    values[2, 3] = 1
    return geotiff(tmp_path / "sources.tif", values)


def run(algorithm, parameters):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, parameters)
    return str(raised.value)


def test_every_algorithm_runs_behind_the_guard(dataterra_provider):
    unguarded = [alg.id() for alg in dataterra_provider.algorithms()
                 if not getattr(type(alg).processAlgorithm, "guarded", False)]
    assert dataterra_provider.algorithms() and unguarded == []


@pytest.mark.parametrize("through", ["same path", "symbolic link", "hard link"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(dataterra_provider, friction, sources, tmp_path,
                                                                  through):
    original = open(friction, "rb").read()
    output = friction
    if through == "symbolic link":
        output = str(tmp_path / "link.tif")
        os.symlink(friction, output)
    elif through == "hard link":
        output = str(tmp_path / "hard.tif")
        os.link(friction, output)
    message = run("dataterra:cost_distance", {"SOURCES": sources, "FRICTION": friction, "OUTPUT": output})
    assert message == (f'The output "Accumulated cost" ({output}) is the input "Friction raster": writing it would '
                       "destroy the input. Choose another output file.")
    assert open(friction, "rb").read() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"friction.tif", "sources.tif",
                                                                  os.path.basename(output)})


def test_an_optional_output_that_is_an_input_is_refused(dataterra_provider, friction, sources, tmp_path):
    message = run("dataterra:cost_distance", {"SOURCES": sources, "FRICTION": friction,
                                              "OUTPUT": str(tmp_path / "cost.tif"), "OUTPUT_NEAREST": sources})
    assert '"Nearest source id"' in message and 'is the input "Sources (raster, points or polygons)"' in message
    assert not (tmp_path / "cost.tif").exists()


def test_a_species_raster_is_not_overwritten_by_its_diversity(dataterra_provider, tmp_path, geotiff):
    species = geotiff(tmp_path / "species.tif", np.arange(1, 401, dtype=np.uint16).reshape(20, 20) % 7 + 1)
    message = run("dataterra:alpha_diversity", {"INPUT": species, "WINDOW": 5, "OUTPUT": species})
    assert 'is the input "Spectral species (one band per iteration)"' in message


@pytest.mark.parametrize("where", ["below a file", "in /proc"])
def test_an_unwritable_output_folder_gets_a_message_not_a_traceback(dataterra_provider, friction, sources, tmp_path,
                                                                    where):
    if where == "below a file":
        (tmp_path / "a file").write_text("not a folder")
        folder = tmp_path / "a file" / "results"
    else:
        folder = "/proc/dataterra-results"  # refused even to root
    message = run("dataterra:cost_distance", {"SOURCES": sources, "FRICTION": friction,
                                              "OUTPUT": os.path.join(folder, "cost.tif")})
    assert message.startswith(f'The output "Accumulated cost" cannot be written in {folder} (')
    assert message.endswith("Choose a folder you can write to.") and "Traceback" not in message
    assert not os.path.exists(os.path.join(folder, "cost.tif"))


@pytest.mark.parametrize("selected_only", [False, True])
def test_a_feature_sink_over_its_feature_source_is_refused(dataterra_provider, tmp_path, geotiff, selected_only):
    from osgeo import ogr, osr
    from qgis.core import QgsProcessingFeatureSourceDefinition

    species = geotiff(tmp_path / "species.tif", np.ones((20, 20), dtype=np.uint16))
    plots = str(tmp_path / "plots.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(plots)
    layer = dataset.CreateLayer("plots", srs, ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (700050 6299950)"))
    layer.CreateFeature(feature)
    dataset = None
    size = os.path.getsize(plots)
    source = QgsProcessingFeatureSourceDefinition(plots, selected_only) if selected_only else plots
    message = run("dataterra:diversity_at_plots", {"INPUT": species, "PLOTS": source, "OUTPUT": plots,
                                                   "OUTPUT_MATRIX": "memory:"})
    assert f'The output "Diversity at plots" ({plots}) is the input "Field plots (polygons or points)"' in message
    assert os.path.getsize(plots) == size
