"""Error messages of the pure cores reach a French user in French.

A core raises ``DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "... {count} ..."), count=n)``
(rasterblocks/errors.py): the English template is extracted by pylupdate5 into the area's .ts,
and the plugin translates it before substituting the values (dataterra_plugin/i18n.py
``error_text``). These tests check the mechanism, the translations, that real errors come out
in French through Processing, and how many messages of the cores are still English only.
"""
import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from dataterra.dataterra_plugin.i18n import error_text, install_translators
from dataterra.rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError, Message, RasterError

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
CORES = ["rasterblocks", "fragscape/core", "biodispersal/core", "biodivmap/core", "dataterra_plugin/catalog/core",
         "dataterra_plugin/ogc/core", "dataterra_plugin/dinamis/core", "dataterra_plugin/net/core"]
# every message of these cores is marked: the list grows as areas are converted
CONVERTED = set(CORES)
ERROR_CLASSES = {"DataTerraError", "RasterError", "CatalogError", "NetworkError", "OgcError", "HttpError",
                 "ServiceExceptionError", "TransportError", "OrderingError", "RulesError", "OrderBookError",
                 "AoiError"}
# helpers that take the message of the error they build (argument index)
MESSAGE_ARGUMENT = {**{name: 0 for name in ERROR_CLASSES}, "make_error": 1, "_fail": 0}


# --- the mechanism ----------------------------------------------------------------------


def test_error_keeps_english_text_template_and_values():
    error = DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Friction {value:g} at {where} must be > 0."),
                           value=-2.5, where="line 3")
    assert str(error) == "Friction -2.5 at line 3 must be > 0."
    assert error.template == "Friction {value:g} at {where} must be > 0."
    assert error.values == {"value": -2.5, "where": "line 3"}
    assert error.context == "DataTerraError"
    # a message without values is literal: braces need no doubling
    assert str(RasterError("Use {braces} freely")) == "Use {braces} freely"


def test_error_text_falls_back_to_english_when_there_is_nothing_to_translate(french):
    assert error_text(ValueError("plain")) == "plain"
    untranslated = DataTerraError("A message nobody marked, {0}")
    assert error_text(untranslated) == "A message nobody marked, {0}"
    error = DataTerraError("Not in any .ts: {n} cells", n=4)
    assert error_text(error) == "Not in any .ts: 4 cells"


def test_error_text_in_french_with_values_and_format_spec(french):
    error = DataTerraError(QT_TRANSLATE_NOOP(
        "DataTerraError", "The friction raster has {bad_count} cell(s) with a negative friction (minimum "
        "{bad_min:g}). Frictions must be >= 0 (0 = crossing costs nothing, as in GRASS r.cost); set impassable "
        "cells to nodata instead of a negative value."), bad_count=3, bad_min=-0.25)
    assert error_text(error) == (
        "Le raster de friction a 3 cellule(s) de friction négative (minimum -0.25). Les frictions doivent être "
        ">= 0 (0 = traversée sans coût, comme dans GRASS r.cost) ; mettez les cellules infranchissables à nodata "
        "plutôt qu'à une valeur négative.")
    assert str(error).startswith("The friction raster has 3 cell(s)")  # the English text is unchanged


def test_marked_values_and_nested_messages_are_translated(french):
    error = RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) is rotated; warp it to a north-up "
                                          "grid first."),
                        what=QT_TRANSLATE_NOOP("DataTerraError", "The friction raster"), path="/data/f.tif")
    assert error_text(error) == ("Le raster de friction (/data/f.tif) est tourné ; projetez-le d'abord sur une "
                                 "grille orientée au nord.")
    piece = Message(QT_TRANSLATE_NOOP("DataTerraError", " of {expected}"), expected=5000)
    cut = DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {host} was cut short ({received}{of} "
                                           "bytes). Try again."), host="127.0.0.1:8000", received=12, of=piece)
    assert str(cut) == "The answer of 127.0.0.1:8000 was cut short (12 of 5000 bytes). Try again."
    assert error_text(cut) == "La réponse de 127.0.0.1:8000 a été tronquée (12 sur 5000 octets). Réessayez."


# --- the translations -------------------------------------------------------------------


def error_translations():
    """[(ts name, source, translation)] of every message of the DataTerraError context."""
    rows = []
    for ts in sorted(I18N.glob("*_fr.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != "DataTerraError":
                continue
            for message in context.iter("message"):
                rows.append((ts.name, message.findtext("source"), message.findtext("translation") or ""))
    return rows


def fields(template):
    return sorted((name, conversion or "", spec or "")
                  for _, name, spec, conversion in string.Formatter().parse(template) if name is not None)


def test_every_error_translation_keeps_the_placeholders():
    rows = error_translations()
    assert len(rows) > 200, "the core error messages are not in the .ts files"
    broken = [f"{ts}: {source!r} -> {text!r}" for ts, source, text in rows if fields(source) != fields(text)]
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


# --- the raise sites --------------------------------------------------------------------


def call_name(call):
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)


def message_calls(path):
    """(line, message node, call) of every call building a core error from a message."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node) in MESSAGE_ARGUMENT:
            index = MESSAGE_ARGUMENT[call_name(node)]
            if len(node.args) > index:
                yield node.lineno, node.args[index], node


def is_marked(node):
    return (isinstance(node, ast.Call) and call_name(node) == "QT_TRANSLATE_NOOP" and len(node.args) == 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args))


def is_literal_message(node):
    """An English message written in place: a string, an f-string or a concatenation of them."""
    if isinstance(node, (ast.JoinedStr,)) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_literal_message(node.left) or is_literal_message(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("strip", "format"):
        return is_literal_message(node.func.value)
    return False


def english_only_messages(core):
    """["file:line"] of the messages of ``core`` built in English without the marker."""
    found = []
    for path in sorted((ROOT / core).rglob("*.py")):
        for line, message, _ in message_calls(path):
            if is_literal_message(message):
                found.append(f"{path.relative_to(ROOT)}:{line}")
    return found


def test_how_many_core_messages_are_still_english_only():
    remaining = {core: english_only_messages(core) for core in CORES}
    print("core messages still English only:", {core: len(found) for core, found in remaining.items()})
    converted = {core: found for core, found in remaining.items() if core in CONVERTED and found}
    assert not converted, "unmarked messages in converted cores:\n" + "\n".join(
        line for found in converted.values() for line in found)


def test_no_module_of_the_plugin_builds_an_unmarked_error_message():
    """Outside the cores too (dialogs, tasks, algorithms), core errors carry marked templates."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in (".venv", "build", "dist", "tests", "demo", "benchmarks", "scripts") or "core" in parts:
            continue
        found += [f"{path.relative_to(ROOT)}:{line}" for line, message, _ in message_calls(path)
                  if is_literal_message(message)]
    assert not found, "\n".join(found)


def test_every_marked_template_gets_the_values_it_names():
    """A template whose placeholders and keyword values differ would raise KeyError (or lose a value)
    where the error is built; checked on the source so that rare error paths are covered too."""
    problems = []
    for core in CORES:
        for path in sorted((ROOT / core).rglob("*.py")):
            for line, message, call in message_calls(path):
                if not is_marked(message):
                    continue
                template = message.args[1].value
                names = {k.arg for k in call.keywords}
                if None in names:  # **values passed on from another error
                    continue
                wanted = {name for name, _, _ in fields(template)} if names else set()
                if wanted != names:
                    problems.append(f"{path.relative_to(ROOT)}:{line}: placeholders {sorted(wanted)}, "
                                    f"values {sorted(names)}")
    assert not problems, "\n".join(problems)


def test_marker_is_only_used_on_literals():
    """pylupdate5 extracts the literal only: an f-string or a variable inside the marker would put
    a wrong source in the .ts."""
    wrong = []
    for core in CORES:
        for path in sorted((ROOT / core).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and call_name(node) == "QT_TRANSLATE_NOOP" and not is_marked(node):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                elif is_marked(node) and node.args[0].value != "DataTerraError":
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: context {node.args[0].value!r}")
    assert not wrong, "\n".join(wrong)


def test_cores_do_not_import_qgis():
    offenders = [str(p.relative_to(ROOT)) for core in CORES for p in (ROOT / core).rglob("*.py")
                 if re.search(r"^\s*(from|import) (qgis|PyQt)", p.read_text(encoding="utf-8"), re.M)]
    assert not offenders


# --- real errors through Processing --------------------------------------------------------


def test_connectivity_friction_error_in_french(french, dataterra_provider, geotiff, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    friction = np.full((20, 30), 5.0, dtype=np.float32)
    friction[3, 4] = -0.5  # (0 is a free crossing, allowed)
    friction[7, 8] = -2.5
    sources = np.zeros((20, 30), dtype=np.int32)
    sources[10, 10] = 1
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("dataterra:cost_distance", {
            "SOURCES": geotiff(tmp_path / "sources.tif", sources, origin=(700000.0, 6280000.0)),
            "FRICTION": geotiff(tmp_path / "friction.tif", friction, origin=(700000.0, 6280000.0), nodata=-9999),
            "OUTPUT": str(tmp_path / "cost.tif")})
    assert str(raised.value) == (
        "Le raster de friction a 2 cellule(s) de friction négative (minimum -2.5). Les frictions doivent être "
        ">= 0 (0 = traversée sans coût, comme dans GRASS r.cost) ; mettez les cellules infranchissables à nodata "
        "plutôt qu'à une valeur négative.")
    assert not (tmp_path / "cost.tif").exists()


def test_connectivity_geographic_crs_error_in_french(french, dataterra_provider, geotiff, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    friction = geotiff(tmp_path / "geo.tif", np.ones((20, 30), dtype=np.float32), pixel=0.001, origin=(3.0, 43.6),
                       epsg=4326, nodata=-9999)
    sources = np.zeros((20, 30), dtype=np.int32)
    sources[5, 5] = 1
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("dataterra:cost_distance", {
            "SOURCES": geotiff(tmp_path / "s.tif", sources, pixel=0.001, origin=(3.0, 43.6), epsg=4326),
            "FRICTION": friction, "UNITS": 1, "OUTPUT": str(tmp_path / "cost.tif")})
    # the layer name given by the core ("The friction raster") is translated too
    assert str(raised.value) == (
        f"Le raster de friction ({friction}) est dans un SCR géographique (degrés) : les surfaces et les distances "
        "seraient fausses. Reprojetez-le dans un SCR projeté en mètres (par exemple EPSG:2154 Lambert-93) avec "
        "Raster > Projections > Projection (warp).")


def test_fragmentation_grid_size_error_in_french(french, dataterra_provider, geotiff, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    habitat = geotiff(tmp_path / "habitat.tif", np.ones((40, 40), dtype=np.uint8), pixel=10.0)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("dataterra:effective_mesh_size", {"INPUT": habitat, "GRID_SIZE": 4.0,
                                                         "OUTPUT": str(tmp_path / "meff.gpkg")})
    assert str(raised.value) == ("La taille de grille (4.0 m) est plus petite qu'un pixel (10.0 m) : choisissez une "
                                 "taille de grille plus grande.")


def test_same_errors_stay_english_without_the_translator(dataterra_provider, geotiff, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    install_translators("en")
    habitat = geotiff(tmp_path / "habitat.tif", np.ones((40, 40), dtype=np.uint8), pixel=10.0)
    with pytest.raises(QgsProcessingException, match=r"^The grid size \(4.0 m\) is smaller than a pixel "
                                                      r"\(10.0 m\): choose a larger grid size.$"):
        processing.run("dataterra:effective_mesh_size", {"INPUT": habitat, "GRID_SIZE": 4.0,
                                                         "OUTPUT": str(tmp_path / "meff.gpkg")})


def test_connectivity_warning_in_french(french, dataterra_provider, geotiff, tmp_path):
    """Warnings of the cores are Message pieces: English str for scripts, French in the log."""
    import processing
    from osgeo import ogr, osr
    from qgis.core import QgsProcessingFeedback

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    points = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "points.gpkg"))
    layer = points.CreateLayer("points", srs=srs, geom_type=ogr.wkbPoint)
    for x, y in [(700025.0, 6279975.0), (800000.0, 6279975.0), (900000.0, 6279975.0)]:  # 2 outside
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    points = None
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    friction = geotiff(tmp_path / "friction.tif", np.ones((20, 30), dtype=np.float32), origin=(700000.0, 6280000.0))
    processing.run("dataterra:cost_distance", {"SOURCES": str(tmp_path / "points.gpkg"), "FRICTION": friction,
                                               "OUTPUT": str(tmp_path / "cost.tif")}, feedback=feedback)
    assert ("2 des 3 entité(s) source tombent hors du raster de friction (ou sont trop petites pour couvrir un "
            "centre de cellule) et ont été ignorées.") in warnings


def test_biodiversity_mask_warnings_in_french(french):
    from dataterra.biodivmap.core.spectral import MaskSettings, unavailable_masks

    english = unavailable_masks([490.0, 560.0], MaskSettings())
    assert english[0] == ("The NDVI mask is not applied: no band near red (~665 nm) or near infrared (~842 nm) "
                          "among the image's wavelengths (490, 560 nm). Check the sensor preset or the wavelengths, "
                          "or mask those pixels with MASK.")
    assert [error_text(text) for text in english] == [
        "Le masque « NDVI » n'est pas appliqué : aucune bande proche du rouge (~665 nm) ou du proche infrarouge "
        "(~842 nm) parmi les longueurs d'onde de l'image (490, 560 nm). Vérifiez le préréglage de capteur ou les "
        "longueurs d'onde, ou masquez ces pixels avec MASK.",
        "Le masque « ombre » n'est pas appliqué : aucune bande proche du proche infrarouge (~842 nm) parmi les "
        "longueurs d'onde de l'image (490, 560 nm). Vérifiez le préréglage de capteur ou les longueurs d'onde, ou "
        "masquez ces pixels avec MASK."]


def test_dinamis_refusal_reasons_in_french(french):
    """Reasons are Message pieces: the sentence is translated, and so are the rules file's labels
    (scripts/data_labels.py puts them in the .ts); user groups are named, not given by id."""
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile, entitlement_for, load_rules

    rules = load_rules()
    profile = Profile("foreign_scientist", "University of Liège", conditions={"french_partner": "UMR TETIS"})
    tasking = entitlement_for(profile, "pleiades_tasking", rules)
    user_type, groups = "Foreign institutional scientist", "French institutional users"
    assert rules["products"]["pleiades_tasking"]["user_groups"] == ["uia"]
    # the product is named above its reasons (dock, package, search refusals): not in them
    assert tasking.reasons[0] == f"Not open to '{user_type}' users (open to: {groups})."
    assert error_text(tasking.reasons[0]) == (
        "Non ouvert aux utilisateurs « Scientifique institutionnel étranger » (ouvert à : utilisateurs "
        "institutionnels français).")
