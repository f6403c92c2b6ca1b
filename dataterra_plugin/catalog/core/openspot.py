"""DINAMIS open SPOT 6-7 archive (OpenSPOT, Licence Ouverte Etalab): a small REST JSON API.

What is known, and from where (docs/dinamis.md, "OpenSPOT API", keeps the details and
tests/data/dinamis/README.md says which fixture parts are recorded and which constructed):

* ``GET {base}/api/geo/{year}_{mode}`` answers a GeoJSON FeatureCollection of every image
  of that year and mode (``mode`` one of MS, PAN, PMS); the server does no spatial or
  date filtering, so this backend filters the features itself. Feature properties read
  by the public clients: ``fid`` (int), ``ds_name``, ``img_date`` (YYYY-MM-DD),
  ``f_quicklook`` (file name), ``mode_``, ``resolution`` (metres), ``page_``.
* quicklooks are served at ``{base}/api/lien_jpg/{f_quicklook}``;
* a download is two POSTs in one cookie session: ``{base}/ressources`` with the form
  field ``val_fid={"values": [fid]}`` (the answer sets the ``session`` cookie, a signed
  Flask session holding those values), then ``{base}/api/tab_liens`` as
  multipart/form-data with the user's ``profil``, ``theme``, ``pays`` and
  ``license=on`` (acceptance of the licence); its HTML answer holds ``<a href>`` links
  to the files (``/api/lien_tif/...``), fetched with the same cookie.

Not published by DINAMIS, hence not relied upon: cloud cover and incidence angle (no
client reads them; records leave them empty), the list of years (a year_mode the server
does not know answers an error and is skipped), the accepted values of the form fields.
"""
import datetime
import json
import re
import uuid
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode, urljoin, urlsplit

from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP, check_cancel
from .backend import Backend, HttpRequest
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .jsonpage import read_page
from .safe import as_geometry, bounded_record, get_count, get_dict, get_number, get_str
from .transport import check_response

MODES = ("MS", "PAN", "PMS")
FIRST_YEAR = 2018  # earliest yearly campaign the public clients list; earlier years are skipped if absent
DOWNLOAD_PROTOCOL = "DINAMIS:OPENSPOT-TWO-STEP"
DEFAULT_FORM = {"profil": "Particulier", "theme": "Autres", "pays": "fra"}


def base_url(endpoint):
    """Site root from an endpoint given as the root, ``.../api`` or ``.../api/geo``."""
    url = str(endpoint).rstrip("/")
    for tail in ("/api/geo", "/api"):
        if url.endswith(tail):
            url = url[: -len(tail)]
    return url


def year_modes(start, end, modes=MODES):
    """The ``{year}_{mode}`` collections covering the dates ``start``..``end`` (ISO strings);
    no start means the first campaign (:data:`FIRST_YEAR`)."""
    first = int(start[:4]) if start else FIRST_YEAR
    last = int(end[:4])
    if last < first:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The end date {end} is before the start date {start}."),
            end=end,
            start=start)
    return [f"{year}_{mode}" for year in range(max(first, FIRST_YEAR), last + 1) for mode in modes]


class OpenSpotBackend(Backend):
    """One request per ``{year}_{mode}``; features filtered here by bbox, dates, mode.

    Options: ``modes`` (default MS, PAN, PMS), ``last_year`` (used when the query has no
    end date; default the current year).
    """

    PROTOCOL = "OpenSPOT"
    MAX_PAGE_SIZE = 100000  # the API has no paging: a year_mode comes whole
    MAX_PAGE_BYTES = 64 * 2**20  # hence a larger page budget than paged catalogues

    def __init__(self, endpoint, source="", headers=None, timeout=30, **options):
        super().__init__(endpoint, source or "openspot-dinamis", headers, timeout, **options)
        self.base = base_url(self.endpoint)

    def collection_url(self, year_mode):
        return f"{self.base}/api/geo/{year_mode}"

    def quicklook_url(self, name):
        return f"{self.base}/api/lien_jpg/{name}" if name else ""

    def first_request(self, query):
        collection = query.collection
        if collection and "_" in collection:  # one collection, e.g. "2021_MS"
            pending = [collection]
        else:  # one mode ("MS") or every configured mode, over the years of the dates
            modes = [collection] if collection else list(self.options.get("modes") or MODES)
            last_year = self.options.get("last_year") or datetime.date.today().year
            pending = year_modes(query.start, query.end or f"{last_year}-12-31", modes)
        return self._request(pending, answered=False)

    def _request(self, pending, answered=True):
        if not pending:
            return None
        return HttpRequest("GET", self.collection_url(pending[0]), {"Accept": "application/json"},
                           state={"pending": list(pending), "answered": answered})

    def fetch_page(self, request, query, transport, limit=None):
        response = self.send(request, transport)
        pending = request.state.get("pending", [])
        if response.status == 404:
            # a year or mode the server does not hold: skip it, keep the others
            if len(pending) <= 1 and not request.state.get("answered"):
                raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {netloc} holds none of the "
                                                     "collections asked (last: {last}). Check the address and the "
                                                     "dates (the open SPOT archive starts in {first_year})."),
                    what=self.what(),
                    netloc=urlsplit(self.base).netloc,
                    last=pending[0] if pending else '?',
                    first_year=FIRST_YEAR)
            nxt = self._request(pending[1:], answered=bool(request.state.get("answered")))
            return SearchPage([], None, nxt)
        check_response(response, self.EXPECTED, self.what())
        return self.parse_page(response.body, query, request, limit)

    def pages(self, query, transport, is_cancelled=None):
        """Like :meth:`Backend.pages`, but an empty year_mode does not end the search."""
        request, seen = self.first_request(query), 0
        while request is not None and seen < query.max_records:
            check_cancel(is_cancelled)
            page = self.fetch_page(request, query, transport, query.max_records - seen)
            page.records = page.records[: query.max_records - seen]
            seen += len(page.records)
            yield page
            request = page.next_request

    def parse_page(self, body, query, request, limit=None):
        year_mode = request.state.get("pending", [""])[0]
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "answer of {source} for {year_mode}"), source=self.source,
                       year_mode=year_mode)

        def record(feature):  # the API answers whole years: bbox and dates are filtered here
            found = self.feature_record(feature, year_mode)
            return found if found is not None and matches(found, query) else None

        _, records = read_page(body, what, "features", record, query.max_records if limit is None else limit)
        if records is None:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} for {year_mode} has no "
                                                 "'features' list: it is not an OpenSPOT collection."),
                source=self.source,
                year_mode=year_mode)
        return SearchPage(records, None, self._request(request.state.get("pending", [])[1:]))

    def feature_record(self, feature, year_mode):
        props = get_dict(feature, "properties")
        fid = get_count(props, "fid")
        if fid is None:
            return None  # without fid the image cannot be downloaded: not a usable record
        mode = get_str(props, "mode_") or year_mode.partition("_")[2]
        resolution = get_number(props, "resolution")
        date = get_str(props, "img_date")[:10]
        geometry = as_geometry(feature.get("geometry"))
        # not a "download" link: the file comes through the two-step request (download_links),
        # which a plain GET of any URL cannot do; the portal page is where a browser gets it
        link = Link(f"{self.base}/", "via", "text/html", f"OpenSPOT portal (image {fid}: two-step download)",
                    protocol=DOWNLOAD_PROTOCOL)
        return bounded_record(Record(
            id=f"{year_mode}:{fid}", title=get_str(props, "ds_name") or f"SPOT 6-7 {year_mode} {fid}",
            abstract=f"SPOT 6-7 {mode} ortho-image, {resolution or '?'} m, open licence (Etalab).",
            collection=year_mode, start=date, end=date, platform="SPOT 6-7", instrument=mode,
            licence="Licence Ouverte / Open Licence (Etalab)",
            keywords=[k for k in (get_str(props, "page_"), f"resolution {resolution} m" if resolution else "")
                      if k],
            bbox=geometry_bbox(geometry), geometry=geometry,
            quicklook=self.quicklook_url(quote(get_str(props, "f_quicklook"), safe="")), links=[link],
            source=self.source))


def geometry_bbox(geometry):
    """(w, s, e, n) of a GeoJSON geometry's coordinates, or None."""
    if not geometry:
        return None
    xs, ys = [], []

    def walk(value):
        if isinstance(value, (list, tuple)) and len(value) >= 2 and all(isinstance(v, (int, float)) for v in value[:2]):
            xs.append(float(value[0]))
            ys.append(float(value[1]))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(geometry.get("coordinates"))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def matches(record, query):
    """Client-side filter: the API answers whole years, so bbox and dates are checked here."""
    if query.bbox and record.bbox:
        w, s, e, n = query.bbox
        rw, rs, re_, rn = record.bbox
        if rw > e or re_ < w or rs > n or rn < s:
            return False
    if query.start and record.start and record.start < query.start[:10]:
        return False
    if query.end and record.start and record.start > query.end[:10]:
        return False
    return True


def record_fid(record):
    """The OpenSPOT ``fid`` of a record made by :class:`OpenSpotBackend`."""
    try:
        return int(str(record.id).rpartition(":")[2])
    except ValueError as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Record {id!r} is not an OpenSPOT image."),
            id=record.id) from exc


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _session_cookie(headers):
    raw = headers.get("set-cookie", "")
    if not raw:
        return ""
    cookie = SimpleCookie()
    try:
        cookie.load(raw)
    except Exception:  # noqa: BLE001 - an unparsable cookie is reported below as missing
        return ""
    return "; ".join(f"{key}={morsel.value}" for key, morsel in cookie.items())


def multipart(fields):
    """(body bytes, content type) of a multipart/form-data form of text fields."""
    boundary = "----DataTerra" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n')
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode("utf-8"), f"multipart/form-data; boundary={boundary}"


def download_links(endpoint, fid, transport, form=None, timeout=30):
    """The two-step OpenSPOT request: returns (file URLs, headers to fetch them with).

    ``form`` holds the ``profil``, ``theme`` and ``pays`` the portal asks (defaults:
    :data:`DEFAULT_FORM`, the values seen in a public client); ``license=on`` says the
    user accepts the open licence, which the caller must have shown.
    """
    base = base_url(endpoint)
    host = urlsplit(base).netloc
    body = urlencode({"val_fid": json.dumps({"values": [int(fid)]})}).encode()
    first = transport.request("POST", f"{base}/ressources",
                              {"Content-Type": "application/x-www-form-urlencoded"}, body, timeout)
    if first.status >= 400:
        check_response(first, "json", QT_TRANSLATE_NOOP("DataTerraError", "OpenSPOT download request (step 1)"))
    cookie = _session_cookie(first.headers)
    if not cookie:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "OpenSPOT download request: {host} did not open a "
                                             "session (no cookie in its answer to step 1). The portal may have "
                                             "changed: download from its web page."), host=host)
    fields = {**DEFAULT_FORM, **(form or {}), "license": "on"}
    payload, content_type = multipart(fields)
    second = transport.request("POST", f"{base}/api/tab_liens",
                               {"Content-Type": content_type, "Cookie": cookie}, payload, timeout)
    if second.status >= 400:
        check_response(second, "json", QT_TRANSLATE_NOOP("DataTerraError", "OpenSPOT download request (step 2)"))
    parser = _Links()
    parser.feed(second.body.decode("utf-8", "replace"))
    urls = [urljoin(base + "/", href) for href in parser.hrefs
            if not href.startswith(("#", "mailto:", "javascript:"))]
    urls = [u for u in urls if urlsplit(u).netloc == host and re.search(r"\.(tif|tiff|jp2|zip)$", u, re.I)]
    if not urls:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "OpenSPOT download request: {host} gave no file link "
                                             "for image {fid}. The image may have been withdrawn: try again later or "
                                             "use the portal."), host=host, fid=fid)
    return urls, {"Cookie": cookie}
