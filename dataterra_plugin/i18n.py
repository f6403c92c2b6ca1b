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


def data_label(text: str) -> str:
    """A label of the plugin's data files (hub titles, DINAMIS products, user types...) in the
    user's language: scripts/translations.sh collects them in the context "DataTerraError",
    where :func:`error_text` also finds them when they are values of a message."""
    return QCoreApplication.translate("DataTerraError", text) if text else text


def error_text(exc) -> str:
    """The message of ``exc`` in the user's language.

    A core error marked with ``QT_TRANSLATE_NOOP`` (rasterblocks/errors.py) carries its English
    template and values: the template is translated, then the values substituted. Values that
    are themselves core errors are translated too, and so are string values marked in the same
    context (a core passing ``QT_TRANSLATE_NOOP("DataTerraError", "The friction raster")`` as
    ``what``); other strings (paths, codes) have no translation and stay as they are. Any other
    exception, or a template whose translation cannot be formatted, gives ``str(exc)``.
    """
    template = getattr(exc, "template", None)
    values = getattr(exc, "values", None)
    if not isinstance(template, str) or not isinstance(values, dict):
        return str(exc)
    context = getattr(exc, "context", "DataTerraError")
    translated = QCoreApplication.translate(context, template)
    if not values:
        return translated
    shown = {name: _value_text(context, value) for name, value in values.items()}
    try:
        return translated.format(**shown)
    except (KeyError, IndexError, ValueError):
        # a translation that lost or mangled a placeholder must not hide the error
        return str(exc)


def _value_text(context: str, value):
    if hasattr(value, "template") and hasattr(value, "values"):  # a core error or a Message
        return error_text(value)
    if isinstance(value, str) and value:
        return QCoreApplication.translate(context, value)
    return value
