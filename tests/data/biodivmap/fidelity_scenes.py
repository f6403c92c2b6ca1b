"""The two synthetic scenes of the biodivMapR fidelity comparison (docs/fidelity.md).

160 × 160 Sentinel-2-like pixels (10 bands, reflectance × 10,000 as Int16, ENVI BIL with
wavelengths, the format biodivMapR reads), four vertical regions of known richness:
- "easy": 1, 3, 6 and 12 species out of 12 well separated signatures, noise 0.004;
- "overlapping": 2, 5, 10 and 20 species out of 20 signatures, noise 0.012 (neighbouring
  signatures overlap).
Both tools read the same file; the tests rebuild it with :func:`write_scene`.
"""
import numpy as np
from osgeo import gdal

SIZE = 160
SCENES = {
    "easy": {"richness": (1, 3, 6, 12), "n_signatures": 12, "noise": 0.004, "seed": 11},
    "overlapping": {"richness": (2, 5, 10, 20), "n_signatures": 20, "noise": 0.012, "seed": 12},
}


def write_scene(synthetic, sensors, name, path):
    """Write scene ``name`` as ENVI BIL Int16 (reflectance × 10,000); returns the region index per pixel."""
    options = SCENES[name]
    reflectance, _, region, _ = synthetic.synthetic_scene(
        SIZE, SIZE, richness=options["richness"], n_signatures=options["n_signatures"], noise=options["noise"],
        seed=options["seed"])
    data = np.rint(reflectance * 10000).astype(np.int16)
    wavelengths = sensors.SENSORS["sentinel2_20m"]["wavelengths_nm"]
    ds = gdal.GetDriverByName("ENVI").Create(str(path), SIZE, SIZE, len(data), gdal.GDT_Int16, ["INTERLEAVE=BIL"])
    ds.SetGeoTransform((synthetic.ORIGIN_L93[0], 10.0, 0, synthetic.ORIGIN_L93[1], 0, -10.0))
    for band in range(len(data)):
        ds.GetRasterBand(band + 1).WriteArray(data[band])
    ds.FlushCache()
    ds = None
    header = str(path) + ".hdr"
    with open(header, "a") as stream:
        stream.write("wavelength units = Nanometers\n")
        stream.write("wavelength = {" + ", ".join(f"{w:g}" for w in wavelengths) + "}\n")
    return region
