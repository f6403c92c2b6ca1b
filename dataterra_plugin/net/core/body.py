"""In-memory answers read with a byte cap, gzip/deflate decoded with the same cap.

A hostile server can send an endless body, lie in Content-Length, or send a few MB of
gzip that inflate to GB. :class:`BodyReader` receives the body chunk by chunk as it comes
off the wire and never holds more than ``limit`` decoded bytes (plus one chunk): the
moment the answer would exceed it, reading stops with a ``too_large`` error naming the
host and the cap. The transports ask for ``gzip, deflate`` on in-memory requests and
decode here themselves (Qt's own decoding has no bound), and ask for ``identity`` on
downloads, which are stored as sent.
"""
import zlib

from ....rasterblocks.errors import QT_TRANSLATE_NOOP
from .errors import make_error

ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def too_large(error_class, host, limit):
    return make_error(error_class, QT_TRANSLATE_NOOP("DataTerraError", "{host} sent more than {limit} bytes, the most "
                                                     "the plugin reads for this request: the answer was refused. Ask "
                                                     "for less (fewer records per page, a smaller area) or check the "
                                                     "address."), "too_large", host=host, limit=limit)


class BodyReader:
    """Collects one answer body sent with ``encoding`` (its Content-Encoding) into at most
    ``limit`` decoded bytes; ``feed(chunk)`` per chunk, ``finish()`` for the bytes."""

    def __init__(self, encoding, limit, host, error_class):
        self.encoding = (encoding or "identity").strip().lower()
        self.limit, self.host, self.error_class = limit, host, error_class
        self.data = bytearray()
        self.decoder = None
        if self.encoding not in ENCODINGS and self.encoding != "identity":
            raise make_error(error_class, QT_TRANSLATE_NOOP("DataTerraError", "{host} sent its answer with the "
                                                            "encoding {encoding!r}, which the plugin did not ask for "
                                                            "and cannot read."), "http",
                             host=host, encoding=self.encoding[:40])

    def feed(self, chunk):
        if self.encoding == "identity":
            self._keep(chunk)
            return
        if self.decoder is None:
            self.decoder = self._decoder(chunk)
        try:
            pending = chunk
            while pending:
                if self.decoder.eof:  # another gzip member follows the first
                    self.decoder = self._decoder(pending)
                # never inflate more than one byte past the cap, whatever the ratio
                self._keep(self.decoder.decompress(pending, self.limit - len(self.data) + 1))
                pending = self.decoder.unconsumed_tail or (self.decoder.unused_data if self.decoder.eof else b"")
        except zlib.error:
            raise make_error(self.error_class, QT_TRANSLATE_NOOP("DataTerraError", "{host} sent an answer announced "
                                                                 "as {encoding} that cannot be decoded. Try again "
                                                                 "later."), "http",
                             host=self.host, encoding=self.encoding) from None

    def _decoder(self, first):
        wbits = ENCODINGS[self.encoding]
        if wbits == zlib.MAX_WBITS and first[:1] and (first[0] & 0x0F != 8 or len(first) > 1
                                                      and (first[0] * 256 + first[1]) % 31):
            wbits = -zlib.MAX_WBITS  # "deflate" sent raw, without its zlib header (a common mistake)
        return zlib.decompressobj(wbits)

    def _keep(self, data):
        if len(self.data) + len(data) > self.limit:
            raise too_large(self.error_class, self.host, self.limit)
        self.data += data

    def finish(self):
        return bytes(self.data)
