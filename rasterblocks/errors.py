"""Error types shared by every pure core.

Messages are translatable without importing Qt: a core raises
``DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Friction must be > 0; {count} cells are ≤ 0."), count=n)``.
pylupdate5 finds the marked literal (it recognises ``QT_TRANSLATE_NOOP`` lexically), ``str(exc)``
is the English text with the values substituted, and the plugin translates ``exc.template`` in
the ``exc.context`` context before substituting ``exc.values`` (dataterra_plugin/i18n.py
``error_text``). A message built without the marker stays English.
"""

ERROR_CONTEXT = "DataTerraError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Mark ``text`` for extraction in ``context``; returns it unchanged (no Qt needed)."""
    return text


class Message(str):
    """A translatable piece of text that is not an error: a value of an error message (an
    optional sentence added to it, the name of a request) or a warning.

    It is the English text itself (a ``str``, so callers that print, compare or search it
    are unchanged) and also carries ``template`` and ``values``, which the plugin translates
    like an error's (``error_text``).
    """

    context = ERROR_CONTEXT

    def __new__(cls, template: str, /, **values):
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text


class DataTerraError(Exception):
    """A problem with the user's input or data, with a message saying what to do.

    ``message`` is an English ``str.format`` template with named placeholders, and ``values``
    fill them: ``{count}``, ``{area:.2f}``, ``{name!r}`` work as in ``str.format``.
    Without values the message is taken literally (braces need no doubling).
    """

    context = ERROR_CONTEXT

    def __init__(self, message: str = "", /, **values):
        self.template = message
        self.values = values
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English, values substituted."""
        return self.template.format(**self.values) if self.values else self.template

    def __str__(self) -> str:
        return self.english()


class RasterError(DataTerraError):
    """A raster that cannot be used as given (CRS, grid, nodata, format)."""


class Cancelled(Exception):
    """The user cancelled; the caller removes partial outputs."""


def check_cancel(is_cancelled) -> None:
    """Raise :class:`Cancelled` when ``is_cancelled`` (a callable or None) says so."""
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
