"""Landscape graph from a patches raster to written node / edge layers and global indices."""
import numpy as np
from osgeo import ogr, osr

from ...rasterblocks import atomic_path
from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .graph import graph_indices
from .grids import polygonize
from .patchgraph import build_patch_graph

NODE_FIELDS = ("area_ha", "component", "dIIC", "dPC", "dPC_intra", "dPC_flux", "dPC_connector")


def consecutive_labels(ids):
    """Relabel the non-zero ids of ``ids`` to 1..n (0 stays 0)."""
    values, inverse = np.unique(ids, return_inverse=True)
    if values[0] != 0:  # no background: ids start at 1
        inverse = inverse + 1
    return inverse.reshape(ids.shape).astype(np.int32)


def write_edges(path, graph, probabilities, crs_wkt):
    """Lines between patch centroids with from/to ids, length and link probability."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    with atomic_path(path) as temporary:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        layer = ds.CreateLayer("edges", srs=srs, geom_type=ogr.wkbLineString)
        for name, kind in (("from_id", ogr.OFTInteger), ("to_id", ogr.OFTInteger), ("distance", ogr.OFTReal),
                           ("probability", ogr.OFTReal)):
            layer.CreateField(ogr.FieldDefn(name, kind))
        layer.StartTransaction()
        for i, j, d, p in zip(graph.edge_i, graph.edge_j, graph.edge_length, probabilities):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("from_id", int(i) + 1)
            feature.SetField("to_id", int(j) + 1)
            feature.SetField("distance", float(d))
            feature.SetField("probability", float(p))
            line = ogr.Geometry(ogr.wkbLineString)
            line.AddPoint_2D(*map(float, graph.centroids[i]))
            line.AddPoint_2D(*map(float, graph.centroids[j]))
            feature.SetGeometry(line)
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        ds = None
    return str(path)


def run_connectivity_graph(labels, info, friction=None, *, distance_50, max_distance=0.0, landscape_area_ha=0.0,
                           knight_move=False, node_importance=True, output_nodes=None, output_edges=None, progress=None,
                           is_cancelled=None):
    """Build the graph, compute the indices, write the layers; returns the global indices."""
    labels = consecutive_labels(labels)
    if labels.max() == 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "No habitat patch: the patches input has no valid "
                                               "non-zero cell on the grid."))
    graph = build_patch_graph(labels, info.geotransform, friction, knight_move, max_distance, is_cancelled)
    if progress:
        progress(0.4)
    landscape = landscape_area_ha if landscape_area_ha > 0 else info.width * info.height * info.pixel_area / 1e4
    areas_ha = graph.areas / 1e4
    indices = graph_indices(
        areas_ha, graph.edge_i, graph.edge_j, graph.edge_length, landscape, distance_50, max_distance,
        node_importance=node_importance,
        progress=(lambda f: progress(0.4 + 0.5 * f)) if progress else None, is_cancelled=is_cancelled)
    check_cancel(is_cancelled)
    if output_nodes:
        values = {"area_ha": areas_ha, "component": indices.component + 1, "dIIC": indices.dIIC,
                  "dPC": indices.dPC, "dPC_intra": indices.dPC_intra, "dPC_flux": indices.dPC_flux,
                  "dPC_connector": indices.dPC_connector}
        extra = {name: {k + 1: v for k, v in enumerate(values[name])} for name in NODE_FIELDS}
        polygonize(labels, info, output_nodes, "patches", "patch_id", extra)
    if output_edges:
        k_decay = np.log(2.0) / distance_50
        write_edges(output_edges, graph, np.exp(-k_decay * graph.edge_length), info.crs_wkt)
    if progress:
        progress(1.0)
    return {"IIC": indices.IIC, "PC": indices.PC, "ECA": indices.ECA, "N_COMPONENTS": indices.N_COMPONENTS,
            "N_PATCHES": int(labels.max()), "N_EDGES": int(len(graph.edge_i)), "LANDSCAPE_AREA": landscape}
