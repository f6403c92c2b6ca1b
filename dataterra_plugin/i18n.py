"""Translations: every i18n/<area>_<lang>.qm is installed for the user's QGIS locale.

Each area of the plugin (plugin, fragscape, biodispersal, biodivmap, catalog, ogc,
dinamis) keeps its own .ts file so that they can be updated independently.
"""
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.core import QgsSettings

from .paths import I18N

_installed = []


def user_language() -> str:
    """Two-letter language of QGIS's user interface (QGIS setting locale/userLocale)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "") or ""
    else:
        locale = settings.value("locale/userLocale", "") or QLocale.system().name()
    return (locale or "en")[0:2]


def install_translators(language: str = None) -> int:
    """Install the translators of every area for ``language``; returns how many were loaded.

    Safe to call several times: the previous translators are removed first.
    """
    remove_translators()
    language = language or user_language()
    for qm in sorted(I18N.glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return len(_installed)


def remove_translators() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def tr(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (pylupdate5 extracts literal calls of translate)."""
    return QCoreApplication.translate(context, text)
