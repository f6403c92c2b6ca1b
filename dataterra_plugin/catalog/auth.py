"""API keys of the hubs from QgsAuthManager: never in settings, projects, hub files or logs.

A hub entry names the header (``auth_header``, e.g. GEODES ``X-API-Key``) and the id of a
QGIS authentication configuration (``auth_config``); the key is the password field of
that configuration (method Basic, any user name), stored encrypted by QGIS.

The key and the auth configuration are handed to the transport as ``Credentials`` bound
to the hub's origin (``hub_credentials``), never to a backend: a ``next`` link or a
redirect to another host gets neither. A hub whose files live on another origin that
needs the same key lists it in its ``credential_origins`` option.
"""
from qgis.core import QgsApplication, QgsAuthMethodConfig

from .core.errors import CatalogError
from ..net.core.credentials import Credentials
from ...rasterblocks.errors import QT_TRANSLATE_NOOP


def auth_headers(hub):
    """{header: key} for a hub that takes an API key header, {} otherwise."""
    if not hub.auth_header or not hub.auth_config:
        return {}
    _, key = basic_credentials(hub.auth_config)
    if not key:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The QGIS authentication configuration "
                                             "{auth_config!r} of hub {id} could not be read or has no password: "
                                             "store the API key as its password (Settings > Options > "
                                             "Authentication) and unlock the authentication database."),
            auth_config=hub.auth_config,
            id=hub.id)
    return {hub.auth_header: key}


def basic_credentials(auth_config):
    """(user name, password) of a QGIS authentication configuration, decrypted by QGIS;
    ("", "") when it cannot be read (unknown id, locked database)."""
    config = QgsAuthMethodConfig()
    result = QgsApplication.authManager().loadAuthenticationConfig(auth_config, config, True)
    ok, config = result if isinstance(result, tuple) else (result, config)  # the API differs by version
    return (config.config("username"), config.config("password")) if ok else ("", "")


def request_auth_config(hub):
    """The auth configuration id to hand to QGIS requests: none when the key goes in a header
    or only to the hub's signing service (``signing.py``)."""
    return "" if hub.auth_header or (hub.options or {}).get("signing_url") else hub.auth_config


def hub_credentials(hub):
    """The hub's API key header or auth configuration, bound to the origin of its endpoint
    (and of the URLs of its ``credential_origins`` option)."""
    origins = [hub.endpoint, *[str(url) for url in (hub.options or {}).get("credential_origins", [])
                               if isinstance(url, str)]]
    return Credentials(origins, headers=auth_headers(hub), auth_config=request_auth_config(hub))
