"""Issue 16: the French interface shows French for the data files' labels (hub titles,
DINAMIS products, user types, groups, statuses), the connectivity groups, the Processing
parameters (no doubled "(optional) [optional]") and the CRS refusal."""
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dataterra.dataterra_plugin.i18n import install_translators

ROOT = Path(__file__).resolve().parents[2]


def data_labels_module():
    spec = importlib.util.spec_from_file_location("data_labels", ROOT / "scripts" / "data_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def finished_translations(ts_path, context):
    found = {}
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[message.findtext("source")] = translation.text
    return found


@pytest.mark.parametrize("area", ["dinamis", "catalog", "ogc"])
def test_every_label_of_the_data_files_has_a_french_translation(area):
    labels = data_labels_module().labels(area)
    assert len(labels) >= 5  # the files were read
    translated = finished_translations(ROOT / "i18n" / f"{area}_fr.ts", "DataTerraError")
    missing = [label for label in labels if label not in translated]
    assert not missing, f"not translated in i18n/{area}_fr.ts (run make translations): {missing}"


def test_dinamis_names_statuses_and_reasons_in_french(french, tmp_path):
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile, entitlement_for
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock, ProfileDialog, eligibility_html, status_label

    dialog = ProfileDialog()
    user_types = [dialog.user_type.itemText(i) for i in range(dialog.user_type.count())]
    assert "Utilisateur institutionnel français : recherche" in user_types
    dock = DinamisDock(None, book_path=tmp_path / "orders.gpkg")
    assert dock.product.itemText(dock.product.findData("pleiades_archive")) == \
        "Extraction d'archives Pléiades du catalogue commercial"
    assert [status_label(s) for s in ("delivered", "in_production")] == ["Livrée", "En production"]
    profile = Profile("foreign_scientist", "Université de Liège", conditions={"french_partner": "UMR TETIS"})
    html = eligibility_html(profile, dock.rules)
    assert "Nouvelle acquisition Pléiades (programmation)</b><br/>Non ouvert aux utilisateurs « Scientifique " \
           "institutionnel étranger » (ouvert à : utilisateurs institutionnels français)." in html
    assert html.count("Nouvelle acquisition Pléiades (programmation)") == 1  # in bold, not again in its reason
    assert entitlement_for(profile, "pleiades_tasking", dock.rules).allowed is False


def test_hub_titles_and_service_counts_in_french(french):
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock
    from dataterra.dataterra_plugin.ogc.browser import OgcBrowserDialog
    from catalog_docks import close_docks, DOCKS

    dock = CatalogDock(None)
    DOCKS.append(dock)
    try:
        titles = [dock.hub_combo.itemText(i) for i in range(dock.hub_combo.count())]
        assert "ODATIS: Données océan ODATIS (Sextant, Ifremer)" in titles
        dock.add_services()
        assert dock.status.text() == "Couches de service ajoutées : 0."
    finally:
        close_docks()
    browser = OgcBrowserDialog()
    services = [browser.url_combo.itemText(i) for i in range(browser.url_combo.count())]
    assert "ODATIS: Sextant (Ifremer) : atlas benthique" in services


def test_connectivity_groups_in_french(french, qgis_iface):
    from dataterra.dataterra_plugin.ui.connectivity_wizard import ConnectivityWizard

    wizard = ConnectivityWizard(qgis_iface)
    steps = wizard._subnetwork_steps({"nomenclature": "clc", "classes": {}, "min_area_ha": 0, "max_cost": 1,
                                      "knight_move": False, "max_link": 0, "distance_50": 1}, "wetland", "/tmp",
                                     False)
    assert "wetland" not in steps[0].label and wizard.group_label("wetland") in steps[0].label
    assert wizard.group_label("wetland") != "Wetland species"
    wizard.deleteLater()


def test_geographic_crs_refusal_reads_well_in_french(french):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

    from dataterra.dataterra_plugin.algorithm_base import require_projected_crs

    with pytest.raises(QgsProcessingException) as refused:
        require_projected_crs(QgsCoordinateReferenceSystem("EPSG:4326"), "Les taches")
    assert str(refused.value).startswith("La couche « Les taches » est dans un SCR géographique (EPSG:4326, degrés)")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_optional_parameters_do_not_say_optional_twice(qgis_app, dataterra_provider, language):
    """The Processing dialog adds "[optional]" itself."""
    install_translators(language)
    try:
        doubled = []
        for algorithm in dataterra_provider.algorithms():
            instance = algorithm.create()  # held: its parameters die with it
            for parameter in instance.parameterDefinitions():
                description = parameter.description()
                if parameter.flags() & parameter.FlagOptional and ("(optional)" in description
                                                                  or "(facultatif)" in description):
                    doubled.append(f"{algorithm.id()}: {description}")
    finally:
        install_translators("en")
    assert not doubled


def test_my_catalogues_and_dieback_classes_in_french(french, tmp_path):
    """Issue 16, seen on the French screenshots: the "My catalogues" dialog and the confidence
    classes of the forest dieback legend stayed English."""
    import numpy as np
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog
    from dataterra.foresthealth.algorithms.styling import style_layer

    dialog = CataloguesDialog(path=str(tmp_path / "mine.json"))
    assert (dialog.windowTitle(), dialog.add_button.text(), dialog.remove_button.text()) == \
        ("Mes catalogues", "Ajouter…", "Supprimer")
    path = str(tmp_path / "classes.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, 2, 1, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((700000, 10, 0, 6300000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    raster.SetProjection(srs.ExportToWkt())
    raster.GetRasterBand(1).WriteArray(np.array([[1, 2]], np.uint8))
    raster = None
    layer = QgsRasterLayer(path, "classes")
    style_layer(layer, "CONFIDENCE_CLASS", ["Low anomaly", "Severe anomaly"])
    assert [c.label for c in layer.renderer().classes()] == ["Anomalie faible", "Anomalie sévère"]
