"""Sentinel-2 items of a STAC catalogue as products read by windows over HTTP, no full download.

Each band asset (B2 … B12) and cloud mask (THEIA ``CLM``, Sen2Cor ``SCL``) of an item is a
tiled GeoTIFF (COG). Its header and first image directory are read with HTTP ``Range``
requests through the plugin's transport (``dataterra_plugin.net``: QGIS proxy, origin-bound
credentials, byte caps), the tiles (or strips) that cover the area of interest are fetched,
and GDAL reads the result as a ``/vsisparse/`` file whose fetched regions are in ``/vsimem/``
(everything else reads as zeros and is never touched: the series reads inside the window).
GDAL's own ``/vsicurl/`` is not used: it would bypass the plugin's network settings.

The products work with :mod:`.series` like a folder's; the cloudiness of a date must then be
computed over the area (``IndexOptions.cloudiness_in_area``), since only the area is read.
"""
import json
import re
import struct
import uuid
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import gdal

from ...dataterra_plugin.catalog.core.model import Record
from ...dataterra_plugin.catalog.core.stac import feature_record
from ...rasterblocks.errors import QT_TRANSLATE_NOOP
from ...rasterblocks.io import Window
from .formula import BANDS_10M
from .masks import CLOUD_GROWTH
from .products import SEN2COR_OFFSET, Grid, Product, ProductError

gdal.UseExceptions()

HEADER_BYTES = 16 * 1024  # the first read of a file: a COG's header, directory and tile index fit in it
MAX_REQUEST_BYTES = 8 * 1024 * 1024  # one ranged GET (the transport caps in-memory answers at 64 MiB)
MERGE_GAP = 16 * 1024  # tiles closer than this are fetched in one request
COMMON_NAMES = {"BLUE": "B2", "GREEN": "B3", "RED": "B4", "NIR": "B8", "NIR08": "B8A", "SWIR16": "B11",
                "SWIR22": "B12"}
BAND_PATTERNS = (re.compile(r"(?:^|[^A-Z0-9])B0?(\d{1,2}A?)(?:[^A-Z0-9]|$)"),
                 re.compile(r"BAND\s*0?(\d{1,2}A?)(?:[^A-Z0-9]|$)"))
MASK_NAMES = {"CLM": "theia", "SCL": "sen2cor"}
HUB_PROPERTY = "dataterra:hub"  # items file: the catalogue hub of an item (for its credentials)
SEN2COR_OFFSET_FROM = "2022-01-25"  # processing baseline 04.00: digital numbers = 10000·reflectance + 1000
TIFF_TYPES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8, 17: 8, 18: 8}
TAG_WIDTH, TAG_HEIGHT, TAG_ROWS_PER_STRIP, TAG_STRIP_OFFSETS, TAG_STRIP_COUNTS = 256, 257, 278, 273, 279
TAG_TILE_WIDTH, TAG_TILE_HEIGHT, TAG_TILE_OFFSETS, TAG_TILE_COUNTS, TAG_PLANAR = 322, 323, 324, 325, 284


def asset_role(link):
    """"B2" … "B12", "CLM" or "SCL" for a band or cloud-mask asset (by title or key, then file
    name), else None. THEIA's surface reflectance without slope correction (SRE) is skipped."""
    for text in (link.title, link.href.rsplit("/", 1)[-1].split("?")[0]):
        name = (text or "").upper()
        if "SRE" in re.split(r"[^A-Z0-9]", name):
            return None
        for mask in MASK_NAMES:
            if re.search(rf"(?:^|[^A-Z0-9]){mask}(?:[^A-Z0-9]|$)", name):
                return mask
        if name in COMMON_NAMES:
            return COMMON_NAMES[name]
        for pattern in BAND_PATTERNS:
            found = pattern.search(name)
            if found:
                return f"B{found.group(1)}"
    return None


@dataclass
class Traffic:
    """Bytes received and requests made, against the total size of the files read."""

    received: int = 0
    requests: int = 0
    file_sizes: dict = field(default_factory=dict)  # url → total size

    @property
    def files_total(self):
        return sum(self.file_sizes.values())


class RangeReader:
    """Ranged GETs of one URL through a transport of the plugin's network layer."""

    def __init__(self, transport, url, traffic: Traffic, headers=None):
        self.transport, self.url, self.traffic = transport, url, traffic
        self.headers = dict(headers or {})  # the hub's API key header, as the catalogue's downloads send it
        self.size = None

    def read(self, offset, length):
        # stream(): never served from or saved to a cache (a cached answer to another range would be wrong)
        sink = _Collect(self.url, length)
        response = self.transport.stream(self.url, sink,
                                         headers={**self.headers, "Range": f"bytes={offset}-{offset + length - 1}"})
        if response.status != 206:  # an error status (2xx other than 206 are refused by the sink)
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read {url}: the server answered HTTP "
                                                 "{status}."), url=self.url, status=response.status)
        total = response.headers.get("content-range", "").rpartition("/")[2]
        if total.isdigit():
            self.size = int(total)
            self.traffic.file_sizes[self.url] = self.size
        self.traffic.received += len(sink.data)
        self.traffic.requests += 1
        return bytes(sink.data)


class _Collect:
    """A stream sink keeping the body of a ranged answer (refusing more than was asked)."""

    def __init__(self, url, limit):
        self.url, self.limit, self.data, self.headers = url, limit, bytearray(), {}

    def start(self, status, headers):
        self.headers = headers
        if status != 206:  # refused before the body: a server ignoring ranges would send the whole file
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "{url} answered HTTP {status} to a byte-range "
                                                 "request: the server must serve ranges (HTTP 206) for the "
                                                 "catalogue items to be read by windows."),
                               url=self.url, status=status)

    def write(self, chunk):
        self.data += chunk
        if len(self.data) > self.limit:
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The server sent more bytes than the range "
                                                 "asked ({limit})."), limit=self.limit)


@dataclass
class TiffLayout:
    """What the first image directory says about the blocks (tiles, or strips) of a TIFF."""

    width: int
    height: int
    block_width: int
    block_height: int
    offsets: list
    counts: list
    planes: int = 1  # samples stored plane after plane (PlanarConfiguration 2)

    def blocks_over(self, window: Window):
        """(offset, count) of every block that intersects ``window``."""
        across = -(-self.width // self.block_width)
        down = -(-self.height // self.block_height)
        rows = range(window.row // self.block_height, (window.row + window.height - 1) // self.block_height + 1)
        cols = range(window.col // self.block_width, (window.col + window.width - 1) // self.block_width + 1)
        for plane in range(self.planes):
            for row in rows:
                for col in cols:
                    number = plane * across * down + row * across + col
                    if self.counts[number]:
                        yield self.offsets[number], self.counts[number]


class RemoteTiff:
    """A GeoTIFF over HTTP: its header and directory, then the blocks of the windows asked."""

    def __init__(self, reader: RangeReader, vsimem_files=None):
        self.reader = reader
        self.vsimem_files = vsimem_files if vsimem_files is not None else []  # to unlink when done
        self.regions = {0: reader.read(0, HEADER_BYTES)}
        self._georeferencing = None
        self.layout = self._parse()

    def _bytes(self, offset, length):
        """``length`` bytes at ``offset``, from the regions fetched or a new request."""
        for start, data in self.regions.items():
            if start <= offset and offset + length <= start + len(data):
                return data[offset - start:offset + length]
        self.regions[offset] = self.reader.read(offset, length)
        return self.regions[offset]

    def _parse(self) -> TiffLayout:
        head = self._bytes(0, 16)
        order = {b"II": "<", b"MM": ">"}.get(head[:2])
        version = struct.unpack(order + "H", head[2:4])[0] if order else 0
        if version not in (42, 43):
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "{url} is not a GeoTIFF."), url=self.reader.url)
        big = version == 43
        entries_format, count_format, entry_size, offset_format = ("Q", "Q", 20, "Q") if big else ("H", "I", 12, "I")
        first = struct.unpack(order + offset_format, head[8:16] if big else head[4:8])[0]
        number = struct.unpack(order + entries_format, self._bytes(first, 8 if big else 2))[0]
        entries = self._bytes(first + (8 if big else 2), number * entry_size + (8 if big else 4))
        tags = {}
        for k in range(number):
            entry = entries[k * entry_size:(k + 1) * entry_size]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            count = struct.unpack(order + count_format, entry[4:12] if big else entry[4:8])[0]
            inline = entry[12:20] if big else entry[8:12]
            size = TIFF_TYPES.get(kind, 1) * count
            data = inline if size <= len(inline) else self._bytes(struct.unpack(order + offset_format, inline)[0], size)
            if tag in (TAG_WIDTH, TAG_HEIGHT, TAG_ROWS_PER_STRIP, TAG_TILE_WIDTH, TAG_TILE_HEIGHT, TAG_PLANAR,
                       TAG_TILE_OFFSETS, TAG_TILE_COUNTS, TAG_STRIP_OFFSETS, TAG_STRIP_COUNTS):
                letter = {3: "H", 4: "I", 16: "Q"}.get(kind, "I")
                tags[tag] = list(struct.unpack(f"{order}{count}{letter}", data[:count * struct.calcsize(letter)]))
        width, height = tags[TAG_WIDTH][0], tags[TAG_HEIGHT][0]
        planes = 1 if tags.get(TAG_PLANAR, [1])[0] == 1 else None
        if TAG_TILE_OFFSETS in tags:
            layout = TiffLayout(width, height, tags[TAG_TILE_WIDTH][0], tags[TAG_TILE_HEIGHT][0],
                                tags[TAG_TILE_OFFSETS], tags[TAG_TILE_COUNTS])
        else:
            layout = TiffLayout(width, height, width, tags.get(TAG_ROWS_PER_STRIP, [height])[0],
                                tags[TAG_STRIP_OFFSETS], tags[TAG_STRIP_COUNTS])
        blocks = (-(-width // layout.block_width)) * (-(-height // layout.block_height))
        layout.planes = planes or len(layout.offsets) // blocks
        return layout

    def fetch(self, window: Window):
        """Fetch the blocks over ``window`` (pixels of this file), neighbours in one request."""
        spans = []
        for offset, count in sorted(self.layout.blocks_over(window)):
            if spans and offset - spans[-1][1] <= MERGE_GAP and offset + count - spans[-1][0] <= MAX_REQUEST_BYTES:
                spans[-1][1] = max(spans[-1][1], offset + count)
            else:
                spans.append([offset, offset + count])
        for start, end in spans:
            if not any(s <= start and end <= s + len(d) for s, d in self.regions.items()):
                self.regions[start] = self.reader.read(start, end - start)

    def sparse_path(self) -> str:
        """A GDAL path to the file as fetched so far (zeros elsewhere)."""
        stem = f"/vsimem/dataterra_stac/{uuid.uuid4().hex}"
        parts = []
        for number, (start, data) in enumerate(sorted(self.regions.items())):
            gdal.FileFromMemBuffer(f"{stem}_{number}.bin", bytes(data))
            self.vsimem_files.append(f"{stem}_{number}.bin")
            parts.append(f"<SubfileRegion><Filename relative=\"0\">{stem}_{number}.bin</Filename>"
                         f"<DestinationOffset>{start}</DestinationOffset><SourceOffset>0</SourceOffset>"
                         f"<RegionLength>{len(data)}</RegionLength></SubfileRegion>")
        size = self.reader.size or max(s + len(d) for s, d in self.regions.items())
        gdal.FileFromMemBuffer(f"{stem}.xml", f"<VSISparseFile><Length>{size}</Length>{''.join(parts)}"
                                              "</VSISparseFile>")
        self.vsimem_files.append(f"{stem}.xml")
        return f"/vsisparse/{stem}.xml"

    def georeferencing(self):
        """(geotransform, CRS WKT) read by GDAL from the header."""
        if self._georeferencing is None:
            ds = gdal.Open(self.sparse_path())
            self._georeferencing = tuple(ds.GetGeoTransform()), ds.GetProjection()
        return self._georeferencing


@dataclass
class _Item:
    record: Record
    assets: dict  # role → href
    hub: str = ""  # the catalogue hub the item came from (its credentials)


class StacProducts:
    """Sentinel-2 L2A items (catalogue records or STAC features) as :class:`Product` objects
    whose files hold only the blocks over an area of interest.

    ``grid()`` reads one header to give the 10 m grid (and its CRS, to express the area in);
    ``products(extent)`` fetches every asset's blocks over the area and its halo.
    """

    def __init__(self, items, transport, access=None):
        """``access(hub_id)`` gives (headers, sign) for the items of a catalogue hub: the hub's
        API key header and ``sign(url, transport) -> url`` for hubs that sign their links
        (as the catalogue's downloads use them); None: no credentials."""
        self.transport = transport
        self.access = access
        self.traffic = Traffic()
        self.items = [self._item(i) for i in items]
        self._remote = {}
        self._grid = None
        self.skipped = []  # ids of the items on another tile than the grid's
        # the fetched bytes live in /vsimem/ until this source and every product it made are gone
        self.vsimem_files = []
        weakref.finalize(self, _unlink, self.vsimem_files)

    def _item(self, item) -> _Item:
        record = item if isinstance(item, Record) else feature_record(
            item, (item.get("properties") or {}).get(HUB_PROPERTY, ""))
        assets = {}
        # GeoTIFF before JPEG 2000 twins of the same band (Earth Search lists both)
        for link in sorted(record.links, key=lambda link: link.href.lower().split("?")[0].endswith(".jp2")):
            role = asset_role(link)
            if role:
                assets.setdefault(role, link.href)
        if not record.start or not any(role in assets for role in MASK_NAMES):
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The catalogue item {name} has no date or no "
                                                 "cloud mask asset (CLM or SCL)."), name=record.id)
        return _Item(record, assets, record.source)

    def records(self) -> list:
        """The items as catalogue records."""
        return [item.record for item in self.items]

    def remote(self, href, hub="") -> RemoteTiff:
        if href not in self._remote:
            headers, sign = self.access(hub) if (self.access and hub) else ({}, None)
            url = sign(href, self.transport) if sign else href
            self._remote[href] = RemoteTiff(RangeReader(self.transport, url, self.traffic, headers),
                                            self.vsimem_files)
        return self._remote[href]

    def _item_grid(self, item) -> Grid:
        href = next((item.assets[b] for b in BANDS_10M if b in item.assets), None)
        if href is None:
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The product {name} has no 10 m band (B2, B3, B4 "
                                                 "or B8) to define the grid."), name=item.record.id)
        remote = self.remote(href, item.hub)
        geotransform, crs_wkt = remote.georeferencing()
        return Grid(remote.layout.width, remote.layout.height, tuple(geotransform), crs_wkt)

    def grid(self) -> Grid:
        """The 10 m grid most items share (a search over an area may return several tiles)."""
        if self._grid is None:
            if not self.items:
                raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "No catalogue item to read."))
            grids = [self._item_grid(item) for item in self.items]
            self._grid = max(grids, key=grids.count)
        return self._grid

    def products(self, extent=None, bands=None, halo=CLOUD_GROWTH, sen2cor_offset=False) -> list:
        """The items on :meth:`grid` as products holding the blocks over ``extent`` (grid CRS;
        None: everything) widened by ``halo`` 10 m pixels; only the ``bands`` given (default: all
        found). Items of other tiles are left out and listed in :attr:`skipped`.
        ``sen2cor_offset``: remove the +1000 of Sen2Cor items from 2022-01-25 (baseline 04.00)."""
        grid = self.grid()
        window = grid.window_of_extent(extent) if extent is not None else Window(0, 0, grid.width, grid.height)
        x0, dx, _, y0, _, dy = grid.geotransform
        col0, row0 = window.col - halo, window.row - halo
        area = (x0 + col0 * dx, y0 + row0 * dy, x0 + (window.col + window.width + halo) * dx,
                y0 + (window.row + window.height + halo) * dy)
        found, self.skipped = [], []
        for item in self.items:
            if self._item_grid(item) != grid:
                self.skipped.append(item.record.id)
                continue
            found.append(self._product(item, area, bands, sen2cor_offset))
        return sorted(found, key=lambda p: (p.date, p.name))

    def _product(self, item, area, bands, sen2cor_offset) -> Product:
        mask_role = next(role for role in MASK_NAMES if role in item.assets)
        grid_band = next(b for b in BANDS_10M if b in item.assets)
        product = Product(item.record.start[:10], item.record.id, MASK_NAMES[mask_role])
        product.source = self  # keeps the fetched bytes in /vsimem/ while the product is used
        if sen2cor_offset and product.layout == "sen2cor" and product.date >= SEN2COR_OFFSET_FROM:
            product.offset = SEN2COR_OFFSET
        for role, href in item.assets.items():
            if role in MASK_NAMES and role != mask_role or (
                    bands and role not in bands and role not in (mask_role, grid_band)):
                continue
            path = self._fetch_area(self.remote(href, item.hub), area)
            if role == mask_role:
                product.cloud_mask = path
            else:
                product.bands[role] = path
        return product

    @staticmethod
    def _fetch_area(remote, area) -> str:
        geotransform, _ = remote.georeferencing()
        ax, adx, _, ay, _, ady = geotransform
        left, top, right, bottom = area
        col0 = max(0, int((left - ax) // adx))
        row0 = max(0, int((top - ay) // ady))
        col1 = min(remote.layout.width, int(-(-(right - ax) // adx)))
        row1 = min(remote.layout.height, int(-(-(bottom - ay) // ady)))
        if col1 > col0 and row1 > row0:
            remote.fetch(Window(col0, row0, col1 - col0, row1 - row0))
        return remote.sparse_path()


def _unlink(paths):
    for path in paths:
        gdal.Unlink(path)
    paths.clear()


def record_feature(record: Record) -> dict:
    """A catalogue record as a STAC feature holding its dated assets (for an items file)."""
    return {"type": "Feature", "id": record.id,
            "properties": {"datetime": record.start, "title": record.title, HUB_PROPERTY: record.source},
            "geometry": record.geometry, "bbox": list(record.bbox) if record.bbox else None, "links": [],
            "assets": {link.title or f"asset{k}": {"href": link.href, "type": link.type, "roles": [link.rel or "data"]}
                       for k, link in enumerate(record.links) if asset_role(link)}}


def write_items_file(records, path):
    """Write catalogue records (or STAC features) as a GeoJSON FeatureCollection of STAC items."""
    features = [r if isinstance(r, dict) else record_feature(r) for r in records]
    Path(path).write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


def read_items_file(path) -> list:
    """The STAC features of a FeatureCollection (or list of features) file."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the catalogue items file {path}: {exc}"),
                           path=str(path), exc=exc) from exc
    features = document.get("features") if isinstance(document, dict) else document
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a GeoJSON collection of STAC items."),
                           path=str(path))
    return features
