"""A loopback HTTP server for the tests: it logs every request and answers through
``answer(request)``, by default from ``routes`` (path -> handler(request) -> (status,
headers, body)); subclasses override ``answer`` for stateful protocols."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class ReplayServer:
    """HTTP server on 127.0.0.1; ``requests`` holds method, path, query, body and headers."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                split = urlsplit(self.path)
                request = {"method": self.command, "path": split.path, "query": parse_qs(split.query),
                           "body": body, "headers": dict(self.headers)}
                server.requests.append(request)
                status, headers, payload = server.answer(request)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_HEAD = _serve  # noqa: N815

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, request):
        path = request["path"]
        handler = self.routes.get(path)
        if handler is None and path.endswith("/search"):  # StacBackend adds /search
            handler = self.routes.get(path[: -len("/search")])
        if handler is None:
            return 404, {"Content-Type": "text/plain"}, b"no such route"
        return handler(request)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
