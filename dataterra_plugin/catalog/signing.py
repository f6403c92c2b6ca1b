"""Signing keys of a hub from QgsAuthManager, and the signer the download task uses.

A hub whose options name a ``signing_url`` (THEIA / teledetection STAC) signs each
download link before it is fetched (``core/signing.py``). Its API key lives in the
QGIS authentication configuration chosen for the hub (method Basic: user name = access
key, password = secret key), stored encrypted by QGIS; it is read here, on the main
thread (the authentication database may ask for its master password), and only ever
sent to the signing service.
"""
from .auth import basic_credentials
from .core.errors import CatalogError
from .core.signing import make_signer
from ...rasterblocks.errors import QT_TRANSLATE_NOOP


def hub_signer(hub):
    """``sign(url, transport)`` for a hub with a ``signing_url`` option, else None."""
    signing_url = (hub.options or {}).get("signing_url", "")
    if not signing_url:
        return None
    if not hub.auth_config:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Hub {id} signs its download links with an API key: "
                                             "create an authentication configuration (method Basic: user name = "
                                             "access key, password = secret key) in Settings > Options > "
                                             "Authentication and choose it for this hub."), id=hub.id)
    access_key, secret_key = basic_credentials(hub.auth_config)
    if not access_key or not secret_key:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The QGIS authentication configuration "
                                             "{auth_config!r} of hub {id} could not be read or lacks the access key "
                                             "(user name) or the secret key (password): fix it in Settings > Options "
                                             "> Authentication and unlock the authentication database."),
            auth_config=hub.auth_config,
            id=hub.id)
    return make_signer(signing_url, access_key, secret_key)
