"""Resumable downloads on loopback: interruption, Range resume, checksum, no partial final file."""
import hashlib
import os

import pytest

from dataterra.dataterra_plugin.catalog.core.download import download, part_path
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.rasterblocks.errors import Cancelled

PAYLOAD = bytes((i * 7919) % 251 for i in range(3_000_000))  # what conftest's download_server serves
SHA256 = hashlib.sha256(PAYLOAD).hexdigest()


def test_interrupted_download_resumes(download_server, tmp_path):
    server, state, payload = download_server
    assert payload == PAYLOAD
    final = tmp_path / "flaky.bin"
    with pytest.raises(CatalogError, match="resumes where it stopped"):
        download(server.url + "/files/flaky.bin", final, checksum=f"sha256:{SHA256}")
    assert not final.exists()  # never a partial file under the final name
    half = os.path.getsize(part_path(final))
    assert 0 < half < len(PAYLOAD)
    fractions = []
    download(server.url + "/files/flaky.bin", final, checksum=f"sha256:{SHA256}", progress=fractions.append)
    assert hashlib.sha256(final.read_bytes()).hexdigest() == SHA256
    assert not os.path.exists(part_path(final))
    ranges = [r["headers"].get("Range") for r in server.requests if r["path"] == "/files/flaky.bin"]
    assert ranges[-1] == f"bytes={half}-"
    assert fractions[-1] == 1.0 and fractions[0] > half / len(PAYLOAD) - 0.01


def test_checksum_mismatch_deletes(download_server, tmp_path):
    server, _, _ = download_server
    final = tmp_path / "data.bin"
    with pytest.raises(CatalogError, match="corrupt"):
        download(server.url + "/files/data.bin", final, checksum="sha256:" + "0" * 64)
    assert not final.exists() and not os.path.exists(part_path(final))


def test_cancel_keeps_part_for_resume(download_server, tmp_path):
    server, _, _ = download_server
    final = tmp_path / "data.bin"
    calls = []
    with pytest.raises(Cancelled):
        download(server.url + "/files/data.bin", final, is_cancelled=lambda: calls.append(1) or len(calls) > 3)
    assert not final.exists() and os.path.getsize(part_path(final)) > 0
    download(server.url + "/files/data.bin", final, checksum=f"md5:{hashlib.md5(PAYLOAD).hexdigest()}")
    assert final.read_bytes() == PAYLOAD


def test_http_error(download_server, tmp_path):
    server, _, _ = download_server
    with pytest.raises(CatalogError, match="HTTP 404"):
        download(server.url + "/files/missing.bin", tmp_path / "x.bin")


def test_bad_checksum_text():
    with pytest.raises(CatalogError, match="not '<md5"):
        download("http://127.0.0.1:9/x", "/tmp/never", checksum="crc32:zz")
