"""A raw loopback HTTP server for the network layer's tests: Range, cuts, stalls, proxying.

Written on sockets (not http.server) so that a test controls exactly when bytes are sent
and can observe when the client closes the connection (the proof that a cancel aborted
the request rather than waiting for it).
"""
import hashlib
import socket
import socketserver
import threading
import time

import pytest

PAYLOAD = bytes((i * 7919 + 13) % 251 for i in range(2_000_000))
SHA256 = hashlib.sha256(PAYLOAD).hexdigest()
STALLED_BODY = 10_000_000  # announced size of /stall-body, of which only 100 kB are sent


class LoopbackServer:
    """HTTP/1.1 on 127.0.0.1. ``requests`` lists dicts (method, target, path, headers);
    ``closed`` maps a stalled request's number to the monotonic time its client hung up."""

    def __init__(self):
        self.requests = []
        self.closed = {}
        self.stalled = threading.Event()  # set when a stalled request has arrived
        self.flaky_cuts = 1
        # /versioned.bin: a file the test replaces between requests (see serve_versioned)
        self.versions = {"v1": PAYLOAD, "v2": PAYLOAD[::-1]}
        self.current = "v1"
        self.validator = "etag"  # "etag", "last-modified" or None: what the server offers
        self.honour_if_range = True
        self.cut_next = 0  # answers still to cut halfway
        self.bomb = b""  # /bomb.gz: set by the gzip_bomb fixture
        self.images = {}  # path -> (content type, bytes) of small fixed answers
        self.sent = {}  # request number -> body bytes sent by /endless
        self.partial_from = None  # a byte offset: answer 206 from it to any request (a broken server)
        self.lock = threading.Lock()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                server.serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.tcp = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.tcp.server_address[1]}"
        self.thread = threading.Thread(target=self.tcp.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.tcp.shutdown()
        self.tcp.server_close()

    # -- protocol ------------------------------------------------------------------------
    def serve(self, connection):
        reader = connection.makefile("rb")
        while True:  # keep-alive: several requests per connection
            request = self.read_request(reader)
            if request is None:
                return
            with self.lock:
                number = len(self.requests)
                self.requests.append(request)
            if not self.answer(connection, request, number):
                return

    @staticmethod
    def read_request(reader):
        try:
            line = reader.readline().decode("latin-1").strip()
        except OSError:
            return None
        if not line:
            return None
        method, target, _ = line.split(" ", 2)
        headers = {}
        while True:
            header = reader.readline().decode("latin-1").strip()
            if not header:
                break
            key, _, value = header.partition(":")
            headers[key.strip().lower()] = value.strip()
        length = int(headers.get("content-length") or 0)
        body = reader.read(length) if length else b""
        path = target.split("?", 1)[0]
        return {"method": method, "target": target, "path": path, "headers": headers, "body": body}

    @staticmethod
    def send(connection, status, headers, body=b""):
        head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        connection.sendall(head.encode("latin-1") + body)

    def wait_for_close(self, connection, number):
        """Block until the client closes the connection; record when."""
        connection.settimeout(30)
        try:
            while connection.recv(4096):
                pass
        except OSError:
            pass
        self.closed[number] = time.monotonic()

    def answer(self, connection, request, number):
        """Send the answer; False to close the connection afterwards."""
        path, headers = request["path"], request["headers"]
        if request["target"].startswith("http://"):  # we are the proxy
            body = b"answered by the proxy for " + request["target"].encode()
            self.send(connection, 200, {"Content-Type": "text/plain", "Content-Length": len(body)}, body)
            return True
        if path in ("/stall", "/stall-body"):
            if path == "/stall-body":
                self.send(connection, 200, {"Content-Type": "application/octet-stream",
                                            "Content-Length": STALLED_BODY}, PAYLOAD[:100_000])
            self.stalled.set()
            self.wait_for_close(connection, number)
            return False
        if path == "/empty.bin":
            self.send(connection, 200, {"Content-Type": "text/plain", "Content-Length": 0})
            return True
        if path == "/echo":
            body = b'{"ok": true}'
            self.send(connection, 200, {"Content-Type": "application/json", "Content-Length": len(body)}, body)
            return True
        if path == "/private":
            if headers.get("authorization", "").startswith("Basic "):
                body = b'{"ok": true}'
                self.send(connection, 200, {"Content-Type": "application/json", "Content-Length": len(body)}, body)
            else:
                body = b'{"message": "credentials needed"}'
                self.send(connection, 403, {"Content-Type": "application/json", "Content-Length": len(body)}, body)
            return True
        if path == "/bomb.gz":  # a few MB of gzip that inflate to a GB of zeros
            self.send(connection, 200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                                        "Content-Length": len(self.bomb)}, self.bomb)
            return True
        if path in self.images:
            content_type, body = self.images[path]
            self.send(connection, 200, {"Content-Type": content_type, "Content-Length": len(body)}, body)
            return True
        if path in ("/endless", "/announced-huge", "/lying-length"):
            return self.serve_endless(connection, path, number)
        if path == "/versioned.bin":
            return self.serve_versioned(connection, headers)
        if path in ("/file.bin", "/flaky.bin", "/norange.bin"):
            return self.serve_file(connection, path, headers)
        self.send(connection, 404, {"Content-Type": "text/plain", "Content-Length": 9}, b"not found")
        return True

    def serve_file(self, connection, path, headers):
        start = 0
        ranged = headers.get("range", "")
        if ranged.startswith("bytes=") and path != "/norange.bin":
            start = int(ranged[6:].split("-")[0])
            if start >= len(PAYLOAD):
                self.send(connection, 416, {"Content-Range": f"bytes */{len(PAYLOAD)}", "Content-Length": 0})
                return True
            reply = {"Content-Range": f"bytes {start}-{len(PAYLOAD) - 1}/{len(PAYLOAD)}"}
            status = 206
        else:
            reply, status = {}, 200
        body = PAYLOAD[start:]
        reply.update({"Content-Type": "application/octet-stream", "Content-Length": len(body)})
        if path == "/flaky.bin" and self.flaky_cuts > 0 and start == 0:
            self.flaky_cuts -= 1
            self.send(connection, status, reply, body[: len(body) // 2])  # announced all, sent half
            connection.shutdown(socket.SHUT_RDWR)
            return False
        self.send(connection, status, reply, body)
        return True

    def serve_endless(self, connection, path, number):
        """Up to 600 MB, generated on the fly: without Content-Length (/endless), announcing
        600 MB (/announced-huge) or announcing 1000 bytes (/lying-length)."""
        total = 600 * 2**20
        length = {"/endless": None, "/announced-huge": total, "/lying-length": 1000}[path]
        headers = {"Content-Type": "image/png", "Connection": "close"}
        if length is not None:
            headers["Content-Length"] = length
        chunk = bytes(256 * 1024)
        self.sent[number] = 0
        try:
            self.send(connection, 200, headers)
            while self.sent[number] < total:
                connection.sendall(chunk)
                self.sent[number] += len(chunk)
        except OSError:  # the client hung up: the proof it stopped reading
            pass
        return False

    def serve_versioned(self, connection, headers):
        """The current version of a file, with its validator; Range honoured, If-Range
        honoured unless ``honour_if_range`` is False (a broken server or proxy)."""
        body, version = self.versions[self.current], self.current
        validator = {"etag": ("ETag", f'"{version}"'),
                     "last-modified": ("Last-Modified", f"Mon, 0{1 + int(version[1])} Jun 2026 10:00:00 GMT")}
        reply = dict([validator[self.validator]]) if self.validator else {}
        start = 0
        ranged = headers.get("range", "")
        if_range = headers.get("if-range")
        still_same = not self.honour_if_range or if_range is None or if_range in reply.values()
        if self.partial_from is not None or (ranged.startswith("bytes=") and still_same):
            start = self.partial_from if self.partial_from is not None else int(ranged[6:].split("-")[0])
            if start >= len(body):
                reply.update({"Content-Range": f"bytes */{len(body)}", "Content-Length": 0})
                self.send(connection, 416, reply)
                return True
            reply["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
        reply.update({"Content-Type": "application/octet-stream", "Content-Length": len(body) - start})
        status = 206 if "Content-Range" in reply else 200
        if self.cut_next:
            self.cut_next -= 1
            self.send(connection, status, reply, body[start:start + (len(body) - start) // 2])
            connection.shutdown(socket.SHUT_RDWR)
            return False
        self.send(connection, status, reply, body[start:])
        return True


@pytest.fixture(scope="session")
def gzip_bomb():
    """1 MB of gzip that inflates to 1 GiB of zeros (made once per session, ~3 s)."""
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(2**20)
    bomb = b"".join(compressor.compress(zeros) for _ in range(1024)) + compressor.flush()
    return bomb


@pytest.fixture(params=["urllib", "qgis"])
def make_transport(request):
    """The transport class under test (urllib, then QGIS): called with the same arguments."""
    if request.param == "urllib":
        from dataterra.dataterra_plugin.net.core import UrllibTransport

        return UrllibTransport
    request.getfixturevalue("qgis_app")
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    return QgisTransport


@pytest.fixture
def transport(make_transport):
    return make_transport()


@pytest.fixture
def basic_auth_configs(qgis_auth_manager):
    """``make(password)``: the id of a new QGIS auth configuration (method Basic, user name
    dt-user); all are removed after the test."""
    from qgis.core import QgsAuthMethodConfig

    made = []

    def make(password):
        config = QgsAuthMethodConfig("Basic")
        config.setName("net test")
        config.setConfig("username", "dt-user")
        config.setConfig("password", password)
        stored = qgis_auth_manager.storeAuthenticationConfig(config)
        assert (stored[0] if isinstance(stored, tuple) else stored)
        made.append(stored[1].id() if isinstance(stored, tuple) else config.id())
        return made[-1]

    yield make
    for config_id in made:
        qgis_auth_manager.removeAuthenticationConfig(config_id)


@pytest.fixture
def loopback():
    server = LoopbackServer()
    yield server
    server.close()
