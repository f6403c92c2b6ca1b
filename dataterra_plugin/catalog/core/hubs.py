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
            raise CatalogError(f"Cannot read the hub list {path}: {exc}. Fix or remove that file.") from exc
        entries = data.get("hubs") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise CatalogError(f"The hub list {path} has no 'hubs' list.")
        for entry in entries:
            hub = _hub(entry, path)
            hubs[hub.id] = hub
    return list(hubs.values())


def _hub(entry, path):
    known = set(Hub.__dataclass_fields__)
    try:
        hub = Hub(**{k: v for k, v in entry.items() if k in known})
    except TypeError as exc:
        raise CatalogError(f"A hub of {path} lacks id, title, protocol or endpoint: {entry!r}") from exc
    if hub.protocol not in BACKENDS:
        raise CatalogError(f"Hub {hub.id} of {path}: unknown protocol {hub.protocol!r} "
                           f"(use one of {', '.join(PROTOCOLS)}).")
    return hub


def find_hub(hub_id, hubs=None):
    for hub in hubs or load_hubs():
        if hub.id == hub_id:
            return hub
    raise CatalogError(f"No hub {hub_id!r} in the hub list. Known: {', '.join(h.id for h in hubs or load_hubs())}.")


def make_backend(protocol, endpoint, source="", headers=None, timeout=30, options=None):
    """A backend for ``protocol`` (one of :data:`PROTOCOLS`) at ``endpoint``."""
    cls = BACKENDS.get(protocol)
    if cls is None:
        raise CatalogError(f"Unknown catalogue protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}.")
    return cls(endpoint, source=source, headers=headers, timeout=timeout, **(options or {}))


def hub_backend(hub, headers=None, timeout=30):
    return make_backend(hub.protocol, hub.endpoint, hub.id, headers, timeout, hub.options)
