"""Demo: spectral biodiversity (biodivMapR-style) on a documented synthetic Sentinel-2-like scene.

Why synthetic: no real multispectral image ships with the plugin (Sentinel-2 / SPOT /
Pléiades tiles weigh hundreds of MB and the demo must run offline), and a scene whose
species are known lets the demo show that the chain recovers them.

How it is built (biodivmap.core.synthetic.write_synthetic_scene, seed 2026, spectra seed 0):
400 × 400 pixels of 10 m in Lambert-93 (EPSG:2154), upper-left corner (725,000, 6,285,000)
near Clermont-l'Hérault; the 10 bands of the Sentinel-2 20 m preset (B2, B3, B4, B5, B6,
B7, B8, B8A, B11, B12), float32 reflectance 0-1, nodata NaN, band descriptions such as
"B4 (665 nm)". Twelve vegetation spectra are built on regular grids of pigment (visible),
structure (NIR plateau and red edge) and water (SWIR) levels, shuffled. Four vertical
regions 100 pixels (1 km) wide hold 1, 3, 6 and 12 of them, drawn at random; each region
is a mosaic of 2 × 2 pixel crowns, each crown one of the region's species chosen
uniformly; Gaussian noise σ = 0.004 is added to every band, values clipped to [0.001, 1].

The chain: spectral species -> alpha, beta and functional diversity -> diversity at 4
field plots, all through processing.run; GeoTIFF maps plus one PNG figure with four
panels (true colour, spectral species, Shannon, beta as RGB).
"""
import numpy as np

TITLE = "Spectral biodiversity (biodivMapR-style) on a synthetic Sentinel-2 scene"
RICHNESS = (1, 3, 6, 12)


def run(ctx):
    import processing
    from osgeo import gdal, ogr
    from sklearn.metrics import adjusted_rand_score

    from dataterra.biodivmap.core import synthetic

    out = ctx.output
    scene_path = out / "synthetic_sentinel2.tif"
    truth = synthetic.write_synthetic_scene(scene_path, 400, 400, seed=2026, richness=RICHNESS, n_signatures=12)
    ctx.log(f"synthetic scene: 400 × 400 px, regions of richness {RICHNESS}, EPSG:2154")
    # N_CLUSTERS = the 12 true species: the Lloyd clustering on covariance PCA recovers them,
    # biodivMapR's own clustering (the default) splits some and merges others (docs/biodivmap.md)
    species = processing.run("dataterra:spectral_species", {
        "INPUT": str(scene_path), "SENSOR": 2, "N_CLUSTERS": 12, "N_ITER": 5, "COMPONENTS": 4, "SEED": 1,
        "CLUSTERING": 1, "PCA_TYPE": 1,
        "OUTPUT": str(out / "spectral_species.tif"), "OUTPUT_PCA": str(out / "pca.tif"),
        "OUTPUT_MASK": str(out / "mask.tif"), "OUTPUT_MODEL": str(out / "spectral_model.npz")}, feedback=ctx.feedback)
    labels = gdal.Open(species["OUTPUT"]).ReadAsArray()
    ari = [adjusted_rand_score(truth["labels"].ravel(), band.ravel()) for band in labels]
    ctx.log(f"adjusted Rand index against the true species, per iteration: {', '.join(f'{a:.3f}' for a in ari)}")
    alpha = processing.run("dataterra:alpha_diversity", {
        "INPUT": species["OUTPUT"], "WINDOW": 10, "OUTPUT": str(out / "alpha_diversity.tif")}, feedback=ctx.feedback)
    shannon = read_band(alpha["OUTPUT"], 3)
    region = truth["richness"][::10, ::10]
    ctx.log("mean Shannon per region (true richness): " + ", ".join(
        f"{r}: {shannon[region == r].mean():.2f}" for r in RICHNESS))
    beta = processing.run("dataterra:beta_diversity", {
        "INPUT": species["OUTPUT"], "WINDOW": 10, "N_SAMPLES": 500, "OUTPUT": str(out / "beta_diversity.tif")},
        feedback=ctx.feedback)
    functional = processing.run("dataterra:functional_diversity", {
        "INPUT": species["OUTPUT_PCA"], "MASK": species["OUTPUT_MASK"], "WINDOW": 10,
        "OUTPUT": str(out / "functional_diversity.tif")}, feedback=ctx.feedback)
    plots_path = write_plots(out / "field_plots.gpkg", ogr)
    plots = processing.run("dataterra:diversity_at_plots", {
        "INPUT": species["OUTPUT"], "PLOTS": str(plots_path), "ID_FIELD": "name", "RADIUS": 50,
        "OUTPUT": str(out / "diversity_at_plots.gpkg"), "OUTPUT_MATRIX": str(out / "plots_bray_curtis.csv")},
        feedback=ctx.feedback)
    figure = out / "biodivmap_figure.png"
    low, high = np.percentile(shannon[shannon != -9999.0], [2, 98])  # the panel's stretch
    caption = (f"Synthetic scene, regions left to right: {', '.join(map(str, RICHNESS))} true species. "
               f"Shannon from {low:.2f} (purple) to {high:.2f} (yellow).")
    write_figure(figure, scene_path, species["OUTPUT"], alpha["OUTPUT"], beta["OUTPUT"], caption)
    return [scene_path, species["OUTPUT"], species["OUTPUT_PCA"], species["OUTPUT_MODEL"], alpha["OUTPUT"],
            beta["OUTPUT"], functional["OUTPUT"], plots["OUTPUT"], plots["OUTPUT_MATRIX"], figure]


def write_plots(path, ogr):
    """One circular plot (point + 50 m radius) in the middle of each region."""
    from osgeo import osr

    from dataterra.biodivmap.core.synthetic import ORIGIN_L93

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("plots", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for index, richness in enumerate(RICHNESS):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", f"richness_{richness}")
        x = ORIGIN_L93[0] + (index + 0.5) * 1000.0  # regions are 100 px = 1 km wide
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({x} {ORIGIN_L93[1] - 2000.0})"))
        layer.CreateFeature(feature)
    ds = None
    return path


def read_band(path, band):
    """One band as an array (the dataset is kept alive while its band is read)."""
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(band).ReadAsArray()


def stretch(values, nodata=-9999.0):
    """2-98 % linear stretch to 0-255 (nodata black)."""
    values = np.where(values == nodata, np.nan, values.astype(float))
    low, high = np.nanpercentile(values, [2, 98])
    scaled = np.clip((values - low) / max(high - low, 1e-12), 0, 1)
    return np.nan_to_num(scaled * 255).astype(np.uint8)


def panels(scene_path, species_path, alpha_path, beta_path):
    from osgeo import gdal

    scene = gdal.Open(str(scene_path)).ReadAsArray()
    rgb = np.dstack([stretch(scene[b]) for b in (2, 1, 0)])
    labels = read_band(species_path, 1)
    palette = (np.random.default_rng(3).random((256, 3)) * 200 + 55).astype(np.uint8)
    palette[0] = 0
    species = palette[labels]
    shannon = stretch(read_band(alpha_path, 3))
    ramp = np.column_stack([np.linspace(68, 253, 256), np.linspace(1, 231, 256), np.linspace(84, 37, 256)])
    shannon_rgb = ramp.astype(np.uint8)[shannon]  # viridis-like: purple (low) to yellow (high)
    beta = gdal.Open(str(beta_path)).ReadAsArray()
    beta_rgb = np.dstack([stretch(beta[b]) for b in range(3)])
    return [("True colour (B4, B3, B2)", rgb), ("Spectral species (iteration 1)", species),
            ("Shannon index (window 10 px)", shannon_rgb), ("Beta diversity (PCoA axes as RGB)", beta_rgb)]


def write_figure(path, scene_path, species_path, alpha_path, beta_path, caption="", cell=480):
    """A 2 × 2 PNG figure drawn with Qt (nearest-neighbour so windows stay visible), caption below."""
    from qgis.PyQt.QtCore import QRect, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    figure = QImage(2 * cell + 30, 2 * (cell + 40) + 40, QImage.Format_RGB32)
    figure.fill(QColor("white"))
    painter = QPainter(figure)
    painter.setFont(QFont("Sans", 12))
    for index, (title, image) in enumerate(panels(scene_path, species_path, alpha_path, beta_path)):
        x, y = 10 + (index % 2) * (cell + 10), 10 + (index // 2) * (cell + 40)
        data = np.ascontiguousarray(image)
        qimage = QImage(data.data, data.shape[1], data.shape[0], 3 * data.shape[1], QImage.Format_RGB888)
        painter.drawText(QRect(x, y, cell, 30), Qt.AlignCenter, title)
        painter.drawImage(QRect(x, y + 30, cell, cell), qimage.scaled(cell, cell))
    painter.drawText(QRect(10, 2 * (cell + 40) + 5, 2 * cell + 10, 30), Qt.AlignCenter, caption)
    painter.end()
    if not figure.save(str(path)):
        raise RuntimeError(f"Could not write {path}")
