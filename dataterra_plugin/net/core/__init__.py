"""Pure network core (no qgis import): transport protocol, errors, resumable download."""
from .download import parse_checksum, part_path, resumable_download
from .errors import NetworkError, make_error
from .transport import MAX_BODY_BYTES, USER_AGENT, Response, UrllibTransport, host_of

__all__ = ["MAX_BODY_BYTES", "USER_AGENT", "NetworkError", "Response", "UrllibTransport", "host_of",
           "make_error", "parse_checksum", "part_path", "resumable_download"]
