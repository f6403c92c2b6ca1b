"""Error types shared by every pure core."""


class DataTerraError(Exception):
    """A problem with the user's input or data, with a message saying what to do."""


class RasterError(DataTerraError):
    """A raster that cannot be used as given (CRS, grid, nodata, format)."""


class Cancelled(Exception):
    """The user cancelled; the caller removes partial outputs."""


def check_cancel(is_cancelled) -> None:
    """Raise :class:`Cancelled` when ``is_cancelled`` (a callable or None) says so."""
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
