"""Friction from land cover: a class -> friction table applied block by block.

BioDispersal's "friction" step (Chailloux, Amsallem & Huard, INRAE). Frictions are
dimensionless resistances (0 or 1 = habitat, larger = harder to cross); an empty value means
impassable and becomes nodata in the friction raster, which the cost-distance search
treats as a barrier.
"""
import csv
from pathlib import Path

import numpy as np

from ...rasterblocks import atomic_path, create_like, iter_windows, open_raster
from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from ...rasterblocks.untrusted import read_local_file
from .grids import FLOAT_NODATA, read_on_grid

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PRESET_FILES = {"oso": RESOURCES / "friction_oso.csv", "clc": RESOURCES / "friction_clc.csv"}
SPECIES_GROUPS = ("forest", "open_grassland", "wetland")
IMPASSABLE_WORDS = {"", "nodata", "impassable", "none", "nan"}


def _friction_value(text, where):
    text = (text or "").strip()
    if text.lower() in IMPASSABLE_WORDS:
        return np.nan
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Friction {text!r} ({where}) is not a number; leave "
                                               "it empty for impassable."), text=text, where=where) from None
    if value < 0:  # 0 is a free crossing (BioDispersal's habitat), as in GRASS r.cost
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Friction {value:g} ({where}) must be >= 0; leave "
                                               "it empty for impassable."), value=value, where=where)
    return value


def read_friction_table(path, column=None) -> dict:
    """{class code (int): friction (float, NaN = impassable)} from a CSV file.

    The file has a header; the class is the column ``code`` (or the first one), the
    friction the column named ``column`` (or the second one). ``,`` or ``;`` separated.
    """
    path = Path(path)
    if not path.exists():
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Friction table not found: {path}."), path=path)
    text = read_local_file(path, DataTerraError, QT_TRANSLATE_NOOP("DataTerraError", "The friction table")) \
        .decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    if not rows:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The friction table {path} has no row."), path=path)
    headers = list(rows[0].keys())
    code_column = "code" if "code" in headers else headers[0]
    friction_column = column or ("friction" if "friction" in headers else headers[1])
    if friction_column not in headers:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The friction table {path} has no column "
                                               "{friction_column!r} (columns: {headers})."),
            path=path,
            friction_column=friction_column,
            headers=', '.join(headers))
    table = {}
    for line, row in enumerate(rows, start=2):
        try:
            code = int(float(row[code_column]))
        except (TypeError, ValueError):
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Line {line} of {path}: class {code!r} is not a "
                                                   "number."), line=line, path=path, code=row[code_column]) from None
        table[code] = _friction_value(row[friction_column], f"line {line} of {path}")
    return table


def preset_table(nomenclature, species_group) -> dict:
    """Preset friction table of ``nomenclature`` ("oso" or "clc") for a species group."""
    if nomenclature not in PRESET_FILES or species_group not in SPECIES_GROUPS:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown preset {nomenclature}/{species_group}."),
            nomenclature=nomenclature,
            species_group=species_group)
    return read_friction_table(PRESET_FILES[nomenclature], species_group)


def classes_present(info, band=1, is_cancelled=None) -> np.ndarray:
    """Sorted distinct valid values of a raster, read block by block."""
    found = set()
    ds = info.open()
    for window in iter_windows(info.width, info.height):
        check_cancel(is_cancelled)
        block = info.read(window, band, ds)
        found.update(np.unique(block[info.valid_mask(block, band)]).tolist())
    return np.array(sorted(found))


def lookup(values, codes, frictions):
    """Frictions of ``values`` from sorted ``codes`` (NaN where a value has no code)."""
    position = np.clip(np.searchsorted(codes, values), 0, len(codes) - 1)
    found = codes[position] == values
    return np.where(found, frictions[position], np.nan)


def parse_overlay_frictions(text, count):
    """Frictions of ``count`` overlays from "1000, , 50" (empty = impassable)."""
    parts = [p for p in str(text or "").replace(";", ",").split(",")] if str(text or "").strip() else []
    if len(parts) != count:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Give one friction per overlay ({count} overlay(s), "
                                               "{parts_count} friction(s)), separated by commas; leave a value empty "
                                               "for impassable."), count=count, parts_count=len(parts))
    return [_friction_value(p, f"overlay {n + 1}") for n, p in enumerate(parts)]


def friction_from_landcover(landcover_path, table, output, progress=None, is_cancelled=None, overlays=()):
    """Write the friction raster (float32, nodata = impassable) of a land-cover raster.

    Every class present must be in ``table``; the error lists the missing ones.
    ``overlays`` is a list of (raster path, friction): where an overlay has a valid
    non-zero value its friction replaces the table's (NaN = impassable); the first overlay
    of the list wins where they overlap. Overlays on another grid are resampled (nearest).
    Returns {"classes": number of classes present, "impassable_cells": count, "warnings": [...]}.
    """
    info = open_raster(landcover_path)
    overlay_masks, warnings = [], []
    for path, value in overlays:
        values, warning = read_on_grid(path, info, "near", QT_TRANSLATE_NOOP("DataTerraError", "The overlay"))
        if warning:
            warnings.append(warning)
        overlay_masks.append((np.isfinite(values) & (values != 0), value))
    present = classes_present(info, is_cancelled=is_cancelled)
    missing = [int(c) if float(c).is_integer() else float(c) for c in present if c not in table]
    if missing:
        shown = ", ".join(str(c) for c in missing[:30]) + (" ..." if len(missing) > 30 else "")
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{missing_count} land-cover class(es) have no "
                                               "friction in the table: {shown}. Add them to the table (empty "
                                               "friction = impassable)."), missing_count=len(missing), shown=shown)
    codes = np.array(sorted(table), dtype=np.float64)
    frictions = np.array([table[c] for c in sorted(table)], dtype=np.float64)
    impassable = 0
    windows = list(iter_windows(info.width, info.height))
    with atomic_path(output) as temporary:
        out = create_like(temporary, info, np.float32, nodata=FLOAT_NODATA, descriptions=["friction"])
        band = out.GetRasterBand(1)
        source = info.open()
        for number, window in enumerate(windows):
            check_cancel(is_cancelled)
            block = info.read(window, 1, source)
            friction = lookup(block.astype(np.float64), codes, frictions)
            friction[~info.valid_mask(block)] = np.nan
            for mask, value in reversed(overlay_masks):  # the first overlay is applied last: it wins
                friction[mask[window.slices]] = value
            impassable += int(np.isnan(friction).sum())
            band.WriteArray(np.where(np.isnan(friction), FLOAT_NODATA, friction).astype(np.float32),
                            window.col, window.row)
            if progress:
                progress((number + 1) / len(windows))
        check_cancel(is_cancelled)  # a cancel during the last block still discards the output
        out.FlushCache()
        out = None
    return {"classes": len(present), "impassable_cells": impassable, "warnings": warnings}
