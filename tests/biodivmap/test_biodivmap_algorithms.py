"""The five biodivmap algorithms through processing.run and qgis_process."""
import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from scipy.spatial import ConvexHull
from sklearn.metrics import adjusted_rand_score

from dataterra.biodivmap.core import synthetic

ALGORITHMS = ("spectral_species", "alpha_diversity", "beta_diversity", "functional_diversity",
              "diversity_at_plots")


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


@pytest.fixture(scope="module")
def small_scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("biodivmap_alg")
    truth = synthetic.write_synthetic_scene(folder / "scene.tif", 100, 100, seed=4)
    truth["folder"] = folder
    return truth


@pytest.fixture
def species_run(small_scene, dataterra_provider, tmp_path):
    """Spectral species of the small scene through processing.run (fast: 100 × 100 pixels), with the
    Lloyd clustering on covariance PCA, which recovers the 8 true species (K = 8)."""
    import processing

    folder = tmp_path
    return processing.run("dataterra:spectral_species", {
        "INPUT": small_scene["path"], "SENSOR": 2, "N_CLUSTERS": 8, "N_ITER": 2, "COMPONENTS": 3, "SEED": 3,
        "CLUSTERING": 1, "PCA_TYPE": 1,
        "OUTPUT": str(folder / "species.tif"), "OUTPUT_PCA": str(folder / "pca.tif"),
        "OUTPUT_MASK": str(folder / "mask.tif"), "OUTPUT_MODEL": str(folder / "model.npz")})


def test_algorithms_registered_in_biodiversity_group(dataterra_provider):
    from qgis.core import QgsApplication

    for name in ALGORITHMS:
        algorithm = QgsApplication.processingRegistry().algorithmById(f"dataterra:{name}")
        assert algorithm is not None, name
        assert algorithm.groupId() == "biodiversity"
        assert len(algorithm.shortHelpString()) > 100
        assert algorithm.canExecute()[0]


def test_spectral_species_processing_run(small_scene, species_run):
    labels = read(species_run["OUTPUT"])
    assert labels.shape == (2, 100, 100)
    assert adjusted_rand_score(small_scene["labels"].ravel(), labels[0].ravel()) >= 0.9
    assert read(species_run["OUTPUT_PCA"]).shape == (3, 100, 100)
    assert read(species_run["OUTPUT_MASK"]).min() == 1


def test_spectral_species_applies_a_saved_model(small_scene, species_run, tmp_path):
    import processing

    result = processing.run("dataterra:spectral_species", {
        "INPUT": small_scene["path"], "MODEL": species_run["OUTPUT_MODEL"], "OUTPUT": str(tmp_path / "again.tif")})
    np.testing.assert_array_equal(read(result["OUTPUT"]), read(species_run["OUTPUT"]))


def test_spectral_species_wrong_preset_message(small_scene, dataterra_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="10 bands but the SPOT 6-7"):
        processing.run("dataterra:spectral_species", {"INPUT": small_scene["path"], "SENSOR": 3,
                                                      "OUTPUT": str(tmp_path / "x.tif")})
    assert list(tmp_path.iterdir()) == []


def test_alpha_beta_functional_processing_run(small_scene, species_run, tmp_path):
    import processing

    alpha = processing.run("dataterra:alpha_diversity", {"INPUT": species_run["OUTPUT"], "WINDOW": 10,
                                                         "OUTPUT": str(tmp_path / "alpha.tif")})
    values = read(alpha["OUTPUT"])
    assert values.shape == (10, 10, 10)
    truth = small_scene["richness"][::10, ::10]
    assert values[0][truth == 1].mean() < values[0][truth == 2].mean() < values[0][truth == 8].mean()
    beta = processing.run("dataterra:beta_diversity", {"INPUT": species_run["OUTPUT"], "WINDOW": 10,
                                                       "N_SAMPLES": 40, "OUTPUT": str(tmp_path / "beta.tif")})
    assert read(beta["OUTPUT"]).shape == (3, 10, 10)
    functional = processing.run("dataterra:functional_diversity", {
        "INPUT": species_run["OUTPUT_PCA"], "MASK": species_run["OUTPUT_MASK"], "WINDOW": 10,
        "OUTPUT": str(tmp_path / "fun.tif")})
    fun = read(functional["OUTPUT"])
    assert fun.shape == (3, 10, 10) and (fun[0] >= 0).all()


def _plots(path, crs_epsg=2154):
    """Two square plots (polygons) over the 1-species and the 8-species regions."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(crs_epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("plots", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    x0, y0 = synthetic.ORIGIN_L93
    for name, col in (("poor", 5), ("rich", 85)):
        # 10 × 10 pixels from column col, rows 20..29 (10 m pixels)
        xa, xb, ya, yb = x0 + col * 10, x0 + (col + 10) * 10, y0 - 200, y0 - 300
        ring = f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))"
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def test_diversity_at_plots_processing_run(species_run, tmp_path):
    import processing
    from scipy.spatial.distance import braycurtis

    plots = _plots(tmp_path / "plots.gpkg")
    result = processing.run("dataterra:diversity_at_plots", {
        "INPUT": species_run["OUTPUT"], "PLOTS": plots, "ID_FIELD": "name", "PCELIM": 0.0,
        "PCA": species_run["OUTPUT_PCA"], "OUTPUT": "memory:", "OUTPUT_MATRIX": "memory:"})
    rows = {f["plot_id"]: f for f in result["OUTPUT"].getFeatures()}
    labels = read(species_run["OUTPUT"])
    poor = labels[:, 20:30, 5:15]
    rich = labels[:, 20:30, 85:95]
    assert rows["poor"]["valid_px"] == 100
    assert rows["poor"]["richness_mean"] == pytest.approx(np.mean([len(np.unique(b)) for b in poor]))
    assert rows["rich"]["richness_mean"] == pytest.approx(np.mean([len(np.unique(b)) for b in rich]))
    pca = read(species_run["OUTPUT_PCA"])[:3, 20:30, 85:95].reshape(3, -1).T
    assert rows["rich"]["FRic"] == pytest.approx(ConvexHull(pca).volume, rel=1e-5)
    pairs = list(result["OUTPUT_MATRIX"].getFeatures())
    assert len(pairs) == 1
    expected = np.mean([braycurtis(np.bincount(p.ravel(), minlength=9)[1:], np.bincount(r.ravel(), minlength=9)[1:])
                        for p, r in zip(poor, rich)])
    assert pairs[0]["bray_curtis"] == pytest.approx(expected)


def test_qgis_process_chain_equals_processing_run(run_qgis_process, small_scene, species_run, tmp_path):
    """The whole chain through qgis_process gives the same arrays as processing.run with the same SEED."""
    import processing

    species = tmp_path / "species.tif"
    out = run_qgis_process("dataterra:spectral_species", {  # the parameters of the species_run fixture
        "INPUT": small_scene["path"], "SENSOR": 2, "N_CLUSTERS": 8, "N_ITER": 2, "COMPONENTS": 3, "SEED": 3,
        "CLUSTERING": 1, "PCA_TYPE": 1,
        "OUTPUT": species, "OUTPUT_PCA": tmp_path / "pca.tif", "OUTPUT_MASK": tmp_path / "mask.tif",
        "OUTPUT_MODEL": tmp_path / "model.npz"})
    assert out["results"]["OUTPUT"] == str(species)
    assert adjusted_rand_score(small_scene["labels"].ravel(), read(species)[0].ravel()) >= 0.9
    for key, path in (("OUTPUT", species), ("OUTPUT_PCA", tmp_path / "pca.tif"),
                      ("OUTPUT_MASK", tmp_path / "mask.tif")):
        np.testing.assert_array_equal(read(path), read(species_run[key]), err_msg=key)
    with np.load(tmp_path / "model.npz") as a, np.load(species_run["OUTPUT_MODEL"]) as b:
        for key in a.files:
            np.testing.assert_array_equal(a[key], b[key], err_msg=key)

    here = tmp_path / "in_process"
    steps = [("alpha_diversity", {"INPUT": species, "WINDOW": 10}, (10, 10, 10)),
             ("beta_diversity", {"INPUT": species, "N_SAMPLES": 30, "SEED": 5}, (3, 10, 10)),
             ("functional_diversity", {"INPUT": tmp_path / "pca.tif", "MASK": tmp_path / "mask.tif"}, (3, 10, 10))]
    for name, parameters, shape in steps:
        run_qgis_process(f"dataterra:{name}", {**parameters, "OUTPUT": tmp_path / f"{name}.tif"})
        expected = processing.run(f"dataterra:{name}", {**{k: str(v) for k, v in parameters.items()},
                                                        "OUTPUT": str(here / f"{name}.tif")})
        assert read(tmp_path / f"{name}.tif").shape == shape
        np.testing.assert_array_equal(read(tmp_path / f"{name}.tif"), read(expected["OUTPUT"]), err_msg=name)

    plots = _plots(tmp_path / "plots.gpkg")
    run_qgis_process("dataterra:diversity_at_plots", {
        "INPUT": species, "PLOTS": plots, "ID_FIELD": "name", "PCA": tmp_path / "pca.tif",
        "OUTPUT": tmp_path / "plots_out.gpkg", "OUTPUT_MATRIX": tmp_path / "matrix.csv"})
    expected = processing.run("dataterra:diversity_at_plots", {
        "INPUT": str(species), "PLOTS": plots, "ID_FIELD": "name", "PCA": str(tmp_path / "pca.tif"),
        "OUTPUT": "memory:", "OUTPUT_MATRIX": "memory:"})
    written = ogr.Open(str(tmp_path / "plots_out.gpkg"))  # keep alive while the layer is used
    layer = written.GetLayer(0)
    assert layer.GetFeatureCount() == 2
    got = {f.GetField("plot_id"): f for f in layer}
    for feature in expected["OUTPUT"].getFeatures():
        row = got[feature["plot_id"]]
        for field in feature.fields().names():
            if field not in ("fid", "plot_id"):
                np.testing.assert_equal(row.GetField(field), feature[field], err_msg=field)
    lines = (tmp_path / "matrix.csv").read_text().splitlines()
    assert len(lines) == 2  # header + one pair
    pair = next(iter(expected["OUTPUT_MATRIX"].getFeatures()))
    assert float(lines[1].split(",")[-1]) == pytest.approx(pair["bray_curtis"], rel=1e-12)


def test_qgis_process_reports_window_too_large(run_qgis_process, tmp_path, small_scene):
    species = tmp_path / "species.tif"
    run_qgis_process("dataterra:spectral_species", {
        "INPUT": small_scene["path"], "SENSOR": 2, "N_CLUSTERS": 8, "N_ITER": 1, "OUTPUT": species})
    done = run_qgis_process("dataterra:alpha_diversity", {"INPUT": species, "WINDOW": 500,
                                                          "OUTPUT": tmp_path / "a.tif"}, expect_success=False)
    assert done.returncode != 0
    assert "larger than the image" in done.stdout + done.stderr
    assert not (tmp_path / "a.tif").exists()


def test_cancel_through_processing_writes_nothing(small_scene, dataterra_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda percent: percent > 20 and feedback.cancel())
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="Cancelled by the user: no output was written"):
        processing.run("dataterra:spectral_species", {
            "INPUT": small_scene["path"], "SENSOR": 2, "N_CLUSTERS": 8, "N_ITER": 2, "SEED": 3,
            "OUTPUT": str(out / "species.tif"), "OUTPUT_PCA": str(out / "pca.tif"),
            "OUTPUT_MASK": str(out / "mask.tif"), "OUTPUT_MODEL": str(out / "model.npz")}, feedback=feedback)
    assert feedback.isCanceled()
    assert not out.exists() or list(out.iterdir()) == []


def test_bad_input_message_through_processing(dataterra_provider, tmp_path, geotiff):
    import processing
    from qgis.core import QgsProcessingException

    one_band = geotiff(tmp_path / "one.tif", np.full((20, 20), 0.3, np.float32))
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="single band"):
        processing.run("dataterra:spectral_species", {"INPUT": one_band, "SENSOR": 0,
                                                      "OUTPUT": str(out / "species.tif")})
    assert not out.exists() or list(out.iterdir()) == []
