"""Safe decoding of untrusted catalogue answers: JSON and XML (no DTD, no entities)."""
import json

import defusedxml
from defusedxml import ElementTree as defused_etree  # noqa: N813

from .errors import CatalogError
from ....rasterblocks.errors import QT_TRANSLATE_NOOP


def parse_json(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Decode ``body`` (bytes) as a JSON object; :class:`CatalogError` if it is not one."""
    try:
        data = json.loads(body.decode("utf-8-sig") if isinstance(body, (bytes, bytearray)) else body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not valid JSON ({exc}); the answer may "
                                             "be truncated."), what=what, exc=exc) from exc
    if not isinstance(data, dict):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is JSON but not an object (got {name})."),
            what=what,
            name=type(data).__name__)
    return data


def parse_xml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Parse ``body`` as XML with DTDs, entities and external references refused.

    Returns the root element (xml.etree). XXE and entity expansion ("billion laughs")
    documents are refused with :class:`CatalogError`.
    """
    try:
        return defused_etree.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} declares a DTD or entities, which are "
                                             "refused for safety (XML external entity or expansion attack)."),
            what=what) from exc
    except (defused_etree.ParseError, ValueError, TypeError, RecursionError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not well-formed XML ({exc}); the "
                                             "answer may be truncated."), what=what, exc=exc) from exc


def parse_xml_lxml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Parse ``body`` into an lxml element (for OWSLib) after the defusedxml check."""
    parse_xml(body, what)  # refuses DTDs and entities first
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not well-formed XML ({exc})."),
            what=what,
            exc=exc) from exc


def as_text(value):
    """A string for any JSON scalar (None -> "")."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(v) for v in value)
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("title") or value.get("href") or "")
    return str(value)


def as_float(value):
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return result if result == result else None  # NaN -> None


def as_bbox(value):
    """(w, s, e, n) floats from a 4- or 6-number list, or None."""
    if not isinstance(value, (list, tuple)) or len(value) not in (4, 6):
        return None
    numbers = [as_float(v) for v in value]
    if any(v is None for v in numbers):
        return None
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    return tuple(numbers)


def as_geometry(value):
    """A GeoJSON geometry dict if ``value`` looks like one, else None."""
    if isinstance(value, dict) and isinstance(value.get("type"), str) and (
            "coordinates" in value or "geometries" in value):
        return value
    return None
