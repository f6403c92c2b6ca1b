"""The curated list of hub OGC services (resources/ogc_services.json), as plain data."""
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .core.capabilities import SERVICE_TYPES
from .core.safexml import OgcError
from ...rasterblocks.errors import QT_TRANSLATE_NOOP

SERVICES_FILE = Path(__file__).resolve().parents[2] / "resources" / "ogc_services.json"


@dataclass(frozen=True)
class HubService:
    hub: str
    title: str
    type: str
    url: str
    source: str
    verified: str = None


def load_services(path=SERVICES_FILE):
    """The services of ``path``; a malformed entry raises OgcError naming it."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))["services"]
    except (OSError, ValueError, KeyError) as exc:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The service list {path} cannot be read ({exc}). Fix or "
                                         "delete the file."), path=path, exc=exc) from exc
    services = []
    for index, entry in enumerate(entries):
        try:
            service = HubService(**entry)
        except TypeError as exc:
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "Entry {index} of {path} is malformed ({exc})."),
                index=index + 1,
                path=path,
                exc=exc) from exc
        if service.type not in SERVICE_TYPES or urlsplit(service.url).scheme not in ("http", "https"):
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "Entry {index} of {path} needs a type among "
                                             "{service_types} and an http(s) URL."),
                index=index + 1,
                path=path,
                service_types=", ".join(SERVICE_TYPES))
        services.append(service)
    return services
