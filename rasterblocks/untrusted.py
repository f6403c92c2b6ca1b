"""Opening what the plugin did not write (server answers, downloaded products) with GDAL/OGR.

GDAL picks a driver from a file's *content*, and some drivers read other files: a GDAL or
OGR VRT names any local file or URL as its source, so a WCS tile or a WFS page answered as
a VRT would copy a local file into the download, or make GDAL fetch URLs outside QGIS's
proxy and authentication. Answers are therefore opened only with the drivers of the format
that was asked for (``gdal.OpenEx(allowed_drivers=...)``), and refused when GDAL recognises
them as anything else. Paths are the plugin's own (``/vsimem/`` buffers or files it wrote
under a checked name, see ``net/core/safe_paths.py``): a path that asks GDAL for another
virtual file system or a driver prefix (``/vsicurl/``, ``/vsizip/``, ``GTIFF_DIR:``) is
refused too.

XML from servers or from other tools' project files is parsed by :func:`parse_untrusted_xml`
(defusedxml underneath): entity declarations ("billion laughs"), external entities and DTDs
are refused, nothing is fetched or read besides the document, and its size is bounded.
"""
import io
import os
import re
from xml.etree import ElementTree

import defusedxml
from defusedxml import DTDForbidden
from defusedxml.ElementTree import DefusedXMLParser
from osgeo import gdal

from .errors import QT_TRANSLATE_NOOP, RasterError

gdal.UseExceptions()

# WCS tiles: the formats a coverage download asks for. netCDF is left out on purpose:
# netCDF-4 is HDF5, whose external links and external storage read other files.
WCS_TILE_DRIVERS = ("GTiff", "PNG", "JPEG")
# products downloaded from DINAMIS or a catalogue and loaded as layers
PRODUCT_RASTER_DRIVERS = ("GTiff", "JP2OpenJPEG", "PNG", "JPEG")
# WFS GetFeature pages
WFS_PAGE_DRIVERS = ("GML",)
# GML open options: the schema is the one the plugin fetched (DescribeFeatureType), never
# one GDAL downloads by itself; GML_SKIP_RESOLVE_ELEMS stays at its default (xlinks not resolved)
GML_OPEN_OPTIONS = ("EXPOSE_GML_ID=NO", "DOWNLOAD_SCHEMA=NO")

# xs:include / xs:import / xs:redefine references of an XML schema: GDAL's GML driver fetches
# them itself (even with DOWNLOAD_SCHEMA=NO), outside QGIS's proxy and authentication
SCHEMA_REFERENCE = re.compile(rb"""(<(?:[\w.-]+:)?(?:include|import|redefine)\b[^>]*?)\s+schemaLocation\s*=\s*"""
                              rb"""(?:"[^"]*"|'[^']*')""")
INDIRECTION = re.compile(r"^/vsi(?!mem/)|^[A-Za-z0-9_]{2,}:", re.IGNORECASE)


class UntrustedFormatError(RasterError):
    """An answer or a downloaded file is not in the format asked for (e.g. a VRT)."""


def open_untrusted(path, drivers, what, vector=False, open_options=(), error_class=UntrustedFormatError):
    """Open ``path`` read-only with GDAL/OGR, allowing only ``drivers``.

    Parameters
    ----------
    path : str
        A local file or a ``/vsimem/`` buffer the plugin wrote.
    drivers : tuple of str
        GDAL driver short names of the expected format (``WCS_TILE_DRIVERS``, ...).
    what : str
        Names the file in messages (e.g. ``QT_TRANSLATE_NOOP("DataTerraError", "The WCS tile")``).
    error_class : DataTerraError subclass
        Raised when the file is recognised as another format (message names both).

    Returns
    -------
    gdal.Dataset
        RuntimeError from GDAL when no allowed driver can read it (the caller explains).
    """
    path = str(path)
    allowed = ", ".join(drivers)
    if INDIRECTION.search(path):
        raise error_class(QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) is a GDAL virtual path or driver "
                                            "prefix, which is refused for a file from a server."),
                          what=what, path=path[:120])
    kind = gdal.OF_VECTOR if vector else gdal.OF_RASTER
    found = gdal.IdentifyDriverEx(path, kind)
    if found is not None and found.ShortName not in drivers:
        raise error_class(QT_TRANSLATE_NOOP("DataTerraError", "{what} is a {found} file, not one of the formats "
                                            "asked for ({allowed}): it is refused (a {found} file can make GDAL "
                                            "read other local files or URLs). Nothing was written."),
                          what=what, found=found.ShortName, allowed=allowed)
    return gdal.OpenEx(path, kind | gdal.OF_READONLY, allowed_drivers=list(drivers),
                       open_options=list(open_options))


def local_schema(schema):
    """``schema`` (XML Schema bytes from a server) without the locations of its includes and
    imports, so that GDAL reads only this document: no URL fetched, no local file read."""
    return SCHEMA_REFERENCE.sub(rb"\1", schema)


def check_untrusted(path, drivers, what, vector=False, error_class=UntrustedFormatError):
    """Refuse ``path`` (``error_class``) unless an allowed driver opens it, and unless the side
    files GDAL reads with it are harmless: a downloaded product checked before QGIS loads it
    (QGIS would use any driver)."""
    try:
        open_untrusted(path, drivers, what, vector, error_class=error_class)  # closed as soon as dropped
    except RuntimeError as exc:
        raise error_class(QT_TRANSLATE_NOOP("DataTerraError", "{what} cannot be read as {allowed} ({exc})."),
                          what=what, allowed=", ".join(drivers), exc=exc) from exc
    _check_side_files(str(path), what, error_class)
    return str(path)


def _check_side_files(path, what, error_class):
    """GDAL opens a raster's external overviews and mask (``.ovr``, ``.msk``: with every
    driver, so a VRT there reads other files), ``.aux`` files (HFA) and the overview file a
    ``.aux.xml`` names (``OVERVIEW_FILE``). A server delivering those beside a product could
    make QGIS display a local file: overviews and masks must be GeoTIFFs, the others absent."""
    stem = os.path.splitext(path)[0]
    for side in (path + ".ovr", path + ".OVR", path + ".msk", path + ".MSK"):
        if os.path.exists(side):
            open_untrusted(side, ("GTiff",), side, error_class=error_class)
    named = [side for side in (path + ".aux", stem + ".aux") if os.path.exists(side)]
    pam = path + ".aux.xml"
    if os.path.exists(pam):
        with open(pam, "rb") as handle:
            if b"OVERVIEW_FILE" in handle.read():
                named.append(pam)
    if named:
        raise error_class(QT_TRANSLATE_NOOP("DataTerraError", "{what} comes with {side}, which would make GDAL read "
                                            "other files: it is refused. Delete that file to load the product."),
                          what=what, side=os.path.basename(named[0]))


# --- XML -------------------------------------------------------------------------------

# an XML document larger than this is refused before parsing: the largest answer the network
# layer keeps in memory (net/core/transport.py MAX_BODY_BYTES); project files are a few kB
MAX_XML_BYTES = 64 * 2**20
XML_TOO_LARGE = QT_TRANSLATE_NOOP("DataTerraError", "The XML document is {size} bytes, more than the {limit} "
                                  "accepted: it is refused.")
LOCAL_FILE_TOO_LARGE = QT_TRANSLATE_NOOP("DataTerraError", "{what} {path} is {size} bytes, more than the {limit} "
                                         "bytes accepted: it is refused.")
LOCAL_FILE_GROWS_TOO_LARGE = QT_TRANSLATE_NOOP("DataTerraError", "{what} {path} holds more than the {limit} bytes "
                                               "accepted (it is not a regular file, or it grew while being read): it "
                                               "is refused.")


def read_local_file(path, error_class, what, limit=MAX_XML_BYTES):
    """The bytes of ``path``, a local file the user chose (a project file, a hub list...),
    refused with ``error_class`` when it holds more than ``limit`` bytes, before it is read
    whole: a multi-gigabyte "project" file must not be loaded into memory to be refused.

    The size is checked on the open file (``fstat``), then at most ``limit + 1`` bytes are
    read, which also bounds a file that grows meanwhile and a special file reporting no size
    (``/dev/zero``, a pipe). ``what`` names the file in the message (a ``QT_TRANSLATE_NOOP``
    text, e.g. "The project file"). OSError (missing, unreadable) is left to the caller.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise error_class(LOCAL_FILE_TOO_LARGE, what=what, path=str(path), size=size, limit=limit)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise error_class(LOCAL_FILE_GROWS_TOO_LARGE, what=what, path=str(path), limit=limit)
    return data


def parse_untrusted_xml(data, error_class, refused, malformed, *, doctype=False, max_bytes=MAX_XML_BYTES,
                        too_large=XML_TOO_LARGE, **values):
    """The root element (xml.etree) of ``data``, an XML document the plugin did not write.

    Parameters
    ----------
    data : bytes or str
        The document.
    error_class : DataTerraError subclass
        Raised, with one of the three messages, when the document is refused or cannot be read.
    refused : str
        Message (``QT_TRANSLATE_NOOP`` template) when the document declares entities, refers to
        an external entity or has a DOCTYPE; it may use ``{name}``, the kind of refusal
        (defusedxml's exception name, e.g. ``EntitiesForbidden``).
    malformed : str
        Message when the document is not well-formed XML; it may use ``{exc}`` (the parser's
        message) and ``{start}`` (its first 200 characters).
    doctype : bool
        False (the default): any DOCTYPE is refused. True: a DOCTYPE that only names an
        external DTD (``<!DOCTYPE WMT_MS_Capabilities SYSTEM "...dtd">`` of WMS 1.1.1
        capabilities) is accepted, that DTD is never read; one with an internal subset
        (``[...]``, where entities and default attributes are declared) is still refused.
    max_bytes : int
        Size limit (bytes, or characters for a ``str``); a larger document gets ``too_large``,
        which may use ``{size}`` and ``{limit}``.
    **values
        The caller's named values of the three messages (``what``, ``path``, ...).
    """
    _check_xml_size(data, error_class, max_bytes, too_large, values)
    parser = _SafeXMLParser(doctype)
    try:
        parser.feed(data)
        return parser.close()
    except UNTRUSTED_XML_ERRORS as exc:
        raise untrusted_xml_error(exc, data, error_class, refused, malformed, values) from exc


def iter_untrusted_xml(data, error_class, refused, malformed, events=("start", "end"), *, doctype=False,
                       max_bytes=MAX_XML_BYTES, too_large=XML_TOO_LARGE, **values):
    """``(event, element)`` pairs of ``data`` parsed incrementally (xml.etree ``iterparse``),
    with the refusals, limits and messages of :func:`parse_untrusted_xml`: the caller may drop
    each element once read, so that memory follows the largest element, not the document."""
    _check_xml_size(data, error_class, max_bytes, too_large, values)
    source = io.BytesIO(data.encode("utf-8") if isinstance(data, str) else bytes(data))
    try:
        yield from ElementTree.iterparse(source, events, parser=_SafeXMLParser(doctype))
    except UNTRUSTED_XML_ERRORS as exc:
        raise untrusted_xml_error(exc, data, error_class, refused, malformed, values) from exc


# a refused or unreadable document (a str with an encoding declaration, nesting deeper than Python's stack)
UNTRUSTED_XML_ERRORS = (defusedxml.DefusedXmlException, ElementTree.ParseError, ValueError, TypeError, RecursionError)


def untrusted_xml_error(exc, data, error_class, refused, malformed, values):
    """The ``error_class`` error for ``exc`` (one of :data:`UNTRUSTED_XML_ERRORS`)."""
    if isinstance(exc, defusedxml.DefusedXmlException):
        return error_class(refused, **values, name=type(exc).__name__)
    head = data[:200]
    start = (head.decode("utf-8", "replace") if isinstance(head, (bytes, bytearray)) else str(head)).strip()
    return error_class(malformed, **values, exc=exc, start=start)


def _check_xml_size(data, error_class, max_bytes, too_large, values):
    if data is not None and len(data) > max_bytes:
        raise error_class(too_large, **values, size=len(data), limit=max_bytes)


class _SafeXMLParser(DefusedXMLParser):
    """defusedxml's parser refusing entities, external references and (unless ``doctype``) any
    DOCTYPE; with ``doctype``, only a DOCTYPE with an internal subset."""

    def __init__(self, doctype):
        self.doctype = doctype
        super().__init__(target=ElementTree.TreeBuilder(), forbid_dtd=True, forbid_entities=True,
                         forbid_external=True)

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        if has_internal_subset or not self.doctype:
            raise DTDForbidden(name, sysid, pubid)


__all__ = ["GML_OPEN_OPTIONS", "MAX_XML_BYTES", "PRODUCT_RASTER_DRIVERS", "UntrustedFormatError", "WCS_TILE_DRIVERS",
           "WFS_PAGE_DRIVERS", "check_untrusted", "iter_untrusted_xml", "local_schema", "open_untrusted",
           "parse_untrusted_xml", "read_local_file"]
