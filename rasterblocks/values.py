"""The rule for non-finite and out-of-range values, the same in every algorithm.

Inputs
    * A cell equal to its band's nodata value, or NaN, is *nodata*: it holds no value
      (ignored by statistics, impassable for movement, nodata in the outputs).
    * Every other cell must lie in the algorithm's domain, stated in its help: friction
      > 0, where +inf means impassable (as nodata does); species labels whole numbers
      0..65535 (0 = no species); class codes whole numbers; reflectances and PCA scores
      finite. A value outside it (−inf anywhere, +inf outside friction, a negative
      friction, a fractional or huge label) is **refused** before any output is written,
      with a message naming the raster, the number of cells and the extreme value. It is
      never turned into nodata silently, and never computed with.
    * An input without a single valid cell is refused the same way.

Outputs
    * A result that the output type cannot hold (a float64 value beyond the float32 range,
      e.g. accumulated costs over a friction of 3e38) is refused the same way: never
      written as inf, never as a valid cell. Non-finite results (unreached cells, windows
      without enough valid pixels) are written as the output's nodata.

Zero friction is left to the connectivity algorithms (r.cost's model).
"""
import numpy as np

from .errors import QT_TRANSLATE_NOOP, RasterError

FLOAT32_MAX = float(np.finfo(np.float32).max)


def refuse_infinite(values, what):
    """Refuse ``values`` (read from the raster ``what``) when any cell is ±inf."""
    infinite = np.isinf(values)
    if infinite.any():
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{what} has {count} cell(s) holding {value:g}: infinite "
                                            "values are refused (use the nodata value for cells without data)."),
                          what=what, count=int(infinite.sum()), value=float(values[infinite][0]))


def to_float32(values, nodata):
    """float32 copy of ``values`` with non-finite results as ``nodata``; a finite result
    beyond the float32 range is refused (it would be written as inf)."""
    values = np.asarray(values)
    finite = np.isfinite(values)
    too_large = finite & (np.abs(values, where=finite, out=np.zeros(values.shape)) > FLOAT32_MAX)
    if too_large.any():
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{count} result cell(s) exceed the float32 range of the "
                                            "output (largest {largest:g}, the limit is {limit:g}): they cannot be "
                                            "written. Scale the input values down (e.g. a friction in thousands)."),
                          count=int(too_large.sum()), largest=float(np.abs(values[too_large]).max()),
                          limit=FLOAT32_MAX)
    out = values.astype(np.float32)
    out[~finite] = nodata
    return out


__all__ = ["FLOAT32_MAX", "refuse_infinite", "to_float32"]
