"""API keys of the hubs from QgsAuthManager: never in settings, projects, hub files or logs.

A hub entry names the header (``auth_header``, e.g. GEODES ``X-API-Key``) and the id of a
QGIS authentication configuration (``auth_config``); the key is the password field of
that configuration (method Basic, any user name), stored encrypted by QGIS.
"""
from qgis.core import QgsApplication, QgsAuthMethodConfig

from .core.errors import CatalogError
from ...rasterblocks.errors import QT_TRANSLATE_NOOP


def auth_headers(hub):
    """{header: key} for a hub that takes an API key header, {} otherwise."""
    if not hub.auth_header or not hub.auth_config:
        return {}
    config = QgsAuthMethodConfig()
    result = QgsApplication.authManager().loadAuthenticationConfig(hub.auth_config, config, True)
    ok, config = result if isinstance(result, tuple) else (result, config)
    key = config.config("password") if ok else ""
    if not key:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The QGIS authentication configuration "
                                             "{auth_config!r} of hub {id} could not be read or has no password: "
                                             "store the API key as its password (Settings > Options > "
                                             "Authentication) and unlock the authentication database."),
            auth_config=hub.auth_config,
            id=hub.id)
    return {hub.auth_header: key}


def request_auth_config(hub):
    """The auth configuration id to hand to QGIS requests: none when the key goes in a header
    or only to the hub's signing service (``signing.py``)."""
    return "" if hub.auth_header or (hub.options or {}).get("signing_url") else hub.auth_config
