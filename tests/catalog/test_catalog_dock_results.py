"""What the dock shows once results are in: pages with next/previous and the total,
labelled footprints, the metadata pane's fields and quicklooks on the map (pytest-qgis)."""
import json
from pathlib import Path

import pytest
from qtwait import wait_until
from catalog_docks import DOCKS

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

DATA = Path(__file__).resolve().parent.parent / "data" / "catalog"


@pytest.fixture
def searched(qgis_app, big_server, tmp_path):
    """A dock holding the first 120 of the big server's 1,000 records."""
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None)
    DOCKS.append(dock)
    dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)
    dock.url_edit.setText(big_server.url + "/big/search")
    dock.protocol_combo.setCurrentText("STAC")
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
    dock.max_spin.setValue(120)
    dock.loader.cache_dir = str(tmp_path)
    dock.search()
    assert wait_until(lambda: dock.task is None, 20), dock.status.text()
    return dock


def listed_ids(dock):
    return [dock.records[dock.results.item(row).data(0x0100)].id for row in range(dock.results.count())]


def test_pages_next_previous_and_total(searched):
    dock = searched
    assert len(dock.records) == 120
    assert dock.page_label.text() == "Page 1/3, 120 records loaded, 1000 matched"  # 50 a page
    assert listed_ids(dock) == [f"BIG-{n:04d}" for n in range(50)]
    assert not dock.previous_button.isEnabled() and dock.next_button.isEnabled()
    dock.next_button.click()
    assert listed_ids(dock) == [f"BIG-{n:04d}" for n in range(50, 100)]
    dock.next_button.click()
    assert listed_ids(dock) == [f"BIG-{n:04d}" for n in range(100, 120)]
    assert dock.page_label.text() == "Page 3/3, 120 records loaded, 1000 matched"
    assert dock.previous_button.isEnabled() and not dock.next_button.isEnabled()
    dock.previous_button.click()
    assert dock.page_index == 1 and listed_ids(dock)[0] == "BIG-0050"


def test_footprints_are_styled_and_labelled(searched):
    from dataterra.dataterra_plugin.catalog.dock import LABELS_FROM_SCALE

    layer = searched.layer
    assert layer.featureCount() == 120
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.fieldName == "title"
    assert settings.scaleVisibility and settings.minimumScale == LABELS_FROM_SCALE == 2_000_000
    assert layer.renderer().symbol().symbolLayer(0).fillColor().alpha() == 40  # translucent


def test_metadata_pane_shows_every_field(searched):
    from dataterra.dataterra_plugin.catalog.core import Link, Record

    record = Record(id="S2B_31TEJ", title="Sentinel-2B over the Hérault", abstract="Level-2A surface reflectance.",
                    collection="sentinel-2-l2a", start="2024-05-01T10:30:00Z", end="2024-05-01T10:30:10Z",
                    cloud_cover=12.345, platform="sentinel-2b", instrument="msi", licence="CC-BY-4.0",
                    contact="THEIA <support@theia-land.fr>",
                    links=[Link("https://example.org/item", rel="self", title="STAC item"),
                           Link("file:///etc/passwd", rel="data", title="not a web link")])
    searched.show_metadata(record)
    text = searched.metadata.toPlainText()
    for expected in ("Sentinel-2B over the Hérault", "Level-2A surface reflectance.", "sentinel-2-l2a",
                     "2024-05-01T10:30:00Z – 2024-05-01T10:30:10Z", "Platform", "sentinel-2b", "Instrument",
                     "msi", "12.3 %", "Licence", "CC-BY-4.0", "Contact", "THEIA <support@theia-land.fr>",
                     "STAC item"):
        assert expected in text, expected
    assert "passwd" not in text  # only http(s) links are offered


def test_quicklooks_of_selected_records_on_the_map(searched):
    from qgis.core import QgsProject

    dock = searched
    geometry = json.loads((DATA / "earth_search_search.json").read_text())["features"][0]["geometry"]
    ring = geometry["coordinates"][0]
    west, east = min(x for x, _ in ring), max(x for x, _ in ring)
    south, north = min(y for _, y in ring), max(y for _, y in ring)
    dock.map_quicklooks.setChecked(True)
    dock.results.item(2).setSelected(True)
    assert wait_until(lambda: 2 in dock.quicklook_layers, 10)
    first_id = dock.quicklook_layers[2]
    layer = QgsProject.instance().mapLayer(first_id)
    assert layer.crs().authid() == "EPSG:4326"
    assert (layer.width(), layer.height()) == (32, 24)  # the served thumbnail, small enough to keep
    extent = layer.extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(
        (west, south, east, north), abs=1e-9)
    dock.results.item(2).setSelected(False)
    dock.results.item(4).setSelected(True)
    assert wait_until(lambda: 4 in dock.quicklook_layers, 10)
    assert list(dock.quicklook_layers) == [4]
    assert QgsProject.instance().mapLayer(first_id) is None  # deselected: its quicklook left the map
    kept = dock.quicklook_layers[4]
    dock.map_quicklooks.setChecked(False)
    assert dock.quicklook_layers == {} and QgsProject.instance().mapLayer(kept) is None
    # pytest-qgis processes events inside addMapLayer, so other quicklooks arrive while a
    # layer is being added: still one layer per record, and none left after unchecking
    wait_until(lambda: dock.loader.is_idle(), 10)
    assert [layer.source() for layer in QgsProject.instance().mapLayers().values()
            if layer.source().endswith(".png")] == []
