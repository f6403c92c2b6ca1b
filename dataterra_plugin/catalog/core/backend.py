"""The small interface every catalogue backend implements, and the paging loop."""
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlencode, urlsplit, urlunsplit

from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP, check_cancel
from .errors import CatalogError
from ...net.core.transport import host_of
from .transport import check_response


def endpoint_url(endpoint, path=None, params=None):
    """``endpoint`` with its path replaced by ``path`` (if given) and ``params`` added to its own
    query: a catalogue URL carrying a token (``?apikey=...``) keeps it, with one ``?``."""
    split = urlsplit(endpoint)
    query = "&".join(part for part in (split.query, urlencode(params or {})) if part)
    return urlunsplit((split.scheme, split.netloc, split.path if path is None else path, query, ""))


@dataclass
class HttpRequest:
    """One HTTP request a backend wants sent (the transport sends it)."""

    method: str
    url: str
    headers: dict = field(default_factory=dict)
    body: Optional[bytes] = None
    state: dict = field(default_factory=dict)  # backend bookkeeping (page number, offset)


class Backend:
    """A catalogue protocol: builds requests and parses answers (bytes -> records).

    Subclasses define ``PROTOCOL``, ``EXPECTED`` ("json" or "xml"),
    :meth:`first_request` and :meth:`parse_page`. No I/O happens here except through
    the transport given to :meth:`pages`.
    """

    PROTOCOL = ""
    EXPECTED = "json"
    MAX_PAGE_SIZE = 500
    MAX_PAGE_BYTES = 16 * 2**20  # a larger answer is refused (docs/security.md, memory budgets)

    def __init__(self, endpoint, source="", headers=None, timeout=30, **options):
        if not endpoint or not str(endpoint).startswith(("http://", "https://")):
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The catalogue address {endpoint!r} is not an "
                                                 "http(s) URL."), endpoint=endpoint)
        self.endpoint = str(endpoint)
        self.source = source or endpoint
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.options = options

    def page_size(self, query):
        return max(1, min(query.page_size, query.max_records, self.MAX_PAGE_SIZE))

    def first_request(self, query):  # pragma: no cover - abstract
        raise NotImplementedError

    def parse_page(self, body, query, request, limit=None):  # pragma: no cover - abstract
        """Return a SearchPage whose ``next_request`` is an HttpRequest or None, holding at
        most ``limit`` records (default ``query.max_records``): the others are not built."""
        raise NotImplementedError

    def what(self):
        return Message(QT_TRANSLATE_NOOP("DataTerraError", "{protocol} search of {source}"), protocol=self.PROTOCOL,
                       source=self.source)

    def send(self, request, transport):
        """The answer to ``request``, refused when larger than :attr:`MAX_PAGE_BYTES`."""
        # the transport cuts an oversized answer while it arrives; check_size stays for
        # transports that do not stream (scripts' own transports)
        response = transport.request(request.method, request.url, headers={**self.headers, **request.headers},
                                     body=request.body, timeout=self.timeout, max_bytes=self.MAX_PAGE_BYTES)
        check_size(response, self.MAX_PAGE_BYTES, self.what())
        return response

    def fetch_page(self, request, query, transport, limit=None):
        response = self.send(request, transport)
        check_response(response, self.EXPECTED, self.what())
        page = self.parse_page(response.body, query, request, limit)
        for record in page.records:
            record.source = record.source or self.source
        return page

    def pages(self, query, transport, is_cancelled=None):
        """Yield SearchPage objects until ``query.max_records`` records or the last page."""
        request = self.first_request(query)
        seen = 0
        visited = set()
        while request is not None and seen < query.max_records:
            check_cancel(is_cancelled)
            key = (request.method, request.url, request.body)
            if key in visited:  # a server whose next link points back to itself
                break
            visited.add(key)
            page = self.fetch_page(request, query, transport, query.max_records - seen)
            page.records = page.records[: query.max_records - seen]
            seen += len(page.records)
            yield page
            if not page.records:
                break
            request = page.next_request


def check_size(response, limit, what):
    """Refuse an answer of more than ``limit`` bytes (memory budget of one page)."""
    if len(response.body) > limit:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: the answer of {host} is larger than {size} "
                                             "MB, more than a catalogue page can be: refused. Ask fewer records per "
                                             "page or check the address."),
                           what=what, host=host_of(response.url), size=limit // 2**20)


def search_pages(backend, query, transport, progress=None, is_cancelled=None):
    """The pages of a search (up to ``query.max_records`` records), reporting progress:
    a caller that writes each page and drops it holds one page at a time."""
    seen, matched = 0, None
    for page in backend.pages(query, transport, is_cancelled):
        seen += len(page.records)
        if page.matched is not None:
            matched = page.matched
        if progress is not None:
            goal = min(query.max_records, matched) if matched else query.max_records
            progress(min(1.0, seen / max(1, goal)))
        yield page


def search_all(backend, query, transport, progress=None, is_cancelled=None):
    """All records of a search (up to ``query.max_records``) and the total matched."""
    records, matched = [], None
    for page in search_pages(backend, query, transport, progress, is_cancelled):
        records.extend(page.records)
        if page.matched is not None:
            matched = page.matched
    return records, matched
