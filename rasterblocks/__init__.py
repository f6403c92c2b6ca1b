"""Block-wise raster I/O shared by the analysis cores (GDAL + numpy, no qgis import).

Memory is bounded by the block size, not by the raster size: read with
:func:`iter_windows` / :meth:`RasterInfo.read`, write with :func:`create_like` inside
:func:`atomic_path` so that nothing is left under the output name if anything fails.
"""
from .errors import Cancelled, DataTerraError, RasterError  # noqa: F401
from .io import (  # noqa: F401
    RasterInfo,
    Window,
    atomic_path,
    check_same_grid,
    create_like,
    iter_windows,
    open_raster,
    require_projected,
)
