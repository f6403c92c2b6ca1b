"""Pure network core (no qgis import): transport protocol, errors, resumable download."""
from .download import parse_checksum, part_path, resumable_download
from .errors import NetworkError, make_error
from .credentials import Credentials, origin_of
from .transport import MAX_BODY_BYTES, USER_AGENT, Response, Transport, UrllibTransport, host_of

__all__ = ["MAX_BODY_BYTES", "USER_AGENT", "Credentials", "NetworkError", "Response", "Transport", "UrllibTransport",
           "host_of", "origin_of",
           "make_error", "parse_checksum", "part_path", "resumable_download"]
