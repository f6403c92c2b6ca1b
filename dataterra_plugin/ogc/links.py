"""From a catalogue record's online resource to an OGC service the browser can open.

Records (ISO 19139 / GeoNetwork, DCAT, STAC) name services with protocols such as
``OGC:WMS``, ``OGC:WMS-1.3.0-http-get-map``, ``OGC:WFS-1.0.0-http-get-capabilities`` or
``WWW:LINK`` with a GetCapabilities URL; this turns them into (service type, base URL).
"""
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .core.capabilities import SERVICE_TYPES

OGC_KEYS = {"SERVICE", "REQUEST", "VERSION", "LAYERS", "TYPENAME", "TYPENAMES", "COVERAGE", "COVERAGEID",
            "IDENTIFIER", "BBOX", "WIDTH", "HEIGHT", "FORMAT", "CRS", "SRS", "STYLES"}


def service_from_link(url: str, protocol: str = ""):
    """(service type, base URL without OGC request parameters, layer name or "") or None
    when the link is not an OGC service."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    params = {k.upper(): v for k, v in query}
    service = ""
    match = re.search(r"\b(WMTS|WMS|WFS|WCS)\b", protocol.upper().replace(":", " ").replace("-", " "))
    if match:
        service = match.group(1)
    elif params.get("SERVICE", "").upper() in SERVICE_TYPES:
        service = params["SERVICE"].upper()
    else:
        path = parts.path.lower()
        service = next((s for s in ("WMTS", "WMS", "WFS", "WCS") if f"/{s.lower()}" in path), "")
    if not service:
        return None
    layer = params.get("LAYERS") or params.get("TYPENAMES") or params.get("TYPENAME") or \
        params.get("COVERAGE") or params.get("COVERAGEID") or params.get("IDENTIFIER") or ""
    kept = [(k, v) for k, v in query if k.upper() not in OGC_KEYS]
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))
    return service, base, layer
