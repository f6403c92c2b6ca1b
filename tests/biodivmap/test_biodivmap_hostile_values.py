"""The rule for non-finite values (rasterblocks/values.py) in the biodiversity maps, through
processing.run: ±inf, negative, fractional or huge species labels and ±inf PCA scores are
refused with a message, an all-nodata PCA raster is refused as an all-nodata species raster
is; no OverflowError, no allocation of the label range; nothing under the output name. A
hostile spectral-species model file is refused before its arrays are allocated."""
import numpy as np
import pytest


def refused(algorithm, parameters):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, parameters)
    return str(raised.value)


def species_raster(geotiff, tmp_path, value, dtype=np.float32):
    labels = (np.arange(40 * 40).reshape(40, 40) % 5 + 1).astype(dtype)
    labels[7, 9] = value
    return geotiff(tmp_path / "species.tif", labels, nodata=0)


@pytest.mark.parametrize("value, dtype, shown", [
    (np.inf, np.float32, "inf"), (-np.inf, np.float32, "-inf"), (-3, np.int32, "-3"),
    (1e9, np.float32, "1e+09"), (2_000_000_000, np.int32, "2e+09"),
])
@pytest.mark.parametrize("algorithm", ["dataterra:alpha_diversity", "dataterra:beta_diversity"])
def test_labels_outside_the_species_range_are_refused(dataterra_provider, geotiff, tmp_path, algorithm, value,
                                                      dtype, shown):
    path = species_raster(geotiff, tmp_path, value, dtype)
    message = refused(algorithm, {"INPUT": path, "WINDOW": 4, "OUTPUT": str(tmp_path / "out.tif")})
    assert message == (f"The spectral-species raster {path} holds {shown} in band 1: species labels are whole "
                       "numbers from 1 to 65535 (0 or nodata: no species).")
    assert not (tmp_path / "out.tif").exists()


def test_fractional_labels_are_refused(dataterra_provider, geotiff, tmp_path):
    path = species_raster(geotiff, tmp_path, 2.5)
    message = refused("dataterra:alpha_diversity", {"INPUT": path, "WINDOW": 4, "OUTPUT": str(tmp_path / "out.tif")})
    assert message == f"The spectral-species raster {path} holds 2.5: species labels are whole numbers."
    assert not (tmp_path / "out.tif").exists()


def test_a_label_range_too_large_to_count_is_refused_before_allocating(dataterra_provider, geotiff, tmp_path):
    path = species_raster(geotiff, tmp_path, 60000, np.uint16)
    message = refused("dataterra:alpha_diversity", {"INPUT": path, "WINDOW": 2, "OUTPUT": str(tmp_path / "out.tif")})
    # 1e6 pixels per strip / 4 per window = 250,000 windows x 60,001 counts x (8 + 4 x 1 iteration) bytes
    assert f"counting that many species per window needs {250_000 * 60_001 * 12 / 1e9:.1f} GB" in message
    assert not (tmp_path / "out.tif").exists()


def test_nodata_other_than_zero_is_no_species(dataterra_provider, geotiff, tmp_path):
    """A species raster whose nodata is 65535 (not 0): those pixels count as no species."""
    import processing
    from osgeo import gdal

    labels = np.ones((20, 20), dtype=np.uint16)
    labels[:, 10:] = 65535
    path = geotiff(tmp_path / "species.tif", labels, nodata=65535)
    result = processing.run("dataterra:alpha_diversity", {"INPUT": path, "WINDOW": 10, "MIN_VALID": 0.5,
                                                          "OUTPUT": str(tmp_path / "alpha.tif")})
    alpha = gdal.Open(result["OUTPUT"])  # kept: a band must not outlive its dataset
    richness = alpha.GetRasterBand(1).ReadAsArray()
    assert richness.tolist() == [[1.0, -9999.0], [1.0, -9999.0]]  # left windows: one species; right: no data


def pca_raster(geotiff, tmp_path, values):
    from osgeo import gdal

    path = str(tmp_path / "pca.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 20, 20, 3, gdal.GDT_Float32)
    template = gdal.Open(geotiff(tmp_path / "grid.tif", np.zeros((20, 20), dtype=np.float32)))
    dataset.SetGeoTransform(template.GetGeoTransform())
    dataset.SetProjection(template.GetProjection())
    for band in range(3):
        dataset.GetRasterBand(band + 1).SetNoDataValue(-9999)
        dataset.GetRasterBand(band + 1).WriteArray(values[band])
    dataset = None
    return path


@pytest.mark.parametrize("value", [np.inf, -np.inf])
def test_infinite_pca_scores_are_refused(dataterra_provider, geotiff, tmp_path, value):
    values = np.random.default_rng(2).normal(size=(3, 20, 20)).astype(np.float32)
    values[1, 4, 4] = value
    path = pca_raster(geotiff, tmp_path, values)
    message = refused("dataterra:functional_diversity", {"INPUT": path, "WINDOW": 5,
                                                         "OUTPUT": str(tmp_path / "out.tif")})
    assert message == (f"The PCA raster {path} has 1 cell(s) holding {value:g}: infinite values are refused (use the "
                       "nodata value for cells without data).")
    assert not (tmp_path / "out.tif").exists()


def test_all_nodata_is_refused_by_functional_as_by_alpha_diversity(dataterra_provider, geotiff, tmp_path):
    pca = pca_raster(geotiff, tmp_path, np.full((3, 20, 20), -9999, dtype=np.float32))
    message = refused("dataterra:functional_diversity", {"INPUT": pca, "WINDOW": 5,
                                                         "OUTPUT": str(tmp_path / "functional.tif")})
    assert message == (f"No window of the PCA raster {pca} has enough valid pixels (every pixel is nodata or masked, "
                       "or MIN_VALID is too high): nothing to compute.")
    species = geotiff(tmp_path / "species.tif", np.zeros((20, 20), dtype=np.uint16), nodata=0)
    assert "holds no species" in refused("dataterra:alpha_diversity", {"INPUT": species, "WINDOW": 5,
                                                                       "OUTPUT": str(tmp_path / "alpha.tif")})
    assert not (tmp_path / "functional.tif").exists() and not (tmp_path / "alpha.tif").exists()


@pytest.mark.parametrize("value", [np.inf, -np.inf])
def test_infinite_reflectance_is_refused_by_spectral_species(dataterra_provider, tmp_path, value):
    from osgeo import gdal

    from dataterra.biodivmap.core import synthetic

    path = str(tmp_path / "scene.tif")
    synthetic.write_synthetic_scene(path, 60, 60, seed=4)
    dataset = gdal.Open(path, gdal.GA_Update)
    band = dataset.GetRasterBand(2)
    values = band.ReadAsArray()
    values[30, 30] = value
    band.WriteArray(values)
    dataset = None
    message = refused("dataterra:spectral_species", {"INPUT": path, "SENSOR": 2, "N_CLUSTERS": 4, "N_ITER": 1,
                                                      "COMPONENTS": 3, "OUTPUT": str(tmp_path / "species.tif")})
    assert message == (f"{path} has 1 cell(s) holding {value:g}: infinite values are refused (use the nodata value "
                       "for cells without data).")
    assert not (tmp_path / "species.tif").exists()


@pytest.mark.parametrize("algorithm, parameters", [
    ("dataterra:effective_mesh_size", {"GRID_SIZE": 100.0}),
    ("dataterra:alpha_diversity", {"WINDOW": 4}),
])
def test_infinite_class_codes_are_refused_as_labels_are(dataterra_provider, geotiff, tmp_path, algorithm, parameters):
    """The same rule in another area: a habitat raster holding +inf (fragscape)."""
    values = np.ones((40, 40), dtype=np.float32)
    values[3, 4] = np.inf
    path = geotiff(tmp_path / "habitat.tif", values, nodata=0)
    message = refused(algorithm, {"INPUT": path, "OUTPUT": str(tmp_path / "out.tif"), **parameters})
    assert "holding inf" in message or "holds inf" in message
    assert not (tmp_path / "out.tif").exists()


# ---------------------------------------------------------------------------- hostile model files


def npy_header(shape, dtype="<f8"):
    """The bytes numpy writes before an array's values (.npy format 1.0)."""
    import io

    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": dtype, "fortran_order": False, "shape": shape})
    return buffer.getvalue()


def hostile_model(tmp_path, write_centroids):
    """A saved model whose ``centroids.npy`` member is replaced by ``write_centroids(stream)``."""
    import zipfile

    from dataterra.biodivmap.core import spectral, synthetic

    scene = synthetic.write_synthetic_scene(tmp_path / "scene.tif", 30, 30, seed=2)
    spectral.spectral_species(scene["path"], str(tmp_path / "sp.tif"), str(tmp_path / "good.npz"),
                              n_clusters=4, n_iter=1, n_components=2, seed=1, sample_size=900)
    hostile = tmp_path / "hostile.npz"
    with zipfile.ZipFile(tmp_path / "good.npz") as good, zipfile.ZipFile(hostile, "w") as out:
        for member in good.infolist():
            if member.filename == "centroids.npy":
                with out.open(zipfile.ZipInfo("centroids.npy"), "w") as stream:
                    write_centroids(stream)
            else:
                out.writestr(member, good.read(member))
    return hostile


def refused_model(path):
    """The error message of loading ``path`` and the peak of Python allocations meanwhile (MB)."""
    import tracemalloc

    from dataterra.biodivmap.core import spectral
    from dataterra.rasterblocks import DataTerraError

    tracemalloc.start()
    try:
        with pytest.raises(DataTerraError) as raised:
            spectral.SpectralModel.load(path)
        return str(raised.value), tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_a_model_announcing_more_values_than_it_holds_is_refused_before_allocating(tmp_path):
    """An .npy header announcing 10¹² float64 values (8 TB) with 64 bytes behind it: numpy would
    allocate the announced array before reading."""
    path = hostile_model(tmp_path, lambda stream: stream.write(npy_header((10**6, 10**6)) + bytes(64)))
    message, peak_mb = refused_model(path)
    assert message.startswith(f"{path} is not a spectral-species model written by Data Terra (centroids.npy "
                              "announces (1000000, 1000000) values of float64, more than it holds)")
    assert peak_mb < 8


def test_a_model_that_unpacks_to_gigabytes_is_refused_unread(tmp_path):
    """A deflated member of 80 MiB of zeros (about 80 kB in the archive), more than a model's 64 MiB."""
    import zipfile

    def zeros(stream):
        stream.write(npy_header((10 * 2**20,)))
        for _ in range(80):
            stream.write(bytes(2**20))

    def deflated(tmp_path, write):
        path = hostile_model(tmp_path, write)
        with zipfile.ZipFile(path) as archive:  # rewritten deflated: small on disk, 80 MiB unpacked
            members = [(member, archive.read(member)) for member in archive.infolist()]
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for member, data in members:
                archive.writestr(member.filename, data)
        return path

    path = deflated(tmp_path, zeros)
    assert path.stat().st_size < 2**20
    message, peak_mb = refused_model(path)
    assert "unpacks to" in message and f"more than the {64 * 2**20} of a model" in message
    assert peak_mb < 8
