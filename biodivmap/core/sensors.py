"""Band wavelengths of the optical sensors biodivmap knows (data, not code).

Centre wavelengths in nanometres, in the band order of the usual products:
Sentinel-2 MSI (ESA, L2A / THEIA), SPOT 6-7 and Pléiades (Airbus / DINAMIS ortho
products delivered blue, green, red, near infrared).
"""
import re

from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP

SENSORS = {
    "sentinel2_10m": {
        "label": "Sentinel-2, 10 m bands (B2, B3, B4, B8)",
        "bands": ["B2", "B3", "B4", "B8"],
        "wavelengths_nm": [490.0, 560.0, 665.0, 842.0],
    },
    "sentinel2_20m": {
        "label": "Sentinel-2, 10 bands at 20 m (B2, B3, B4, B5, B6, B7, B8, B8A, B11, B12)",
        "bands": ["B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12"],
        "wavelengths_nm": [490.0, 560.0, 665.0, 705.0, 740.0, 783.0, 842.0, 865.0, 1610.0, 2190.0],
    },
    "spot67": {
        "label": "SPOT 6-7 (blue, green, red, near infrared)",
        "bands": ["B0", "B1", "B2", "B3"],
        "wavelengths_nm": [485.0, 560.0, 660.0, 825.0],
    },
    "pleiades": {
        "label": "Pléiades (blue, green, red, near infrared)",
        "bands": ["B0", "B1", "B2", "B3"],
        "wavelengths_nm": [490.0, 550.0, 660.0, 850.0],
    },
}
SENSOR_KEYS = list(SENSORS)

# Where the masks look: blue for clouds, red + NIR for NDVI, NIR for shade (nm).
BLUE_NM, RED_NM, NIR_NM = 490.0, 665.0, 842.0
_TOLERANCE_NM = {BLUE_NM: 40.0, RED_NM: 40.0, NIR_NM: 80.0}

_NM_PATTERN = re.compile(r"(\d+(?:\.\d+)?)\s*(nm|µm|um)?", re.IGNORECASE)


def wavelengths_from_metadata(band_metadata):
    """Wavelengths (nm) read from band descriptions or GDAL metadata, or None.

    ``band_metadata`` is a list (one per band) of dicts with optional keys
    ``description`` and ``metadata`` (GDAL band metadata). ENVI-style
    ``wavelength`` items and descriptions such as ``"B4 (665 nm)"`` are understood;
    micrometres are converted.
    """
    found = []
    for item in band_metadata:
        value = None
        meta = {k.lower(): v for k, v in (item.get("metadata") or {}).items()}
        text = meta.get("wavelength") or meta.get("central_wavelength")
        unit = (meta.get("wavelength_units") or "nm").lower()
        if text is None:
            match = re.search(r"(\d+(?:\.\d+)?)\s*(nm|µm|um)\b", item.get("description") or "", re.IGNORECASE)
            if match:
                text, unit = match.group(1), match.group(2).lower()
        if text is not None:
            try:
                value = float(str(text).strip())
            except ValueError:
                value = None
            if value is not None and (unit in ("µm", "um", "micrometers", "micrometer") or value < 5):
                value *= 1000.0
        if value is None:
            return None
        found.append(value)
    return found


def resolve_wavelengths(band_count, sensor=None, table=None, band_metadata=None):
    """Wavelengths (nm) of the image's bands: explicit table > sensor preset > metadata.

    Raises :class:`DataTerraError` when the count does not match the image.
    """
    if band_count < 2:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "The image has a single band: spectral species need a multispectral "
                              "image (at least red and near infrared, better 4 to 10 bands).")
        )
    if table:
        wavelengths = [float(v) for v in table]
        source = "the wavelength table"
    elif sensor:
        if sensor not in SENSORS:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown sensor preset {sensor!r}; choose one "
                                                   "of {choices}."),
                sensor=sensor,
                choices=', '.join(SENSOR_KEYS))
        wavelengths = list(SENSORS[sensor]["wavelengths_nm"])
        source = f"the {SENSORS[sensor]['label']} preset"
    else:
        wavelengths = wavelengths_from_metadata(band_metadata or [])
        if wavelengths is None:
            raise DataTerraError(
                QT_TRANSLATE_NOOP("DataTerraError", "The band wavelengths are unknown: the file's metadata does not "
                                  "give them. Choose a sensor preset (Sentinel-2, SPOT 6-7, Pléiades) or type the "
                                  "wavelengths in nm, one per band.")
            )
        source = "the file's metadata"
    if len(wavelengths) != band_count:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "The image has {band_count} bands but {source} gives "
                              "{wavelengths_count} wavelengths ({wavelength_list} nm). Select the matching "
                              "preset, or stack exactly those bands in that order, or give one wavelength per band."),
            band_count=band_count,
            source=source,
            wavelengths_count=len(wavelengths),
            wavelength_list=', '.join(f'{w:g}' for w in wavelengths)
        )
    return wavelengths


def band_near(wavelengths, target_nm):
    """0-based index of the band closest to ``target_nm``, or None if none is close enough."""
    best = min(range(len(wavelengths)), key=lambda i: abs(wavelengths[i] - target_nm))
    return best if abs(wavelengths[best] - target_nm) <= _TOLERANCE_NM[target_nm] else None
