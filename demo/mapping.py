"""PNG maps rendered with QGIS's print layout (map, title, legend, scale bar)."""
from pathlib import Path

from qgis.PyQt.QtGui import QFont
from qgis.core import (
    QgsCoordinateTransform,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsProject,
    QgsUnitTypes,
)

PAGE_WIDTH_MM = 297.0


def render_map(layers, png_path, title, extent_layer=None, legend=True, size=(1600, 1200)):
    """Render ``layers`` (top first) with a title, a legend and a scale bar to ``png_path``.

    The layers are added to a private QgsProject owned by the layout, so the caller's
    project is untouched. Returns the PNG path.
    """
    project = QgsProject()
    for layer in reversed(layers):
        project.addMapLayer(layer)
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    width_mm = PAGE_WIDTH_MM
    height_mm = width_mm * size[1] / size[0]
    page.setPageSize(QgsLayoutSize(width_mm, height_mm, QgsUnitTypes.LayoutMillimeters))

    legend_width = 85.0 if legend else 0.0
    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)  # before sizing: sizes convert through the layout
    map_item.attemptMove(QgsLayoutPoint(5, 18, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(width_mm - legend_width - 10, height_mm - 23, QgsUnitTypes.LayoutMillimeters))
    map_item.setLayers(list(layers))
    map_item.setCrs((extent_layer or layers[0]).crs())
    target = QgsCoordinateTransform((extent_layer or layers[0]).crs(), map_item.crs(), project)
    bounds = target.transformBoundingBox((extent_layer or layers[0]).extent())
    map_item.setExtent(bounds)  # zoomToExtent alone keeps an empty initial extent's NaN ratio
    map_item.zoomToExtent(bounds)
    map_item.setFrameEnabled(True)

    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText(title)
    label.setFont(QFont("Sans", 16))
    label.attemptMove(QgsLayoutPoint(5, 4, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(width_mm - 10, 12, QgsUnitTypes.LayoutMillimeters))

    if legend:
        legend_item = QgsLayoutItemLegend(layout)
        layout.addLayoutItem(legend_item)
        legend_item.setLinkedMap(map_item)
        legend_item.setLegendFilterByMapEnabled(True)  # only the classes on the map
        legend_item.setTitle("")
        for style in (QgsLegendStyle.SymbolLabel, QgsLegendStyle.Subgroup):
            legend_item.rstyle(style).setFont(QFont("Sans", 7))
        legend_item.attemptMove(QgsLayoutPoint(width_mm - legend_width, 18, QgsUnitTypes.LayoutMillimeters))
        legend_item.setResizeToContents(True)

    scale_bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scale_bar)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scale_bar.attemptMove(QgsLayoutPoint(8, height_mm - 16, QgsUnitTypes.LayoutMillimeters))

    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = size[0] / (width_mm / 25.4)
    result = QgsLayoutExporter(layout).exportToImage(str(png_path), settings)
    if result != QgsLayoutExporter.Success:
        raise RuntimeError(f"Could not render the map to {png_path} (QgsLayoutExporter error {result}).")
    return png_path
