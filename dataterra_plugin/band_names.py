"""Band names of the rasters the algorithms write, in the user's language.

The pure cores write fixed English names (``accumulated cost``, ``iteration 1``,
``shannon_mean``...): they import no Qt. The Processing wrapper renames the bands of its
outputs once they are written (DataTerraAlgorithm), so that QGIS's legend, identify tool
and layer properties show them translated ("Bande 03 : Shannon (moyenne)"). In English the
names stay as the cores write them.
"""
import os
import re

from qgis.PyQt.QtCore import QCoreApplication

from ..rasterblocks.io import relabel_bands

translate = QCoreApplication.translate  # pylupdate5 finds translate("Context", "text") calls


def _fixed_names():
    return {
        "accumulated cost": translate("BandNames", "accumulated cost"),
        "nearest source id": translate("BandNames", "nearest source id"),
        "selected habitat": translate("BandNames", "selected habitat"),
        "merged": translate("BandNames", "merged"),
        "friction": translate("BandNames", "friction"),
        "class code": translate("BandNames", "class code"),
        "valid (1) / masked (0)": translate("BandNames", "valid (1) / masked (0)"),
        "c1 constant": translate("BandNames", "c1 constant"),
        "richness": translate("BandNames", "richness"),
        "shannon": translate("BandNames", "shannon"),
        "simpson": translate("BandNames", "simpson"),
        "fisher": translate("BandNames", "fisher"),
    }


def _numbered_names():
    """(pattern, translated template of its number or index)."""
    return [
        (r"iteration (\d+)", translate("BandNames", "iteration {0}")),
        (r"PC(\d+)", translate("BandNames", "PC{0}")),
        (r"hill_q([\d.]+)", translate("BandNames", "hill_q{0}")),
    ]


def _statistics():
    return {"mean": translate("BandNames", "{0}_mean"), "sd": translate("BandNames", "{0}_sd")}


def band_name(name):
    """``name`` (as a core writes it) in the user's language."""
    fixed = _fixed_names()
    if name in fixed:
        return fixed[name]
    for pattern, template in _numbered_names():
        match = re.fullmatch(pattern, name)
        if match:
            return template.format(match.group(1))
    match = re.fullmatch(r"(.+)_(mean|sd)", name)
    if match:
        return _statistics()[match.group(2)].format(band_name(match.group(1)))
    return name


def translate_band_names(paths):
    """Rename the bands of the rasters among ``paths`` (an algorithm's outputs) with
    :func:`band_name`; vectors, folders and layer ids are left alone."""
    for path in paths:
        if os.path.isfile(path):
            relabel_bands(path, band_name)
