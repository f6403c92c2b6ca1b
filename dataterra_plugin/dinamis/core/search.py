"""Search of existing DINAMIS images, filtered to what a profile may use.

The catalogues searched are data: ``search_sources`` of ``resources/dinamis_rules.json``,
each tied to the product of the rules that decides who may use it (the SPOT 6-7 ortho
STAC collection to the DINAMIS catalogue, the open SPOT archive to its open product).
A source the profile may not use is not searched at all and comes back as a
:class:`SourceRefusal` with the reasons; so does a source whose coverage the area misses.
Results carry footprint, quicklook, cloud cover, incidence angle and acquisition date
(None where the catalogue does not give them: OpenSPOT gives neither cloud cover nor
incidence) and are filtered against the user's maxima here (and also on the server
when a source's options say ``server_filters``).

The network goes through the catalogue backends and a transport handed in (urllib in
scripts and tests, QgsNetworkAccessManager in QGIS), so this module imports no qgis.
"""
from dataclasses import dataclass, field, replace
from typing import Optional

from osgeo import ogr

from ....rasterblocks.errors import Cancelled, DataTerraError, Message, QT_TRANSLATE_NOOP, check_cancel
from ...catalog.core.errors import CatalogError
from ...catalog.core.model import Record, SearchQuery
from ...catalog.core.openspot import OpenSpotBackend
from ...catalog.core.safe import get_dict, get_number
from ...catalog.core.stac import StacBackend
from .rules import RulesError, eligibility

PROTOCOLS = ("STAC", "OpenSPOT")


@dataclass
class SearchSource:
    """One catalogue of DINAMIS images (an entry of ``search_sources`` in the rules)."""

    id: str
    label: str
    protocol: str
    endpoint: str
    product_id: str
    collection: str = ""
    coverage: str = ""
    options: dict = field(default_factory=dict)
    download_form: dict = field(default_factory=dict)
    note: str = ""


@dataclass
class SearchCriteria:
    """What the user asks: ``bbox`` (west, south, east, north) in WGS 84 degrees, ISO dates,
    maxima in percent and degrees (None: no limit)."""

    bbox: tuple
    start: str = ""
    end: str = ""
    max_cloud_cover: Optional[float] = None
    max_incidence: Optional[float] = None
    max_records: int = 200
    keep_unknown: bool = True  # keep images whose catalogue gives no cloud cover / incidence


@dataclass
class ImageRecord(Record):
    """A catalogue record with the viewing incidence angle (degrees) when given."""

    incidence_angle: Optional[float] = None


@dataclass
class ImageResult:
    record: Record
    source_id: str
    product_id: str

    @property
    def date(self):
        return (self.record.start or "")[:10]

    @property
    def cloud_cover(self):
        return self.record.cloud_cover

    @property
    def incidence_angle(self):
        return getattr(self.record, "incidence_angle", None)

    @property
    def quicklook(self):
        return self.record.quicklook

    @property
    def mode(self):
        return self.record.instrument


@dataclass
class SourceRefusal:
    """A source that was not searched, and why (in words the user can act on)."""

    source_id: str
    label: str
    product_id: str
    reasons: list


@dataclass
class SearchOutcome:
    images: list = field(default_factory=list)
    refusals: list = field(default_factory=list)
    errors: dict = field(default_factory=dict)  # source id -> message (English)
    failures: dict = field(default_factory=dict)  # source id -> the error itself, for a translated message
    dropped: dict = field(default_factory=lambda: {"cloud_cover": 0, "incidence": 0})
    searched: list = field(default_factory=list)  # source ids


def search_sources(rules) -> list:
    """The :class:`SearchSource` list of the rules, checked."""
    sources = []
    for entry in rules.get("search_sources", []):
        known = set(SearchSource.__dataclass_fields__)
        try:
            source = SearchSource(**{k: v for k, v in entry.items() if k in known})
        except TypeError as exc:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "A DINAMIS search source lacks id, label, protocol, "
                                               "endpoint or product_id: {entry!r}"), entry=entry) from exc
        if source.protocol not in PROTOCOLS:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "DINAMIS search source '{id}': unknown protocol "
                                               "'{protocol}' (use one of {protocols})."),
                id=source.id,
                protocol=source.protocol,
                protocols=', '.join(PROTOCOLS))
        if source.product_id not in rules["products"]:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "DINAMIS search source '{id}' names an unknown "
                                               "product '{product_id}'."),
                id=source.id,
                product_id=source.product_id)
        if source.coverage and source.coverage not in rules["coverages"]:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "DINAMIS search source '{id}' names an unknown "
                                               "coverage '{coverage}'."), id=source.id, coverage=source.coverage)
        sources.append(source)
    return sources


def _bbox_geometry(bbox):
    w, s, e, n = bbox
    return ogr.CreateGeometryFromWkt(f"POLYGON(({w} {s},{e} {s},{e} {n},{w} {n},{w} {s}))")


def plan_search(profile, rules, bbox, sources=None):
    """(sources to search, refusals): the profile's eligibility and each source's coverage
    decide, before anything is sent."""
    entitlements = {e.product_id: e for e in eligibility(profile, rules)}
    allowed, refusals = [], []
    for source in sources if sources is not None else search_sources(rules):
        entitlement = entitlements[source.product_id]
        if not entitlement.allowed:
            refusals.append(SourceRefusal(source.id, source.label, source.product_id, list(entitlement.reasons)))
            continue
        coverage = rules["coverages"].get(source.coverage, {}).get("wkt") if source.coverage else None
        if coverage and bbox and not ogr.CreateGeometryFromWkt(coverage).Intersects(_bbox_geometry(bbox)):
            label = rules["coverages"][source.coverage]["label"]
            refusals.append(SourceRefusal(source.id, source.label, source.product_id, [Message(QT_TRANSLATE_NOOP(
                "DataTerraError", "{source} only covers {coverage}; the search area is outside it: move the map or "
                "the area of interest there."), source=source.label, coverage=label)]))
            continue
        allowed.append(source)
    return allowed, refusals


class SpotStacBackend(StacBackend):
    """STAC item search that also reads the incidence angle (``view:incidence_angle`` of
    the STAC view extension).

    The cloud-cover and incidence property names of the collection are assumed (standard
    extension names), so by default the limits are applied here, on the answers: sent as a
    server ``query`` filter, a name the collection lacks would make every item fail the
    comparison and the search come back empty. ``server_filters=True`` sends them too.
    """

    def __init__(self, endpoint, source="", headers=None, timeout=30, max_incidence=None, server_filters=False,
                 **options):
        super().__init__(endpoint, source, headers, timeout, **options)
        self.max_incidence = max_incidence
        self.server_filters = server_filters

    def body(self, query):
        if not self.server_filters:
            query = replace(query, max_cloud_cover=None)
        body = super().body(query)
        if self.server_filters and self.max_incidence is not None:
            body.setdefault("query", {})["view:incidence_angle"] = {"lte": self.max_incidence}
        return body

    def feature_record(self, feature):
        record = super().feature_record(feature)
        incidence = get_number(get_dict(feature, "properties"), "view:incidence_angle")
        return ImageRecord(**vars(record), incidence_angle=incidence)


def make_backend(source, criteria, timeout=30):
    if source.protocol == "STAC":
        return SpotStacBackend(source.endpoint, source.id, timeout=timeout, max_incidence=criteria.max_incidence,
                               **source.options)
    return OpenSpotBackend(source.endpoint, source.id, timeout=timeout, **source.options)


def check_criteria(criteria):
    """Refuse a search area that is missing or not a WGS 84 box, and inverted dates."""
    if not criteria.bbox:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The search needs an area: use the map extent or an "
                                               "area of interest."))
    w, s, e, n = criteria.bbox
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The search area {bbox} is not a longitude/latitude "
                                               "box: give it in WGS 84 degrees (west < east, south < north)."),
            bbox=criteria.bbox)
    if criteria.start and criteria.end and criteria.end[:10] < criteria.start[:10]:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The end date {end} is before the start date "
                                               "{start}."), end=criteria.end, start=criteria.start)


def _query(source, criteria):
    return SearchQuery(collection=source.collection, bbox=tuple(criteria.bbox), start=criteria.start,
                       end=criteria.end, max_cloud_cover=criteria.max_cloud_cover,
                       page_size=min(100, criteria.max_records), max_records=criteria.max_records)


def keep(image, criteria, dropped):
    """Whether an image meets the maxima; counts what is dropped and why."""
    for key, value, limit in (("cloud_cover", image.cloud_cover, criteria.max_cloud_cover),
                              ("incidence", image.incidence_angle, criteria.max_incidence)):
        if limit is None:
            continue
        if value is None:
            if not criteria.keep_unknown:
                dropped[key] += 1
                return False
        elif value > limit:
            dropped[key] += 1
            return False
    return True


def search_images(profile, rules, criteria, transport_for, sources=None, progress=None, is_cancelled=None):
    """Search every source the profile may use; returns a :class:`SearchOutcome`.

    ``transport_for(source)`` gives the transport of a source. A failing source is
    reported in ``errors`` and the others are still searched.
    """
    check_criteria(criteria)
    allowed, refusals = plan_search(profile, rules, criteria.bbox, sources)
    outcome = SearchOutcome(refusals=refusals)
    for number, source in enumerate(allowed):
        check_cancel(is_cancelled)
        query = _query(source, criteria)
        backend = make_backend(source, criteria)
        try:
            for page in backend.pages(query, transport_for(source), is_cancelled):
                for record in page.records:
                    image = ImageResult(record, source.id, source.product_id)
                    if keep(image, criteria, outcome.dropped):
                        outcome.images.append(image)
        except Cancelled:
            raise
        except CatalogError as exc:
            outcome.errors[source.id] = str(exc)
            outcome.failures[source.id] = exc
        outcome.searched.append(source.id)
        if progress is not None:
            progress((number + 1) / len(allowed))
    outcome.images.sort(key=lambda image: image.date, reverse=True)
    return outcome


def refusal_text(refusals, show=str):
    """One line per source not searched, with its reasons; ``show(reason)`` gives the text of
    a reason (the plugin passes its translating ``error_text``)."""
    return "\n".join(f"{r.label}: {' '.join(show(reason) for reason in r.reasons)}" for r in refusals)
