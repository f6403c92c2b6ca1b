"""Builds biodivmapr_<scene>.npz, biodivMapR's outputs on the fidelity scenes, for the tests.

    python3 make_biodivmapr_reference.py WORK_DIR [SCENE ...]
writes WORK_DIR/<scene> (fidelity_scenes.write_scene), runs run_biodivmapr.R on it with
seeds 0-9 (biodivMapR 1.14.6, installed by /work/shared/tools/install_biodivmapr.sh; about
10 minutes per scene), then keeps, per scene:
- shannon, simpson, fisher: (10 seeds, 16, 16) biodivMapR's alpha maps (window 10);
- richness: (10, 16, 16) richness of biodivMapR's spectral species per window, mean over
  its 10 iterations (biodivMapR 1.14 writes no richness map; the plugin's window step
  reproduces biodivMapR's exactly on the same species raster, docs/fidelity.md);
- fric, feve, fdiv: (16, 16) biodivMapR's functional maps on its PCA (first 3 components);
- pca: (3, 160, 160) float32 the first 3 components of biodivMapR's PCA raster.
"""
import glob
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from osgeo import gdal

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "build" / "pkgroot"))
sys.path.insert(0, str(HERE))
from dataterra.biodivmap.core import diversity, sensors, synthetic  # noqa: E402
import fidelity_scenes  # noqa: E402

SEEDS = range(10)


def read(path):
    return gdal.Open(str(path)).ReadAsArray().astype(np.float64)


def one(pattern):
    found = sorted(p for p in glob.glob(pattern, recursive=True) if not p.endswith(".hdr"))
    if len(found) != 1:
        raise SystemExit(f"expected one file for {pattern}, found {found}")
    return found[0]


def richness_map(species_path, folder):
    tif = str(Path(folder) / "species.tif")
    gdal.Translate(tif, species_path, noData=0)
    alpha = read(diversity.alpha_diversity(tif, str(Path(folder) / "alpha.tif"), window=10))
    return np.where(alpha[0] == diversity.NODATA, np.nan, alpha[0])


def main(work, scenes):
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    for scene in scenes or fidelity_scenes.SCENES:
        image = work / scene
        fidelity_scenes.write_scene(synthetic, sensors, scene, image)
        out = work / f"out_{scene}"
        if not (out / "seed_9").exists():
            subprocess.run(["Rscript", str(HERE / "run_biodivmapr.R"), str(image), str(out),
                            ",".join(map(str, SEEDS))], check=True)
        result = {}
        for index in ("Shannon", "Simpson", "Fisher"):
            result[index.lower()] = np.array([read(out / f"seed_{s}" / f"{index}_10") for s in SEEDS])
        with tempfile.TemporaryDirectory() as folder:
            result["richness"] = np.array([richness_map(str(out / f"seed_{s}" / "SpectralSpecies"), folder)
                                           for s in SEEDS])
        for index in ("FRic", "FEve", "FDiv"):
            result[index.lower()] = read(one(str(out / "**" / "FUNCTIONAL" / index)))
        result["pca"] = read(one(str(out / "**" / "PCA" / "OutputPCA_*_PCs")))[:3].astype(np.float32)
        np.savez_compressed(HERE / f"biodivmapr_{scene}.npz", **result)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
