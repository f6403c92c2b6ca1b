"""The hub list (resources/hubs.json plus the user's own file) and backend construction."""
import json
import os
from dataclasses import dataclass, field

from .csw import CswBackend
from .errors import CatalogError
from .ods import OdsBackend
from .opensearch import OpenSearchBackend
from .openspot import OpenSpotBackend
from .records_api import RecordsApiBackend
from .stac import GeodesBackend, StacBackend
from ....rasterblocks.errors import QT_TRANSLATE_NOOP

BACKENDS = {
    "STAC": StacBackend,
    "STAC-GEODES": GeodesBackend,
    "CSW": CswBackend,
    "OpenSearch": OpenSearchBackend,
    "OGC-API-Records": RecordsApiBackend,
    "OpenDataSoft": OdsBackend,
    "OpenSPOT": OpenSpotBackend,  # DINAMIS open SPOT 6-7 archive (REST JSON, no paging)
}
PROTOCOLS = tuple(BACKENDS)
HUBS_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "hubs.json")


@dataclass
class Hub:
    id: str
    title: str
    protocol: str
    endpoint: str
    hub: str = ""
    collections: list = field(default_factory=list)
    capabilities: list = field(default_factory=list)
    options: dict = field(default_factory=dict)
    auth_header: str = ""
    auth_config: str = ""  # QgsAuthManager configuration id (set by the user, never a secret)
    source: str = ""
    enabled: bool = True


def load_hubs(paths=None):
    """Hubs of the default file then of each extra JSON file (same layout); later ids win."""
    hubs = {}
    for path in [HUBS_FILE, *(paths or [])]:
        try:
            with open(path, "rb") as handle:
                data = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the hub list {path}: {exc}. Fix or "
                                                 "remove that file."), path=path, exc=exc) from exc
        entries = data.get("hubs") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The hub list {path} has no 'hubs' list."),
                path=path)
        for entry in entries:
            hub = _hub(entry, path)
            hubs[hub.id] = hub
    return list(hubs.values())


def _hub(entry, path):
    known = set(Hub.__dataclass_fields__)
    try:
        hub = Hub(**{k: v for k, v in entry.items() if k in known})
    except TypeError as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "A hub of {path} lacks id, title, protocol or "
                                             "endpoint: {entry!r}"), path=path, entry=entry) from exc
    if hub.protocol not in BACKENDS:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Hub {id} of {path}: unknown protocol {protocol!r} "
                                             "(use one of {protocols})."),
            id=hub.id,
            path=path,
            protocol=hub.protocol,
            protocols=', '.join(PROTOCOLS))
    return hub


def find_hub(hub_id, hubs=None):
    for hub in hubs or load_hubs():
        if hub.id == hub_id:
            return hub
    raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "No hub {hub_id!r} in the hub list. Known: {known}."),
        hub_id=hub_id,
        known=', '.join(h.id for h in hubs or load_hubs()))


def make_backend(protocol, endpoint, source="", headers=None, timeout=30, options=None):
    """A backend for ``protocol`` (one of :data:`PROTOCOLS`) at ``endpoint``."""
    cls = BACKENDS.get(protocol)
    if cls is None:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown catalogue protocol {protocol!r}: use one of "
                                             "{protocols}."), protocol=protocol, protocols=', '.join(PROTOCOLS))
    return cls(endpoint, source=source, headers=headers, timeout=timeout, **(options or {}))


def hub_backend(hub, headers=None, timeout=30):
    return make_backend(hub.protocol, hub.endpoint, hub.id, headers, timeout, hub.options)
