"""Pure catalogue core: record model, transports and protocol backends (no qgis import).

Backends parse bytes handed to them by a small transport (``transport.Transport``), so
the same code runs from scripts (urllib) and inside QGIS (QgsNetworkAccessManager in
a QgsTask, see ``net/qgis_transport.py``).
"""
from .errors import CatalogError  # noqa: F401
from .model import Link, Record, SearchPage, SearchQuery  # noqa: F401
