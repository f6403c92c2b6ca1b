"""``dataterra:catalog_search``: search a hub's catalogue, write the footprints layer."""
import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameters,
    QgsWkbTypes,
)

from ..algorithm_base import DataTerraAlgorithm
from ..net.core.transport import redacted_url
from ..net.qgis_transport import QgisTransport
from .auth import hub_credentials
from .core import SearchQuery
from .core.backend import search_pages
from .catalogues_dialog import all_catalogues
from .core.hubs import PROTOCOLS, find_hub, hub_backend, make_backend
from .core.errors import CatalogError
from .footprints import footprint_fields, record_feature

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
WGS84 = "EPSG:4326"


def hub_ids():
    """The ids of the hubs' catalogues and of the user's ([] when the lists cannot be read:
    the algorithm then says why when it runs)."""
    try:
        return [hub.id for hub in all_catalogues() if hub.enabled]
    except CatalogError:
        return []


class CatalogSearchAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "catalogue"
    REQUIRED_MODULES = ("owslib", "defusedxml")
    HUB = "HUB"
    URL = "URL"
    PROTOCOL = "PROTOCOL"
    COLLECTION = "COLLECTION"
    EXTENT = "EXTENT"
    START = "START"
    END = "END"
    TEXT = "TEXT"
    MAX_RECORDS = "MAX_RECORDS"
    OUTPUT = "OUTPUT"

    def name(self):
        return "catalog_search"

    def displayName(self):  # noqa: N802
        return self.tr("Search a Data Terra catalogue")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Searches the catalogue of a Data Terra hub (THEIA/GEODES, ODATIS, AERIS, FORM@TER, PNDB, DINAMIS) "
            "or of any catalogue given by its URL and protocol (STAC API, CSW 2.0.2, OpenSearch, OGC API "
            "Records, OpenDataSoft), and writes the footprints of the records found.\n\n"
            "HUB: a hub of the list (its id in scripts, e.g. geodes, odatis-sextant; your own catalogues too); "
            "leave empty and "
            "give URL and PROTOCOL for another catalogue. COLLECTION: collection or product type (e.g. "
            "PEPS_S2_L1C). EXTENT: search area (any CRS, converted to WGS 84). START, END: dates as "
            "YYYY-MM-DD or ISO 8601 date-times. TEXT: free-text search. MAX_RECORDS: the most records "
            "fetched, over as many pages as needed.\n\n"
            "A catalogue that needs a key: add it under My catalogues… in the catalogue dock, with its "
            "authentication, and give its id as HUB. A key or a password written into URL does reach the "
            "server, but QGIS keeps every parameter in its Processing history.\n\n"
            "The output has one feature per record (footprint in WGS 84) with id, title, start and end "
            "dates, collection, cloud cover (%), platform, quicklook URL, links (JSON list) and source."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        # the hubs as a list to pick from; scripts and qgis_process still pass the id itself
        hub = QgsProcessingParameterEnum(self.HUB, self.tr("Hub"), options=hub_ids(), optional=True)
        hub.setUsesStaticStrings(True)
        self.addParameter(hub)
        self.addParameter(QgsProcessingParameterString(self.URL, self.tr("Catalogue URL (instead of a hub)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PROTOCOL, self.tr("Protocol of the catalogue URL"),
                                                     options=list(PROTOCOLS), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.COLLECTION, self.tr("Collection"), optional=True))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Search extent"), optional=True))
        # date widgets in the dialog; scripts and qgis_process still give "YYYY-MM-DD" text
        for name, label in ((self.START, self.tr("Start date")), (self.END, self.tr("End date"))):
            self.addParameter(QgsProcessingParameterDateTime(name, label, type=QgsProcessingParameterDateTime.Date,
                                                             optional=True))
        self.addParameter(QgsProcessingParameterString(self.TEXT, self.tr("Free text"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_RECORDS, self.tr("Maximum number of records"),
                                                       defaultValue=100, minValue=1, maxValue=100000))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Footprints"),
                                                            QgsProcessing.TypeVectorPolygon))

    def backend(self, parameters, context):
        hub_id = (self.parameterAsEnumString(parameters, self.HUB, context) or "").strip()
        url = self.parameterAsString(parameters, self.URL, context).strip()
        if hub_id and url:
            raise QgsProcessingException(self.tr("Give either a hub or a catalogue URL, not both."))
        if url:
            protocol = PROTOCOLS[self.parameterAsEnum(parameters, self.PROTOCOL, context)]
            # the source names the catalogue in the log, in messages and in each record: never with the
            # user:password@ or the query of the URL, which may carry a token
            return self.run_core(make_backend, protocol, url, source=redacted_url(url)), None
        if not hub_id:
            raise QgsProcessingException(self.tr("Give a hub id (e.g. geodes) or a catalogue URL and its protocol."))
        hub = self.run_core(find_hub, hub_id, self.run_core(all_catalogues))
        # the key goes to the transport, bound to the hub's origin: never to a next link elsewhere
        return self.run_core(hub_backend, hub), self.run_core(hub_credentials, hub)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (Qt API)
        for name in (self.START, self.END):  # before QGIS's "Incorrect parameter value", which says less
            try:
                self.date_text(parameters, name, context)
            except QgsProcessingException as exc:
                return False, str(exc)
        return super().checkParameterValues(parameters, context)

    def date_text(self, parameters, name, context):
        """The date parameter as the query takes it: text as given (a date or an ISO 8601
        date-time from a script), a date widget's value as YYYY-MM-DD; "" when not given."""
        value = parameters.get(name)
        if value is None or isinstance(value, str):
            text = (value or "").strip()
            if text and not DATE.match(text):
                raise QgsProcessingException(
                    self.tr("{0} must be a date as YYYY-MM-DD or an ISO 8601 date-time, not {1!r}.")
                    .format(name, text))
            return text
        date = QgsProcessingParameters.parameterAsDate(self.parameterDefinition(name), parameters, context)
        return date.toString("yyyy-MM-dd") if date.isValid() else ""

    def query(self, parameters, context):
        dates = [self.date_text(parameters, name, context) for name in (self.START, self.END)]
        if dates[0] and dates[1] and dates[0][:10] > dates[1][:10]:
            raise QgsProcessingException(self.tr("The start date is after the end date."))
        bbox = None
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, QgsCoordinateReferenceSystem(WGS84))
            if not extent.isNull() and not extent.isEmpty():
                bbox = (max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum()),
                        min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum()))
        return SearchQuery(
            collection=self.parameterAsString(parameters, self.COLLECTION, context).strip(),
            bbox=bbox, start=dates[0], end=dates[1],
            text=self.parameterAsString(parameters, self.TEXT, context).strip(),
            max_records=self.parameterAsInt(parameters, self.MAX_RECORDS, context),
            page_size=100,
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        backend, credentials = self.backend(parameters, context)
        query = self.query(parameters, context)
        fields = footprint_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                             QgsCoordinateReferenceSystem(WGS84))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        progress, is_cancelled = self.core_callbacks(feedback)
        transport = QgisTransport(feedback, error_class=CatalogError, credentials=credentials)
        feedback.pushInfo(self.tr("Searching {0} ({1})").format(backend.source, backend.PROTOCOL))
        written, matched = self.run_core(write_pages, search_pages(backend, query, transport, progress, is_cancelled),
                                         sink, fields)
        feedback.pushInfo(self.tr("{0} records written ({1} matched on the server).").format(
            written, matched if matched is not None else self.tr("unknown")))
        return {self.OUTPUT: dest_id}


def write_pages(pages, sink, fields):
    """Write the records of each page as it arrives (memory: one page, whatever the
    number of records asked); returns (records written, total matched or None)."""
    written, matched = 0, None
    for page in pages:
        for record in page.records:
            sink.addFeature(record_feature(record, fields), QgsFeatureSink.FastInsert)
        written += len(page.records)
        matched = page.matched if page.matched is not None else matched
    return written, matched
