"""Data Terra for QGIS: QGIS plugin entry point.

Importing this package must not import qgis: the pure cores (fragscape.core,
biodispersal.core, biodivmap.core, rasterblocks) are used from plain Python too.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Called by QGIS (desktop, or qgis_process with iface=None) to create the plugin."""
    from .dataterra_plugin.plugin import DataTerraPlugin

    return DataTerraPlugin(iface)
