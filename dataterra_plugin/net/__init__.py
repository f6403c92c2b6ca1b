"""The network layer shared by the catalogue, the OGC loader and DINAMIS.

``net.core`` is pure Python (no qgis): the transport protocol, :class:`Response`, the error
type and its mapping to each area's own error, a urllib transport for scripts and tests,
and the resumable, checksum-verified download. ``net.qgis_transport`` is the same protocol
on QgsNetworkAccessManager (proxy, SSL and authentication settings of QGIS) with a cancel
that aborts the pending reply.
"""
