"""One record model for every catalogue protocol, and the search query."""
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Link:
    """A link of a record: landing page, download, OGC service, quicklook, metadata."""

    href: str
    rel: str = ""
    type: str = ""
    title: str = ""
    protocol: str = ""  # e.g. OGC:WMS, OGC:WFS, WWW:DOWNLOAD-1.0-http--download
    checksum: str = ""  # "<algorithm>:<hex>" (e.g. "sha256:ab12..."), when the catalogue gives one
    size: Optional[int] = None


@dataclass
class Record:
    """A catalogue record normalised from STAC, CSW, OpenSearch, OGC API Records or ODS.

    Dates are ISO 8601 strings as given by the server; ``bbox`` is
    (west, south, east, north) in degrees (WGS 84); ``geometry`` a GeoJSON geometry dict
    in WGS 84 longitude/latitude when the server gives a footprint, else None.
    """

    id: str
    title: str = ""
    abstract: str = ""
    collection: str = ""
    start: str = ""
    end: str = ""
    cloud_cover: Optional[float] = None  # percent
    platform: str = ""
    instrument: str = ""
    licence: str = ""
    contact: str = ""
    keywords: list = field(default_factory=list)
    bbox: Optional[tuple] = None
    geometry: Optional[dict] = None
    quicklook: str = ""
    links: list = field(default_factory=list)
    source: str = ""  # hub id or endpoint the record came from

    def footprint(self):
        """GeoJSON geometry of the footprint: the geometry, else the bbox polygon, else None."""
        if self.geometry:
            return self.geometry
        if self.bbox:
            w, s, e, n = self.bbox
            return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}
        return None

    def service_links(self):
        """Links to OGC services (WMS, WMTS, WFS, WCS) that can be added as layers."""
        kinds = ("WMS", "WMTS", "WFS", "WCS")
        return [link for link in self.links
                if any(k in (link.protocol or "").upper() or f"SERVICE={k}" in link.href.upper() for k in kinds)]

    def download_links(self):
        """Links to data files (STAC assets with role data, CSW download links, enclosures)."""
        return [link for link in self.links
                if link.rel in ("data", "enclosure", "download") or "DOWNLOAD" in (link.protocol or "").upper()]


@dataclass
class SearchQuery:
    """What to search for.

    ``bbox`` is (west, south, east, north) in WGS 84 degrees; ``start``/``end`` ISO 8601
    dates or datetimes; ``page_size`` the records asked per request (capped by each
    backend, e.g. 80 for GEODES); ``max_records`` the total wanted over all pages.
    """

    collection: str = ""
    bbox: Optional[tuple] = None
    start: str = ""
    end: str = ""
    text: str = ""
    max_cloud_cover: Optional[float] = None
    platform: str = ""
    sortby: str = ""  # property name, "-" prefix for descending
    page_size: int = 50
    max_records: int = 100


@dataclass
class SearchPage:
    """One page of results: records, total matched (None when unknown), how to get the next."""

    records: list
    matched: Optional[int] = None
    next_request: Optional[object] = None  # an opaque token the backend understands
