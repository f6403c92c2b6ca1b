"""Loading and downloading OGC services (WMS, WMTS, WFS, WCS)."""
