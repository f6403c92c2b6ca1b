"""The network layer shared by the catalogue, the OGC loader and DINAMIS.

``net.core`` is pure Python (no qgis): the transport protocol, :class:`Response`, the error
type and its mapping to each area's own error, credentials bound to their origin, answers
read with a byte cap (gzip decoded with the same bound), a urllib transport for scripts
and tests, and the resumable, checksum- and version-verified download.
``net.qgis_transport`` is the same protocol on QgsNetworkAccessManager (proxy, SSL and
authentication settings of QGIS) with a cancel that aborts the pending reply. The
security rules of the network (docs/security.md) live here, once, for every area.
"""
