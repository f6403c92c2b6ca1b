"""The dock's quicklook loader reads with a byte cap and decodes with a pixel cap (issue 14,
item 5): a 600 MB quicklook streamed by the server, a gzip bomb and a PNG whose header
announces 30000 x 30000 pixels load nothing and keep the resident memory within a bound
derived from the cap (the issue measured +1 GB and +1.9 GB); a real quicklook still loads."""
import struct
import zlib

import pytest

from memory import PeakGrowth
from qtwait import wait_until

CAP = 2 * 2**20
MEMORY_BOUND = 4 * CAP + 48 * 2**20


def png(width, height, rows):
    """A 1-bit grayscale PNG of ``rows`` (bytes per row, filter byte included)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


@pytest.fixture
def loader(qgis_app, tmp_path):
    from dataterra.dataterra_plugin.catalog.tasks import QuicklookLoader

    loader = QuicklookLoader(cache_dir=str(tmp_path), max_bytes=CAP)
    loaded = []
    loader.loaded.connect(lambda url, image: loaded.append((url, image.width(), image.height())))
    loader.loaded_list = loaded
    yield loader
    loader.clear()
    wait_until(loader.is_idle, 10)
    loader.deleteLater()


@pytest.mark.parametrize("path", ["/endless", "/announced-huge", "/bomb.gz"])
def test_oversized_quicklooks_load_nothing_and_stay_bounded(loopback, loader, gzip_bomb, path):
    loopback.bomb = gzip_bomb
    with PeakGrowth() as peak:
        loader.request(loopback.url + path)
        assert wait_until(loader.is_idle, 60)
    assert loader.loaded_list == [] and peak.bytes < MEMORY_BOUND, peak.bytes
    assert loopback.requests[0]["headers"]["accept-encoding"] == "identity"
    if path != "/bomb.gz":  # the client hung up long before the 600 MB
        assert wait_until(lambda: 0 in loopback.sent and loopback.sent[0] < 600 * 2**20, 10)


def test_pixel_bomb_is_not_decoded(loopback, loader):
    """120 kB of PNG announcing 30000 x 30000 pixels (112 MB at 1 bit, 3.6 GB as 32-bit)."""
    width = height = 30000
    bomb = png(width, height, bytes((width // 8 + 1) * height))
    assert len(bomb) < CAP
    loopback.images["/pixels.png"] = ("image/png", bomb)
    with PeakGrowth() as peak:
        loader.request(loopback.url + "/pixels.png")
        assert wait_until(loader.is_idle, 30)
    assert loader.loaded_list == [] and peak.bytes < MEMORY_BOUND, peak.bytes


def test_only_raster_quicklook_formats_are_decoded(loopback, loader):
    """An SVG "quicklook" is not handed to Qt's SVG reader (which inflates svgz content
    without bound just to recognise it); the same picture as PNG loads."""
    loopback.images["/ql.svg"] = ("image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg" width="64" '
                                                   b'height="32"><rect width="64" height="32"/></svg>')
    loopback.images["/ql.png"] = ("image/png", png(64, 32, bytes(9 * 32)))
    loader.request(loopback.url + "/ql.svg")
    loader.request(loopback.url + "/ql.png")
    assert wait_until(lambda: loader.is_idle() and loader.loaded_list, 30)
    assert loader.loaded_list == [(loopback.url + "/ql.png", 64, 32)]


def test_a_real_quicklook_loads_as_a_thumbnail(loopback, loader):
    width, height = 400, 200
    loopback.images["/ql.png"] = ("image/png", png(width, height, bytes((width // 8 + 1) * height)))
    loader.request(loopback.url + "/ql.png")
    assert wait_until(lambda: loader.loaded_list, 30)
    assert loader.loaded_list == [(loopback.url + "/ql.png", 96, 48)]  # 400 x 200 fitted into 96
