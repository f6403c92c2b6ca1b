"""Demo step: the Clermontais forest sub-network (BioDispersal-style study + graph indices).

Corine Land Cover 2012 polygons -> 25 m land-cover raster -> friction for forest species
-> forest patches of at least 5 ha -> dispersal by cost distance (10,000 cost units, i.e.
10 km through forest, much less through crops or towns) -> landscape graph and its
indices (IIC, PC, ECA) -> PNG map.
"""
TITLE = "Connectivity: Clermontais forest sub-network (friction, dispersal, graph indices)"

RESOLUTION = 25.0  # metres
FOREST_CLASSES = "311-313, 324"  # broad-leaved, coniferous, mixed forest, transitional woodland-shrub
MIN_PATCH_HA = 5.0
MAX_COST = 10000.0  # metres x friction: 10 km through forest (friction 1), ~125 m through crops (80)
DISTANCE_50 = 2500.0  # a link of 2,500 cost units is crossed with probability 0.5


def run(ctx):
    import processing

    out = ctx.output
    feedback = ctx.feedback
    ctx.log("rasterising Corine Land Cover (CODE_12) at 25 m")
    landcover = processing.run("dataterra:select_habitat", {
        "LANDCOVER": str(ctx.sample["clc"]), "CLASS_FIELD": "CODE_12", "CLASSES": "111-523",
        "RESOLUTION": RESOLUTION, "KEEP_CLASS": True, "OUTPUT": str(out / "landcover_clc_25m.tif")},
        feedback=feedback)["OUTPUT"]
    ctx.log("friction for forest species (Corine preset)")
    friction = processing.run("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 4, "OUTPUT": str(out / "friction_forest.tif")}, feedback=feedback)["OUTPUT"]
    ctx.log(f"forest patches ({FOREST_CLASSES}) of at least {MIN_PATCH_HA} ha")
    patches = processing.run("dataterra:select_habitat", {
        "LANDCOVER": landcover, "CLASSES": FOREST_CLASSES, "MIN_AREA": MIN_PATCH_HA, "KEEP_CLASS": False,
        "OUTPUT": str(out / "forest_patches.tif")}, feedback=feedback)["OUTPUT"]
    ctx.log(f"dispersal from the forest patches, MAX_COST {MAX_COST:g}")
    dispersal = processing.run("dataterra:cost_distance", {
        "SOURCES": patches, "FRICTION": friction, "MAX_COST": MAX_COST, "KNIGHT_MOVE": True, "UNITS": 1,
        "OUTPUT": str(out / "forest_dispersal_cost.tif"), "OUTPUT_NEAREST": str(out / "forest_nearest_patch.tif"),
        "OUTPUT_AREA": str(out / "forest_dispersal_areas.gpkg")}, feedback=feedback)
    ctx.log("landscape graph and indices")
    graph = processing.run("dataterra:connectivity_graph", {
        "PATCHES": patches, "FRICTION": friction, "MAX_DISTANCE": 2 * MAX_COST, "DISTANCE_50": DISTANCE_50,
        "OUTPUT_NODES": str(out / "forest_graph_nodes.gpkg"), "OUTPUT_EDGES": str(out / "forest_graph_edges.gpkg")},
        feedback=feedback)
    ctx.log(f"IIC = {graph['IIC']:.4g}, PC = {graph['PC']:.4g}, ECA = {graph['ECA']:.1f} ha, "
            f"{graph['N_COMPONENTS']} component(s)")
    ctx.shared["biodispersal"] = {"friction": friction, "patches": patches, "graph": graph}
    written = [landcover, friction, patches, dispersal["OUTPUT"], dispersal["OUTPUT_NEAREST"],
               dispersal["OUTPUT_AREA"], graph["OUTPUT_NODES"], graph["OUTPUT_EDGES"]]
    written += fusion_with_roads(ctx, landcover) + corridors(ctx, patches, friction)
    png = write_map(ctx, dispersal["OUTPUT"], graph["OUTPUT_NODES"], graph["OUTPUT_EDGES"])
    return written + ([png] if png else [])


def fusion_with_roads(ctx, landcover):
    """BioDispersal's fusion step: roads (burnt as CLC 122) take priority over the land cover."""
    import processing
    from qgis.core import QgsRasterLayer

    extent = QgsRasterLayer(landcover, "landcover").extent()
    roads = processing.run("gdal:rasterize", {
        "INPUT": str(ctx.sample["roads"]), "BURN": 122, "UNITS": 1, "WIDTH": RESOLUTION, "HEIGHT": RESOLUTION,
        "EXTENT": f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [EPSG:2154]",
        "NODATA": 0, "DATA_TYPE": 4, "OUTPUT": str(ctx.output / "roads_25m.tif")}, feedback=ctx.feedback)["OUTPUT"]
    merged = processing.run("dataterra:merge_by_priority", {
        "INPUTS": [roads, landcover], "OUTPUT": str(ctx.output / "landcover_with_roads_25m.tif")},
        feedback=ctx.feedback)["OUTPUT"]
    ctx.log("fusion: roads (CLC 122) burnt over the land cover")
    return [roads, merged]


def corridors(ctx, patches, friction):
    """Least-cost paths and corridors for every pair of neighbouring patches (the links of the
    planar graph up to MAX_COST): one bounded search per patch, shared by all its pairs."""
    import processing
    from qgis.core import QgsVectorLayer

    result = processing.run("dataterra:least_cost_corridors", {
        "PATCHES": patches, "FRICTION": friction, "MAX_COST": MAX_COST, "PAIRS": "",
        "OUTPUT_PATHS": str(ctx.output / "forest_least_cost_paths.gpkg"),
        "OUTPUT_CORRIDORS": str(ctx.output / "forest_corridors.tif")}, feedback=ctx.feedback)
    count = QgsVectorLayer(result["OUTPUT_PATHS"], "paths", "ogr").featureCount()
    ctx.log(f"least-cost paths and corridors of all {count} neighbouring pairs")
    return [result["OUTPUT_PATHS"], result["OUTPUT_CORRIDORS"]]


def write_map(ctx, cost_path, nodes_path, edges_path):
    """PNG map: accumulated cost under the graph (patches and links)."""
    from mapping import render_map
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from dataterra.dataterra_plugin.styles import cost_ramp_renderer

    cost = QgsRasterLayer(cost_path, "Accumulated cost")
    cost.setRenderer(cost_ramp_renderer(cost))
    layers = [QgsVectorLayer(edges_path, "Links", "ogr"), QgsVectorLayer(nodes_path, "Forest patches", "ogr"), cost]
    png = ctx.output / "forest_subnetwork.png"
    render_map(layers, str(png), "Clermontais forest sub-network", extent_layer=layers[-1])
    return str(png)
