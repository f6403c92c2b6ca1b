"""Whether two data sources name the same file or the same layer, however they are spelt
(no qgis import).

A layer's source is a GDAL/OGR data source as QGIS writes it: a file path, then options after
``|`` (``layername=``, ``layerid=``, ``subset=``...). The same layer reaches the plugin under
several spellings: QGIS stores absolute paths, a FragScape or BioDispersal project relative
ones (``../Source/x.shp``), through a symbolic link, with ``./`` or a trailing separator, with a
different case on Windows; a project file names ``x.gpkg`` where QGIS loaded
``x.gpkg|layername=x``, its first layer. Comparing the strings would load the layer a second
time; the helpers here compare the files themselves and the layer they select.
"""
import os

from osgeo import gdal

gdal.UseExceptions()

# the options that select a layer of a file; every other option (subset, geometry type...)
# changes what the layer shows, so it must be the same on both sides
LAYER_NAME, LAYER_ID = "layername", "layerid"


def source_file(source):
    """The file part of a data source ("x.gpkg|layername=a" -> "x.gpkg"), or "" when the
    source is not a local file (memory layer, temporary output, URL)."""
    path = str(source or "").split("|")[0].strip()
    if not path or path == "TEMPORARY_OUTPUT" or "://" in path or path.startswith(("memory:", "/vsi")):
        return ""
    return path


def same_file(first, second):
    """Whether two paths name one file: through links and hard links when both exist, else by
    their normalised real paths (``..``, ``./``, trailing separators, case on Windows)."""
    if os.path.exists(first) and os.path.exists(second):
        return os.path.samefile(first, second)
    return os.path.normcase(os.path.realpath(first)) == os.path.normcase(os.path.realpath(second))


def same_layer_source(first, second):
    """Whether two data sources open the same layer of the same file: same file (see
    :func:`same_file`), same layer (no ``layername``/``layerid`` is the file's first layer, as
    OGR opens it) and the same other options (a ``subset`` filter makes another layer).
    Sources that are not local files (services, databases, memory) must be equal strings."""
    first, second = str(first or ""), str(second or "")
    if first == second:
        return True
    path = source_file(first)
    if not path or not source_file(second) or not same_file(path, source_file(second)):
        return False
    first_options, second_options = _options(first), _options(second)
    first_layer, second_layer = _layer_selector(first_options), _layer_selector(second_options)
    return first_options == second_options and _same_layer(path, first_layer, second_layer)


def loaded_layer(source, layers):
    """The first of ``layers`` (QgsMapLayer or anything with ``source()``) that shows the
    layer of ``source``, or None."""
    return next((layer for layer in layers if same_layer_source(layer.source(), source)), None)


def _options(source):
    """{option name (lower case): value} of what follows the file in ``source``; ``subset``
    runs to the end (a filter may itself hold ``|``)."""
    options = {}
    parts = source.split("|")[1:]
    for number, part in enumerate(parts):
        name, _, value = part.partition("=")
        name = name.strip().lower()
        if name == "subset":
            options[name] = "|".join([value, *parts[number + 1:]])
            break
        if name:
            options[name] = value.strip()
    return options


def _layer_selector(options):
    """The layer ``options`` select, removed from them: its name (str) or its index (int)."""
    name, index = options.pop(LAYER_NAME, None), options.pop(LAYER_ID, None)
    if name:
        return name
    try:
        return int(index or 0)
    except ValueError:
        return index


def _same_layer(path, first, second):
    if first == second:
        return True
    if isinstance(first, str) == isinstance(second, str):
        return False  # two different names, or two different indices
    index, name = (first, second) if isinstance(second, str) else (second, first)
    names = _layer_names(path)
    return isinstance(index, int) and 0 <= index < len(names) and names[index] == name


def _layer_names(path):
    """The names of the vector layers of ``path``, in OGR's order ([] when it has none)."""
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        return []
    return [dataset.GetLayer(number).GetName() for number in range(dataset.GetLayerCount())]
