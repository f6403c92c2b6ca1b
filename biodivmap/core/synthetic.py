"""A documented synthetic Sentinel-2-like scene with known spectral species (seeded).

The scene is split into vertical strips ("regions") of known richness (default 1, 2,
4 and 8 species). Each region is a mosaic of 2 × 2 pixel "crowns", each crown drawn
uniformly from the region's species; a species is one of ``n_signatures`` vegetation
reflectance spectra on the 10 Sentinel-2 bands of the ``sentinel2_20m`` preset, plus
Gaussian noise. The raster is placed in Lambert-93 (EPSG:2154) over the Clermontais
(Hérault), 10 m pixels. Used by the tests, the demo and the benchmark.
"""
import numpy as np
from osgeo import gdal, osr

from ...rasterblocks import atomic_path
from .sensors import SENSORS

ORIGIN_L93 = (725_000.0, 6_285_000.0)  # upper-left corner, near Clermont-l'Hérault
PIXEL_SIZE = 10.0


def vegetation_signatures(n_signatures=8, seed=0):
    """(n_signatures, 10) distinct vegetation reflectance spectra (0-1) for the S2 bands.

    Each species gets its own visible level (pigments), red-edge slope, NIR plateau
    (structure) and SWIR level (water), drawn on a regular grid so that signatures
    stay well apart, then shuffled with ``seed``.
    """
    rng = np.random.default_rng(seed)
    levels = np.linspace(0.0, 1.0, n_signatures)
    visible, nir, swir = (rng.permutation(levels) for _ in range(3))
    spectra = []
    for v, n, s in zip(visible, nir, swir):
        blue, green, red = 0.02 + 0.02 * v, 0.05 + 0.05 * v, 0.025 + 0.03 * v
        plateau = 0.25 + 0.30 * n
        b5, b6, b7 = red + 0.35 * (plateau - red), red + 0.75 * (plateau - red), 0.95 * plateau
        b11, b12 = 0.12 + 0.14 * s, 0.05 + 0.09 * s
        spectra.append([blue, green, red, b5, b6, b7, plateau, 1.02 * plateau, b11, b12])
    return np.array(spectra, dtype=np.float32)


def synthetic_scene(rows=200, cols=200, richness=(1, 2, 4, 8), n_signatures=8, noise=0.004, crown=2, seed=0,
                    signature_seed=0):
    """(reflectance (10, rows, cols) float32, species labels 1..K, region index, true richness).

    ``seed`` draws the layout and the noise; ``signature_seed`` the spectra, so that two
    scenes of different ``seed`` share their species (another date, a neighbouring tile).
    """
    rng = np.random.default_rng(seed)
    signatures = vegetation_signatures(n_signatures, signature_seed)
    region = np.minimum(np.arange(cols) * len(richness) // cols, len(richness) - 1)
    region = np.broadcast_to(region, (rows, cols))
    crown_rows, crown_cols = -(-rows // crown), -(-cols // crown)
    labels = np.zeros((rows, cols), dtype=np.int64)
    for index, count in enumerate(richness):
        species = rng.permutation(n_signatures)[:count] + 1
        draws = species[rng.integers(0, count, size=(crown_rows, crown_cols))]
        crowns = np.kron(draws, np.ones((crown, crown), dtype=np.int64))[:rows, :cols]
        labels = np.where(region == index, crowns, labels)
    reflectance = signatures[labels - 1].transpose(2, 0, 1)
    reflectance = reflectance + rng.normal(0.0, noise, size=reflectance.shape).astype(np.float32)
    truth = np.asarray(richness)[region]
    return np.clip(reflectance, 0.001, 1.0).astype(np.float32), labels, np.asarray(region), truth


def write_synthetic_scene(path, rows=200, cols=200, seed=0, scaled_integers=False, nodata_rows=0, **options):
    """Write the scene as a GeoTIFF in EPSG:2154; returns the ground truth (dict).

    ``scaled_integers`` stores reflectance × 10,000 as UInt16 (like L2A products);
    ``nodata_rows`` sets the first rows to nodata (0 for integers, NaN for floats).
    """
    reflectance, labels, region, truth = synthetic_scene(rows, cols, seed=seed, **options)
    preset = SENSORS["sentinel2_20m"]
    if scaled_integers:
        data, gdal_type, nodata = np.rint(reflectance * 10000).astype(np.uint16), gdal.GDT_UInt16, 0
    else:
        data, gdal_type, nodata = reflectance, gdal.GDT_Float32, float("nan")
    if nodata_rows:
        data[:, :nodata_rows, :] = nodata
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    with atomic_path(path) as temporary:
        ds = gdal.GetDriverByName("GTiff").Create(temporary, cols, rows, data.shape[0], gdal_type,
                                                  ["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetGeoTransform((ORIGIN_L93[0], PIXEL_SIZE, 0, ORIGIN_L93[1], 0, -PIXEL_SIZE))
        ds.SetProjection(srs.ExportToWkt())
        for band in range(data.shape[0]):
            out = ds.GetRasterBand(band + 1)
            out.WriteArray(data[band])
            out.SetNoDataValue(nodata)
            out.SetDescription(f"{preset['bands'][band]} ({preset['wavelengths_nm'][band]:g} nm)")
        ds.FlushCache()
        ds = None
    return {"labels": labels, "region": region, "richness": truth, "path": str(path)}


def write_large_scene(path, rows, cols, seed=0, strip_rows=512, progress=None):
    """Write a large scene strip by strip (memory bounded by one strip), float32, no truth kept.

    Each strip is an independent :func:`synthetic_scene` draw (seed = (seed, strip)) with the
    same regions and signatures, so the image has the same statistics as a small scene.
    """
    preset = SENSORS["sentinel2_20m"]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    strip_rows = strip_rows - strip_rows % 2  # whole 2 × 2 crowns
    with atomic_path(path) as temporary:
        ds = gdal.GetDriverByName("GTiff").Create(temporary, cols, rows, len(preset["bands"]), gdal.GDT_Float32,
                                                  ["TILED=YES", "BIGTIFF=YES"])
        ds.SetGeoTransform((ORIGIN_L93[0], PIXEL_SIZE, 0, ORIGIN_L93[1], 0, -PIXEL_SIZE))
        ds.SetProjection(srs.ExportToWkt())
        for number, row in enumerate(range(0, rows, strip_rows)):
            height = min(strip_rows, rows - row)
            reflectance, _, _, _ = synthetic_scene(height, cols, seed=np.random.SeedSequence([seed, number]))
            for band in range(reflectance.shape[0]):
                ds.GetRasterBand(band + 1).WriteArray(reflectance[band], 0, row)
                if number == 0:
                    ds.GetRasterBand(band + 1).SetDescription(
                        f"{preset['bands'][band]} ({preset['wavelengths_nm'][band]:g} nm)")
            if progress:
                progress((row + height) / rows)
        ds.FlushCache()
        ds = None
    return str(path)
