"""Background work of the dock: searches in a QgsTask, quicklooks through async replies."""
import hashlib
import json
import os

from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsTask
from qgis.PyQt.QtCore import QBuffer, QByteArray, QObject, QSize, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QImage, QImageReader
from qgis.PyQt import sip
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ...rasterblocks.errors import Cancelled, DataTerraError
from ..net.qgis_transport import QgisTransport
from .core.download import download
from .core.errors import CatalogError
from .footprints import record_feature, record_geometry
from ..i18n import error_text


class SearchTask(QgsTask):
    """Runs the paging loop of one or several catalogues off the main thread; emits each
    page as it arrives.

    ``sources`` is a list of (backend, credentials) pairs (``net.core.Credentials`` bound to
    the catalogue's origin, or None): one for a hub or URL, all the
    enabled hubs for "all hubs" (searched one after the other, ``query.max_records`` each).
    ``pageReady(records, features, matched)`` carries a page, its footprint features (built
    here, off the main thread) and the total matched by that catalogue (or None);
    ``failed(str)`` a message for the dock. With several catalogues one failing is reported
    and the others are still searched. ``sourceProgress(number, state, found, matched)``
    follows each catalogue (its index in ``sources``): state "searching", "done" or
    "failed", the records found so far and the total it matched (or None).

    ``area`` (search_area.SearchArea) with a polygon: STAC API searches send it as
    ``intersects``; every backend's records whose footprint misses it are dropped here
    (``dropped`` counts them), since the others only take its bounding box.
    """

    pageReady = pyqtSignal(list, list, object)  # noqa: N815 - Qt naming
    failed = pyqtSignal(str)
    sourceProgress = pyqtSignal(int, str, int, object)  # noqa: N815 - Qt naming

    def __init__(self, sources, query, fields=None, description="Data Terra catalogue search", area=None):
        super().__init__(description, QgsTask.CanCancel)
        self.fields = fields
        self.sources = list(sources)
        self.query = query
        self.area = area
        self.error = ""
        self.count = 0
        self.dropped = 0

    def run(self):
        errors = []
        for number, (backend, credentials) in enumerate(self.sources):
            try:
                # the transport polls isCanceled() and aborts the pending reply (net/qgis_transport.py)
                transport = QgisTransport(None, "", self.isCanceled, CatalogError, credentials=credentials)
                self.sourceProgress.emit(number, "searching", 0, None)
                found, matched = self._search_one(backend, transport, number)
                self.sourceProgress.emit(number, "done", found, matched)
            except Cancelled:
                return False
            except DataTerraError as exc:
                errors.append(error_text(exc))
                self.sourceProgress.emit(number, "failed", 0, None)
                self.failed.emit(error_text(exc))
        self.error = "\n".join(errors)
        return not self.isCanceled() and len(errors) < len(self.sources)

    def _search_one(self, backend, transport, number):
        """Search one catalogue; (records kept, total it matched or None)."""
        fetched, found, matched = 0, 0, None
        if self.area is not None and self.area.is_polygon:
            send_intersects(backend, self.area.stac_intersects())
        for page in backend.pages(self.query, transport, self.isCanceled):
            if self.isCanceled():  # cancelled while the page was on its way: drop it now
                raise Cancelled()
            fetched += len(page.records)
            records = self._inside(page.records)
            self.count += len(records)
            found += len(records)
            matched = page.matched if page.matched is not None else matched
            features = [record_feature(r, self.fields) for r in records] if self.fields is not None else []
            self.pageReady.emit(records, features, page.matched)
            self.sourceProgress.emit(number, "searching", found, matched)
            goal = min(self.query.max_records, page.matched) if page.matched else self.query.max_records
            done = (number + min(1.0, fetched / max(1, goal))) / len(self.sources)
            self.setProgress(100.0 * done)
        return found, matched

    def _inside(self, records):
        if self.area is None or not self.area.is_polygon:
            return records
        kept = [record for record in records if self.area.keeps(record_geometry(record))]
        self.dropped += len(records) - len(kept)
        return kept


def send_intersects(backend, geometry):
    """Make a STAC API backend search by ``geometry`` (GeoJSON, WGS 84) instead of its bbox.

    STAC item search takes ``intersects`` in POST bodies (bbox and intersects are mutually
    exclusive); GEODES' own body, GET searches and the other protocols keep the bbox.
    ``next`` links that merge the first body carry it to the following pages.
    """
    if backend.PROTOCOL != "STAC" or geometry is None:
        return
    first_request = backend.first_request

    def with_intersects(query):
        request = first_request(query)
        if request.method == "POST" and request.body:
            body = json.loads(request.body)
            body.pop("bbox", None)
            body["intersects"] = geometry
            request.body = json.dumps(body).encode()
        return request

    backend.first_request = with_intersects


class DownloadTask(QgsTask):
    """Downloads one file (resumable, checksum-verified) off the main thread."""

    def __init__(self, url, path, checksum="", headers=None, sign=None, credentials=None):
        super().__init__(f"Data Terra download: {os.path.basename(path)}", QgsTask.CanCancel)
        self.url, self.path, self.checksum, self.headers = url, path, checksum, headers or {}
        self.credentials = credentials  # the hub's key, bound to its origin (auth.hub_credentials)
        self.sign = sign  # url -> signed url, called in the task (network) just before the download
        self.error = ""

    def run(self):
        try:
            download(self.url, self.path, self.checksum, self.headers,
                     progress=lambda f: self.setProgress(100.0 * f), is_cancelled=self.isCanceled,
                     transport=QgisTransport(None, "", self.isCanceled, CatalogError, credentials=self.credentials),
                     sign=self.sign)
        except Cancelled:
            return False
        except DataTerraError as exc:
            self.error = error_text(exc)
            return False
        return True


def quicklook_cache_dir():
    folder = os.path.join(QgsApplication.qgisSettingsDirPath(), "dataterra", "quicklooks")
    os.makedirs(folder, exist_ok=True)
    return folder


QUICKLOOK_MAX_BYTES = 8 * 2**20  # a quicklook is a few hundred kB; more is not a quicklook
QUICKLOOK_MAX_PIXELS = 4096 * 4096  # decoded at most 64 MiB (32-bit pixels) before the thumbnail


# the raster formats of quicklooks, by their signature; no other Qt image plugin is asked
# (the SVG one would inflate svgz content without bound just to recognise it)
QUICKLOOK_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", b"png"), (b"\xff\xd8\xff", b"jpeg"), (b"GIF87a", b"gif"),
                        (b"GIF89a", b"gif"))


def quicklook_format(data):
    """The Qt image format of a quicklook's bytes (png, jpeg, gif, webp), b"" if another."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return b"webp"
    return next((name for signature, name in QUICKLOOK_SIGNATURES if data.startswith(signature)), b"")


def decode_quicklook(data, max_side, max_pixels=QUICKLOOK_MAX_PIXELS):
    """The image in ``data`` scaled to fit ``max_side``, or a null QImage when it is not a
    PNG, JPEG, GIF or WebP image or its header announces more than ``max_pixels`` (read
    from the header, before any pixel is decoded: Qt 5.15 has no
    QImageReader.setAllocationLimit)."""
    image_format = quicklook_format(data)
    if not image_format:
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer, image_format)
    reader.setAutoDetectImageFormat(False)  # that handler or nothing
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > max_pixels:
        return QImage()
    if max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.KeepAspectRatio))
    return reader.read()


class QuicklookLoader(QObject):
    """Fetches quicklooks asynchronously (never blocking the main thread), at most
    ``parallel`` at a time, cached on disk by URL hash; emits ``loaded(url, QImage)``.

    Each reply is read as it arrives into at most ``max_bytes`` (asked without
    compression: Qt's own gzip decoding has no bound) and aborted beyond; images whose
    header announces more than QUICKLOOK_MAX_PIXELS are not decoded."""

    loaded = pyqtSignal(str, QImage)
    idle = pyqtSignal()  # nothing queued nor on its way any more
    MAX_SIDE = 96

    def __init__(self, cache_dir=None, parallel=4, parent=None, max_bytes=QUICKLOOK_MAX_BYTES):
        super().__init__(parent)
        self.cache_dir = cache_dir  # None: the profile's folder, created on first use
        self.parallel = parallel
        self.max_bytes = max_bytes
        self.queue = []
        self.running = {}
        self.bodies = {}  # url -> the bytes received so far (None: refused, over the cap)

    def cache_path(self, url):
        if self.cache_dir is None:
            self.cache_dir = quicklook_cache_dir()
        return os.path.join(self.cache_dir, hashlib.sha1(url.encode()).hexdigest() + ".png")

    def request(self, url):
        if not url.startswith(("http://", "https://")) or url in self.running or url in self.queue:
            return
        cached = self.cache_path(url)
        if os.path.exists(cached):
            image = QImage(cached)
            if not image.isNull():
                self.loaded.emit(url, image)
                return
        self.queue.append(url)
        self._pump()

    def clear(self):
        self.queue.clear()
        for reply in list(self.running.values()):
            if not sip.isdeleted(reply):
                reply.abort()

    def is_idle(self):
        return not self.queue and not self.running

    def _pump(self):
        while self.queue and len(self.running) < self.parallel:
            url = self.queue.pop(0)
            request = QNetworkRequest(QUrl(url))
            request.setTransferTimeout(20000)
            # Quicklooks have their own cache (above). Keeping them out of QGIS's HTTP disk
            # cache matters: the first cached request of the main thread makes Qt's
            # QNetworkDiskCache walk the whole cache folder to learn its size, which froze
            # QGIS for 200-300 ms with a 67 MB cache (the heartbeat test's stalls).
            request.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
            request.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
            request.setRawHeader(b"Accept-Encoding", b"identity")  # Qt inflates only what it asked for itself
            reply = QgsNetworkAccessManager.instance().get(request)
            reply.setReadBufferSize(256 * 1024)  # Qt's own buffer stays small while we read
            self.running[url] = reply
            self.bodies[url] = bytearray()
            reply.metaDataChanged.connect(lambda url=url, reply=reply: self._read(url, reply))
            reply.readyRead.connect(lambda url=url, reply=reply: self._read(url, reply))
            reply.finished.connect(lambda url=url, reply=reply: self._finished(url, reply))

    def _read(self, url, reply):
        body = self.bodies.get(url)
        if body is None or sip.isdeleted(reply) or not reply.isOpen():  # refused, or aborted (clear)
            return
        announced = reply.header(QNetworkRequest.ContentLengthHeader)
        data = bytes(reply.read(self.max_bytes + 1 - len(body)) or b"")
        if (announced is not None and int(announced) > self.max_bytes) or len(body) + len(data) > self.max_bytes:
            self.bodies[url] = None  # refused: the reply ends now, as aborted
            if not reply.isFinished():
                reply.abort()
            return
        body += data

    def _finished(self, url, reply):
        self.running.pop(url, None)
        if sip.isdeleted(self):  # the dock closed while this reply was on its way
            reply.deleteLater()
            return
        self._read(url, reply)
        body = self.bodies.pop(url, None)
        if reply.error() == QNetworkReply.NoError and body is not None:
            image = decode_quicklook(bytes(body), self.MAX_SIDE)
            if not image.isNull():
                image.save(self.cache_path(url), "PNG")
                self.loaded.emit(url, image)
        reply.deleteLater()
        self._pump()
        if self.is_idle():
            self.idle.emit()
