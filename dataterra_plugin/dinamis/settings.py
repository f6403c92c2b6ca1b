"""Where the DINAMIS settings live in QGIS: the profile and the ordering server URL in
QgsSettings, the authentication configuration *id* (never the secret: QgsAuthManager
keeps that), and the order book in the user's profile folder."""
import json
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from .core.rules import Profile

KEY = "dataterra/dinamis/"


def order_book_path() -> Path:
    return Path(QgsApplication.qgisSettingsDirPath()) / "dataterra" / "dinamis_orders.gpkg"


def load_profile():
    """The saved profile, or None when the user has not stated one yet."""
    text = QgsSettings().value(KEY + "profile", "")
    return Profile.from_dict(json.loads(text)) if text else None


def save_profile(profile):
    QgsSettings().setValue(KEY + "profile", json.dumps(profile.to_dict()))


def server_settings():
    """(ordering server URL, authentication configuration id)."""
    settings = QgsSettings()
    return settings.value(KEY + "server_url", ""), settings.value(KEY + "authcfg", "")


def save_server_settings(url, authcfg):
    settings = QgsSettings()
    settings.setValue(KEY + "server_url", url)
    settings.setValue(KEY + "authcfg", authcfg)
