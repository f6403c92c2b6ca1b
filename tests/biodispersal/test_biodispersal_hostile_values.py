"""The rule for non-finite values (rasterblocks/values.py) in the connectivity algorithms,
through processing.run: −inf friction is refused by every algorithm that reads a friction,
a cost that overflows float32 is refused instead of written as inf; nothing is written."""
import numpy as np
import pytest


@pytest.fixture
def landscape(raster_writer):
    """Two habitat patches on a 20 x 30 grid and a friction of 1..5."""
    patches = np.zeros((20, 30), dtype=np.int32)
    patches[2:4, 2:4] = 1
    patches[15:17, 25:27] = 1
    friction = np.random.default_rng(5).uniform(1, 5, (20, 30)).astype(np.float32)
    return patches, friction, raster_writer("patches.tif", patches)


def refused(algorithm, parameters):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, parameters)
    return str(raised.value)


def algorithm_parameters(algorithm, patches_path, friction_path, tmp_path):
    return {
        "dataterra:cost_distance": {"SOURCES": patches_path, "FRICTION": friction_path,
                                    "OUTPUT": str(tmp_path / "out.tif")},
        "dataterra:least_cost_corridors": {"PATCHES": patches_path, "FRICTION": friction_path, "PAIRS": "",
                                           "OUTPUT_PATHS": str(tmp_path / "out.gpkg"),
                                           "OUTPUT_CORRIDORS": str(tmp_path / "out.tif")},
        "dataterra:connectivity_graph": {"PATCHES": patches_path, "FRICTION": friction_path, "DISTANCE_50": 50.0,
                                         "OUTPUT_NODES": str(tmp_path / "out.gpkg"),
                                         "OUTPUT_EDGES": str(tmp_path / "edges.gpkg")},
    }[algorithm]


@pytest.mark.parametrize("algorithm", ["dataterra:cost_distance", "dataterra:least_cost_corridors",
                                       "dataterra:connectivity_graph"])
@pytest.mark.parametrize("bad", [-np.inf, -5.0])
def test_minus_infinite_and_negative_friction_are_refused_by_every_algorithm(dataterra_provider, landscape,
                                                                             raster_writer, tmp_path, algorithm,
                                                                             bad):
    patches, friction, patches_path = landscape
    friction[9:12, 14] = bad
    friction_path = raster_writer("friction.tif", friction, nodata=-9999)
    message = refused(algorithm, algorithm_parameters(algorithm, patches_path, friction_path, tmp_path))
    assert f"The friction raster has 3 cell(s) with a negative friction (minimum {bad:g})" in message
    assert not list(tmp_path.glob("out*")) and not list(tmp_path.glob("edges*"))


def test_costs_beyond_float32_are_refused_not_written_as_inf(dataterra_provider, landscape, raster_writer, tmp_path):
    patches, _, patches_path = landscape
    huge = np.full(patches.shape, 3e38, dtype=np.float32)  # two steps already cost 3e38 (mean x 1 cell)
    friction_path = raster_writer("friction.tif", huge, nodata=-9999)
    message = refused("dataterra:cost_distance", algorithm_parameters("dataterra:cost_distance", patches_path,
                                                                       friction_path, tmp_path))
    # a step costs the mean friction x its length: 3e38 to the 8 orthogonal neighbours of each 2 x 2
    # patch; diagonal steps (4.2e38) and every second step (6e38) overflow: 600 - 2 x (4 + 8) cells
    assert "576 result cell(s) exceed the float32 range of the output" in message
    assert "the limit is 3.40282e+38" in message
    assert not (tmp_path / "out.tif").exists()


def test_plus_infinite_friction_stays_impassable(dataterra_provider, landscape, raster_writer, tmp_path, read_tif):
    """+inf is in the friction's domain (impassable, as nodata): accepted, the cell unreached."""
    patches, friction, patches_path = landscape
    friction[10, 10] = np.inf
    friction_path = raster_writer("friction.tif", friction, nodata=-9999)
    import processing

    result = processing.run("dataterra:cost_distance", algorithm_parameters("dataterra:cost_distance", patches_path,
                                                                            friction_path, tmp_path))
    cost = read_tif(result["OUTPUT"])
    assert np.isnan(cost[10, 10]) and np.isfinite(cost[10, 9]) and np.isfinite(cost[2, 2])
