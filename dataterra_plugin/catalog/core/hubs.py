"""The hub list (resources/hubs.json plus the user's own file) and backend construction."""
import dataclasses
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
from ....rasterblocks.untrusted import read_local_file

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
        for hub in read_hub_file(path):
            hubs[hub.id] = hub
    return list(hubs.values())


def read_hub_file(path):
    """The hubs of one JSON hub list ({"hubs": [...]}, the layout of resources/hubs.json)."""
    try:
        data = json.loads(read_local_file(path, CatalogError, QT_TRANSLATE_NOOP("DataTerraError", "The hub list"))
                          .decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the hub list {path}: {exc}. Fix or "
                                             "remove that file."), path=path, exc=exc) from exc
    entries = data.get("hubs") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The hub list {path} has no 'hubs' list."),
            path=path)
    return [_hub(entry, path) for entry in entries]


def write_hub_file(path, hubs):
    """Write ``hubs`` as a JSON hub list that :func:`read_hub_file` reads back; the auth
    configuration chosen in QGIS stays out (it is an id of this QGIS profile only)."""
    entries = []
    for hub in hubs:
        entry = {key: value for key, value in dataclasses.asdict(hub).items() if key != "auth_config"}
        entries.append({key: value for key, value in entry.items() if value not in ("", [], {})})
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    temporary = path + ".part"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump({"hubs": entries}, handle, ensure_ascii=False, indent=2)
    os.replace(temporary, path)  # a crash never leaves half a list


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
