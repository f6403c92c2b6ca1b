"""Answers read with a byte cap, gzip never inflated without bound (issue 14, items 4 and 5).

The loopback server sends a 1 MB gzip body that inflates to 1 GiB, an endless body without
Content-Length, one announcing 600 MB, one announcing 1000 bytes and sending 600 MB.
Through both transports: a download stores the gzip bytes as sent (identity asked); an
in-memory request stops at its ``max_bytes`` with a ``too_large`` error naming the host
and the cap; the process's resident memory grows by a bound derived from the cap (the
issue measured +1.9 GB for a gzip bomb through the QGIS transport)."""
import gzip
import json
import zlib

import pytest

from dataterra.dataterra_plugin.net.core import NetworkError
from dataterra.dataterra_plugin.net.core.download import resumable_download

from memory import PeakGrowth

CAP = 4 * 2**20
MEMORY_BOUND = 4 * CAP + 48 * 2**20  # the cap, Qt's read buffer, decoder windows, and noise


def test_download_of_a_gzip_bomb_is_stored_as_sent(loopback, transport, gzip_bomb, tmp_path):
    loopback.bomb = gzip_bomb
    final = tmp_path / "answer.json"
    with PeakGrowth() as peak:
        resumable_download(transport, loopback.url + "/bomb.gz", final)
    assert loopback.requests[0]["headers"]["accept-encoding"] == "identity"
    assert final.read_bytes() == gzip_bomb  # 1 MB as sent, not 1 GiB of zeros
    assert peak.bytes < MEMORY_BOUND, peak.bytes


def test_request_of_a_gzip_bomb_stops_at_the_cap(loopback, transport, gzip_bomb):
    loopback.bomb = gzip_bomb
    with PeakGrowth() as peak, pytest.raises(NetworkError, match=r"127\.0\.0\.1:\d+ sent more than 4194304 bytes, "
                                                                  "the most the plugin reads") as error:
        transport.request("GET", loopback.url + "/bomb.gz", max_bytes=CAP)
    assert error.value.kind == "too_large"
    assert loopback.requests[0]["headers"]["accept-encoding"] == "gzip, deflate"
    assert peak.bytes < MEMORY_BOUND, peak.bytes


@pytest.mark.parametrize("path", ["/endless", "/announced-huge"])
def test_a_600_mb_answer_stops_at_the_cap(loopback, transport, path):
    with PeakGrowth() as peak, pytest.raises(NetworkError, match="sent more than 4194304 bytes") as error:
        transport.request("GET", loopback.url + path, max_bytes=CAP)
    assert error.value.kind == "too_large" and peak.bytes < MEMORY_BOUND, peak.bytes
    # the server was stopped by the client hanging up, long before its 600 MB
    assert wait_for(lambda: 0 in loopback.sent and loopback.sent[0] < 600 * 2**20)


def test_a_lying_length_reads_no_more_than_announced(loopback, transport):
    with PeakGrowth() as peak:
        response = transport.request("GET", loopback.url + "/lying-length", max_bytes=CAP)
    assert response.body == bytes(1000) and peak.bytes < MEMORY_BOUND


def wait_for(condition, seconds=10):
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


@pytest.mark.parametrize("encode, encoding", [
    (gzip.compress, "gzip"),
    (zlib.compress, "deflate"),  # the zlib wrapper the standard asks for
    (lambda data: zlib.compress(data)[2:-4], "deflate"),  # raw deflate, as some servers send it
])
def test_compressed_answers_within_the_cap_are_decoded(transport, encode, encoding):
    from replay_http import ReplayServer

    page = {"features": [{"id": n, "title": "forêt " * 20} for n in range(500)]}
    raw = json.dumps(page).encode()
    server = ReplayServer()
    server.routes["/page"] = lambda request: (200, {"Content-Type": "application/json",
                                                    "Content-Encoding": encoding}, encode(raw))
    try:
        response = transport.request("GET", server.url + "/page", max_bytes=len(raw))
        assert response.json() == page
        with pytest.raises(NetworkError, match=f"sent more than {len(raw) - 1} bytes"):
            transport.request("GET", server.url + "/page", max_bytes=len(raw) - 1)
    finally:
        server.close()


def test_an_encoding_not_asked_for_is_refused(transport):
    from replay_http import ReplayServer

    server = ReplayServer()
    server.routes["/page"] = lambda request: (200, {"Content-Encoding": "br"}, b"\x1b\x00")
    try:
        with pytest.raises(NetworkError, match="with the encoding 'br', which the plugin did not ask for"):
            transport.request("GET", server.url + "/page")
    finally:
        server.close()
