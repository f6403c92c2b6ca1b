"""The one error type of the catalogue: every failure (network, HTTP, parsing) is one."""
from ....rasterblocks.errors import DataTerraError


class CatalogError(DataTerraError):
    """A catalogue could not be searched or its answer could not be read.

    The message names the server, the problem and what the user can do.
    """
