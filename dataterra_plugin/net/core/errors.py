"""The network error, and its mapping to the error type of the area that asked.

Every transport failure has a ``kind`` so callers can decide without parsing messages:

``connection``  no answer (refused, reset, DNS, proxy): retrying may help;
``timeout``     no byte for longer than the time-out;
``tls``         the certificate could not be verified: never retried, never ignored;
``truncated``   the body stopped before its announced length: a download resumes;
``too_large``   an answer larger than a catalogue page may be;
``http``        the server answered with an error status (``status`` says which);
``checksum``    a downloaded file differs from the size or checksum the server announced.

Areas keep their own error type (``CatalogError``, ``OgcError``, ...): a transport built
with ``error_class=CatalogError`` raises that class, carrying ``kind`` and ``status`` as
attributes, so the areas' ``except`` clauses and messages stay as they were.
"""
from ....rasterblocks.errors import DataTerraError


class NetworkError(DataTerraError):
    """A request got no usable answer. The message names the host and what to do; it never
    holds credentials (URLs in messages are reduced to their host)."""

    def __init__(self, message="", kind="connection", status=0, /, **values):
        super().__init__(message, **values)
        self.kind = kind
        self.status = status


def make_error(error_class, message, kind="connection", status=0, **values):
    """An instance of ``error_class`` for ``message`` (a template filled by ``values``, see
    rasterblocks/errors.py) with ``kind`` and ``status`` set."""
    if isinstance(error_class, type) and issubclass(error_class, NetworkError):
        return error_class(message, kind, status, **values)
    error = error_class(message, **values)
    error.kind = kind
    error.status = status
    return error
