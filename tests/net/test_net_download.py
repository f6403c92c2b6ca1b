"""The shared resumable download, through the urllib and the QGIS transports, on loopback:
a cut halfway resumes with Range and the checksum matches; a wrong checksum leaves nothing."""
import hashlib
import os

import pytest

from dataterra.dataterra_plugin.net.core import NetworkError, UrllibTransport, parse_checksum, part_path
from dataterra.dataterra_plugin.net.core.download import resumable_download
from dataterra.rasterblocks.errors import Cancelled

PAYLOAD = bytes((i * 7919 + 13) % 251 for i in range(2_000_000))  # what conftest's server serves
SHA256 = hashlib.sha256(PAYLOAD).hexdigest()


def test_cut_download_resumes_with_range_and_checksum_matches(loopback, transport, tmp_path):
    final = tmp_path / "scene.tif"
    with pytest.raises(NetworkError, match="resumes where it stopped") as error:
        resumable_download(transport, loopback.url + "/flaky.bin", final, f"sha256:{SHA256}")
    assert error.value.kind == "truncated"
    assert not final.exists()  # never a partial file under the final name
    half = os.path.getsize(part_path(final))
    assert half == len(PAYLOAD) // 2  # the server sent exactly half before cutting
    fractions = []
    resumable_download(transport, loopback.url + "/flaky.bin", final, f"sha256:{SHA256}", progress=fractions.append)
    assert hashlib.sha256(final.read_bytes()).hexdigest() == SHA256
    assert not os.path.exists(part_path(final))
    assert [r["headers"].get("range") for r in loopback.requests] == [None, f"bytes={half}-"]
    assert fractions[0] > 0.5 and fractions[-1] == 1.0  # progress continues from the half


def test_retries_resume_within_one_call(loopback, tmp_path):
    final = tmp_path / "scene.tif"
    resumable_download(UrllibTransport(), loopback.url + "/flaky.bin", final, f"sha256:{SHA256}", retries=1)
    assert final.read_bytes() == PAYLOAD and len(loopback.requests) == 2


def test_wrong_checksum_leaves_no_file(loopback, transport, tmp_path):
    final = tmp_path / "scene.tif"
    wrong = hashlib.md5(b"another file").hexdigest()
    with pytest.raises(NetworkError, match=f"is corrupt: its md5 is {hashlib.md5(PAYLOAD).hexdigest()}") as error:
        resumable_download(transport, loopback.url + "/file.bin", final, f"md5:{wrong}")
    assert error.value.kind == "checksum"
    assert not final.exists() and not os.path.exists(part_path(final))


def test_announced_size_is_checked(loopback, tmp_path):
    final = tmp_path / "scene.tif"
    with pytest.raises(NetworkError, match=f"has {len(PAYLOAD)} bytes, the server announced {len(PAYLOAD) + 1}"):
        resumable_download(UrllibTransport(), loopback.url + "/file.bin", final, size=len(PAYLOAD) + 1)
    assert not final.exists() and not os.path.exists(part_path(final))


def test_server_ignoring_range_restarts_the_file(loopback, tmp_path):
    final = tmp_path / "scene.tif"
    with open(part_path(final), "wb") as stale:
        stale.write(b"x" * 1000)  # a .part from an interrupted attempt
    resumable_download(UrllibTransport(), loopback.url + "/norange.bin", final, f"sha256:{SHA256}")
    assert final.read_bytes() == PAYLOAD and loopback.requests[0]["headers"]["range"] == "bytes=1000-"


def test_complete_part_answered_416_is_verified_and_renamed(loopback, tmp_path):
    final = tmp_path / "scene.tif"
    with open(part_path(final), "wb") as whole:
        whole.write(PAYLOAD)
    resumable_download(UrllibTransport(), loopback.url + "/file.bin", final, f"sha256:{SHA256}")
    assert final.read_bytes() == PAYLOAD


def test_cancel_keeps_the_part_for_a_resume(loopback, transport, tmp_path):
    """Cancel while the server stalls mid-body; the bytes received stay in the .part and a
    later download asks for the rest; here the URL now serves another file (2 MB where the
    first answer announced 10 MB), so the .part is discarded and the file starts again."""
    final = tmp_path / "scene.tif"
    received = []
    with pytest.raises(Cancelled):
        resumable_download(transport, loopback.url + "/stall-body", final, progress=received.append,
                           is_cancelled=lambda: bool(received))
    kept = os.path.getsize(part_path(final))
    assert not final.exists() and 0 < kept <= 100_000
    resumable_download(transport, loopback.url + "/file.bin", final, f"sha256:{SHA256}")
    assert final.read_bytes() == PAYLOAD
    assert [r["headers"].get("range") for r in loopback.requests[1:]] == [f"bytes={kept}-", None]


def test_http_error_names_status_without_query(loopback, tmp_path):
    with pytest.raises(NetworkError, match=r"Download of http://127\.0\.0\.1:\d+/missing failed: HTTP 404") as error:
        resumable_download(UrllibTransport(), loopback.url + "/missing?X-Amz-Signature=s3cr3t", tmp_path / "x")
    assert error.value.status == 404 and "s3cr3t" not in str(error.value)


@pytest.mark.parametrize("text, expected", [
    ("sha256:" + hashlib.sha256(b"abc").hexdigest().upper(), ("sha256", hashlib.sha256(b"abc").hexdigest())),
    ("SHA-1:" + hashlib.sha1(b"abc").hexdigest(), ("sha1", hashlib.sha1(b"abc").hexdigest())),
    # STAC file:checksum multihashes: code 0x12 sha2-256 / 0x13 sha2-512 / 0x11 sha1, length
    # 0x20 / 0x40 / 0x14 bytes; md5 is code 0xd5, a two-byte varint (d5 01), length 0x10
    ("1220" + hashlib.sha256(b"abc").hexdigest(), ("sha256", hashlib.sha256(b"abc").hexdigest())),
    ("1340" + hashlib.sha512(b"abc").hexdigest(), ("sha512", hashlib.sha512(b"abc").hexdigest())),
    ("1114" + hashlib.sha1(b"abc").hexdigest(), ("sha1", hashlib.sha1(b"abc").hexdigest())),
    ("d50110" + hashlib.md5(b"abc").hexdigest(), ("md5", hashlib.md5(b"abc").hexdigest())),
    ("", None),
])
def test_checksum_forms(text, expected):
    assert parse_checksum(text) == expected


@pytest.mark.parametrize("text", [
    "crc32:1234abcd",                                   # unknown algorithm
    "sha256:" + "ab" * 31,                              # digest too short
    "1220" + hashlib.sha256(b"abc").hexdigest()[:-2],   # multihash length disagrees
    "b220" + "00" * 32,                                 # blake2b multihash: not supported
    hashlib.sha256(b"abc").hexdigest(),                 # bare hex: ambiguous
])
def test_bad_checksums_are_refused_before_any_request(text):
    with pytest.raises(NetworkError, match="is not '<md5") as error:
        resumable_download(UrllibTransport(), "http://127.0.0.1:9/never", "/nonexistent/x", text)
    assert error.value.kind == "checksum"


def test_empty_file(loopback, transport, tmp_path):
    final = tmp_path / "empty.txt"
    resumable_download(transport, loopback.url + "/empty.bin", final, "md5:" + hashlib.md5(b"").hexdigest())
    assert final.exists() and final.read_bytes() == b""
