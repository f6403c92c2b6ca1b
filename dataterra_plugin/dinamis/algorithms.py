"""Processing algorithms of this area: prepare a DINAMIS request package (web request
path) and submit an order to a REST ordering server (recorded in the order book)."""

from pathlib import Path

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..algorithm_base import DataTerraAlgorithm
from .core.aoi import check_aoi, fix_aoi
from .core.rules import Profile, entitlement_for, load_rules, quota_estimate
from ..i18n import error_text

ORDERABLE = ("pleiades_archive", "pleiades_tasking", "spot67_archive", "spot67_tasking", "dinamis_catalogue")


def translate(context, text):
    """QCoreApplication.translate under the name pylupdate5 looks for (base-class strings
    need their own context: self.tr would use the subclass's name at run time)."""
    return QCoreApplication.translate(context, text)


def parse_conditions(text):
    """'french_partner=UMR TETIS; public_contract=2026-17' -> dict."""
    conditions = {}
    for item in filter(None, (part.strip() for part in (text or "").split(";"))):
        key, _, value = item.partition("=")
        conditions[key.strip()] = value.strip() or "yes"
    return conditions


class DinamisRequestBase(DataTerraAlgorithm):
    """Parameters and checks shared by the request-package and submit algorithms."""

    GROUP_ID = "catalogue"
    INPUT = "INPUT"
    PRODUCT = "PRODUCT"
    USER_TYPE = "USER_TYPE"
    INSTITUTION = "INSTITUTION"
    CONDITIONS = "CONDITIONS"
    PURPOSE = "PURPOSE"
    PROJECT = "PROJECT"
    FIX_AOI = "FIX_AOI"
    MAX_CLOUD = "MAX_CLOUD"
    MAX_INCIDENCE = "MAX_INCIDENCE"
    AREA_KM2 = "AREA_KM2"
    QUOTA_UNITS = "QUOTA_UNITS"

    def user_types(self):
        return list(load_rules()["user_types"])

    def add_request_parameters(self):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                translate("DinamisRequestBase", "Area of interest (polygon layer; all or selected features)"),
                [QgsProcessing.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PRODUCT, translate("DinamisRequestBase", "Product"), options=list(ORDERABLE), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.USER_TYPE, translate("DinamisRequestBase", "User type"), options=self.user_types(), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.INSTITUTION, translate("DinamisRequestBase", "Institution"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CONDITIONS,
                translate("DinamisRequestBase", "Conditions met (e.g. french_partner=UMR TETIS; public_contract=ref)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.PURPOSE, translate("DinamisRequestBase", "Purpose of the request"))
        )
        self.addParameter(
            QgsProcessingParameterString(self.PROJECT, translate("DinamisRequestBase", "Project"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FIX_AOI,
                translate("DinamisRequestBase", "Repair the area of interest when possible"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_CLOUD,
                translate("DinamisRequestBase", "New acquisitions: maximum cloud cover (%)"),
                QgsProcessingParameterNumber.Integer,
                20,
                minValue=0,
                maxValue=100,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_INCIDENCE,
                translate("DinamisRequestBase", "New acquisitions: maximum incidence angle (degrees)"),
                QgsProcessingParameterNumber.Integer,
                30,
                minValue=0,
                maxValue=60,
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber(self.AREA_KM2, translate("DinamisRequestBase", "Area on the ellipsoid (km²)"))
        )
        self.addOutput(
            QgsProcessingOutputNumber(self.QUOTA_UNITS, translate("DinamisRequestBase", "Estimated quota used"))
        )

    def prepare_request(self, parameters, context, feedback):
        """(request, wkt_wgs84, report, estimate, entitlement, profile) after every check."""
        rules = load_rules()
        product_id = ORDERABLE[self.parameterAsEnum(parameters, self.PRODUCT, context)]
        profile = Profile(
            self.user_types()[self.parameterAsEnum(parameters, self.USER_TYPE, context)],
            self.parameterAsString(parameters, self.INSTITUTION, context),
            conditions=parse_conditions(self.parameterAsString(parameters, self.CONDITIONS, context)),
        )
        entitlement = entitlement_for(profile, product_id, rules)
        if not entitlement.allowed:
            raise QgsProcessingException(
                translate("DinamisRequestBase", "This profile may not request this product: {0}").format(
                    " ".join(map(error_text, entitlement.reasons))
                )
            )
        source = self.parameterAsSource(parameters, self.INPUT, context)
        geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry()]
        if not geometries:
            raise QgsProcessingException(
                translate(
                    "DinamisRequestBase", "The area of interest layer has no polygon: draw one or select a feature."
                )
            )
        merged = QgsGeometry.unaryUnion(geometries)
        crs = source.sourceCrs().authid() or source.sourceCrs().toWkt()
        report = self.run_core(check_aoi, merged.asWkt(), crs, product_id, rules)
        wkt = report.wkt_wgs84
        if (
            report.issues
            and self.parameterAsBoolean(parameters, self.FIX_AOI, context)
            and all(issue.fixable for issue in report.issues)
        ):
            for issue in report.issues:
                feedback.pushInfo(translate("DinamisRequestBase", "Repaired: {0}").format(issue.message))
            wkt = fix_aoi(wkt, report, product_id, rules)
            report = self.run_core(check_aoi, wkt, "EPSG:4326", product_id, rules)
        if report.issues:
            raise QgsProcessingException(" ".join(issue.message for issue in report.issues))
        estimate = quota_estimate(product_id, report.area_km2, rules)
        feedback.pushInfo(
            translate("DinamisRequestBase", "Area {0:.2f} km², estimated quota {1:.2f} {2}").format(
                report.area_km2, estimate["quota_units"], estimate["unit"]
            )
        )
        request = {
            "product_id": product_id,
            "aoi": _geojson(wkt),
            "purpose": self.parameterAsString(parameters, self.PURPOSE, context),
            "project": self.parameterAsString(parameters, self.PROJECT, context),
        }
        if rules["products"][product_id]["kind"] == "new_acquisition":
            request["max_cloud_cover_pct"] = self.parameterAsInt(parameters, self.MAX_CLOUD, context)
            request["max_incidence_deg"] = self.parameterAsInt(parameters, self.MAX_INCIDENCE, context)
        return request, wkt, report, estimate, entitlement, profile


def _geojson(wkt):
    import json

    from osgeo import ogr

    return json.loads(ogr.CreateGeometryFromWkt(wkt).ExportToJson())


class DinamisRequestPackage(DinamisRequestBase):
    OUTPUT = "OUTPUT"

    def name(self):
        return "dinamis_request_package"

    def displayName(self):  # noqa: N802
        return self.tr("DINAMIS request package")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Checks a DINAMIS request (eligibility of the user type for the product; area of interest: "
            "valid, one part, area on the WGS 84 ellipsoid within the product's minimum and maximum, "
            "vertex count, inside the product's coverage) and writes the package to attach to the "
            "DINAMIS portal's request form: the area of interest as GeoPackage, KML and zipped "
            "shapefile (EPSG:4326), request.json and a readable French/English summary with the "
            "estimated quota. The rules come from resources/dinamis_rules.json. The output folder "
            "must be new or empty; nothing is left in it if a step fails."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_request_parameters()
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Request package folder")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from .core.package import write_request_package

        request, wkt, report, estimate, entitlement, profile = self.prepare_request(parameters, context, feedback)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        self.run_core(write_request_package, folder, request, wkt, profile, report, estimate, entitlement)
        return {self.OUTPUT: str(folder), self.AREA_KM2: report.area_km2, self.QUOTA_UNITS: estimate["quota_units"]}


class DinamisSubmitOrder(DinamisRequestBase):
    SERVER_URL = "SERVER_URL"
    AUTHCFG = "AUTHCFG"
    ORDER_BOOK = "ORDER_BOOK"
    ORDER_ID = "ORDER_ID"
    STATUS = "STATUS"

    def name(self):
        return "dinamis_submit_order"

    def displayName(self):  # noqa: N802
        return self.tr("DINAMIS submit order")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Checks a DINAMIS request as 'DINAMIS request package' does, records it in the order book "
            "(a GeoPackage in your QGIS profile unless another is given) with a new idempotency key, "
            "then submits it to a REST ordering server (protocol in docs/dinamis_protocol.md). If the "
            "answer is lost the order stays pending and is checked, never sent twice, at the next "
            "refresh. Credentials come only from the chosen QGIS authentication configuration."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_request_parameters()
        self.addParameter(QgsProcessingParameterString(self.SERVER_URL, self.tr("Ordering server URL")))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True))
        self.addParameter(
            QgsProcessingParameterFile(
                self.ORDER_BOOK,
                self.tr("Order book (GeoPackage; empty for the one in your profile)"),
                extension="gpkg",
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.ORDER_ID, self.tr("Order id on the server")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, self.tr("Order status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from .core import workflow
        from ..net.qgis_transport import QgisTransport
        from .core.client import OrderingClient, OrderingTransport, TransportError
        from .core.orderbook import OrderBook
        from .settings import order_book_path

        request, wkt, report, estimate, _, _ = self.prepare_request(parameters, context, feedback)
        book_path = self.parameterAsString(parameters, self.ORDER_BOOK, context) or str(order_book_path())
        book = self.run_core(OrderBook, book_path)
        local_id = self.run_core(book.add_draft, request, wkt, report.area_km2, estimate["quota_units"])
        feedback.setProgress(30)
        client = OrderingClient(
            self.parameterAsString(parameters, self.SERVER_URL, context),
            OrderingTransport(QgisTransport(feedback, self.parameterAsString(parameters, self.AUTHCFG, context),
                                            error_class=TransportError)),
        )
        order = self.run_core(workflow.submit, book, client, local_id)
        feedback.pushInfo(self.tr("Order {0} is {1}; recorded in {2}").format(order["id"], order["status"], book_path))
        return {
            self.ORDER_ID: order["id"],
            self.STATUS: order["status"],
            self.AREA_KM2: report.area_km2,
            self.QUOTA_UNITS: estimate["quota_units"],
        }


def algorithm_classes():
    """The algorithm classes the provider registers."""
    return [DinamisRequestPackage, DinamisSubmitOrder]
