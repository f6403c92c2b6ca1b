"""Resumed downloads never stitch two versions of a file (issue 14, item 4).

The loopback server's /versioned.bin is replaced by the test between a cut and the resume
(v1 -> v2, same size, other bytes). Whatever the server does (honours If-Range, ignores it,
offers no validator, changes its size, answers 416 for another size), the final file is
exactly the server's current version, or the download fails and nothing is left under the
final name nor as a .part."""
import hashlib
import os

import pytest

from dataterra.dataterra_plugin.net.core import NetworkError, part_path
from dataterra.dataterra_plugin.net.core.download import resumable_download, save_state, state_path

PAYLOAD = bytes((i * 7919 + 13) % 251 for i in range(2_000_000))  # what conftest's server serves

V1, V2 = PAYLOAD, PAYLOAD[::-1]
HALF = len(PAYLOAD) // 2


def cut_then_change(loopback, transport, final, **options):
    """The first download is cut halfway through v1 (the client keeps up to half of it,
    depending on what arrived before the reset); the server then serves v2. Returns the
    size of the .part."""
    loopback.cut_next = 1
    with pytest.raises(NetworkError) as error:
        resumable_download(transport, loopback.url + "/versioned.bin", final, **options)
    kept = os.path.getsize(part_path(final))
    assert error.value.kind == "truncated" and 0 < kept <= HALF
    loopback.current = "v2"
    return kept


@pytest.mark.parametrize("validator, sent", [("etag", '"v1"'), ("last-modified", "Mon, 02 Jun 2026 10:00:00 GMT")])
def test_if_range_brings_the_new_version_whole(loopback, transport, tmp_path, validator, sent):
    loopback.validator = validator
    final = tmp_path / "scene.tif"
    kept = cut_then_change(loopback, transport, final)
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    resumed = loopback.requests[1]["headers"]
    assert resumed["range"] == f"bytes={kept}-" and resumed["if-range"] == sent
    assert final.read_bytes() == V2  # the server's 200 to If-Range: the whole new file
    assert not os.path.exists(part_path(final)) and not os.path.exists(state_path(part_path(final)))


def test_unchanged_file_resumes_with_if_range(loopback, transport, tmp_path):
    final = tmp_path / "scene.tif"
    loopback.cut_next = 1
    with pytest.raises(NetworkError):
        resumable_download(transport, loopback.url + "/versioned.bin", final)
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert final.read_bytes() == V1 and loopback.requests[1]["headers"]["if-range"] == '"v1"'
    assert len(loopback.requests) == 2  # resumed, not downloaded again


def test_server_ignoring_if_range_is_caught_by_the_etag(loopback, transport, tmp_path):
    """A 206 of v2 (ETag "v2") to a resume of v1: nothing appended, the file starts again."""
    loopback.honour_if_range = False
    final = tmp_path / "scene.tif"
    kept = cut_then_change(loopback, transport, final)
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert final.read_bytes() == V2
    assert [r["headers"].get("range") for r in loopback.requests] == [None, f"bytes={kept}-", None]


def test_without_validator_nor_checksum_the_part_is_not_resumed(loopback, transport, tmp_path):
    loopback.validator, loopback.honour_if_range = None, False
    final = tmp_path / "scene.tif"
    cut_then_change(loopback, transport, final)
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert final.read_bytes() == V2 and "range" not in loopback.requests[1]["headers"]


def test_without_validator_the_checksum_refuses_a_stitched_file(loopback, transport, tmp_path):
    """No validator, a server ignoring If-Range: the resume appends v2's second half to
    v1's first; the catalogue's checksum (of v1) catches it; nothing is left."""
    loopback.validator, loopback.honour_if_range = None, False
    final = tmp_path / "scene.tif"
    checksum = "sha256:" + hashlib.sha256(V1).hexdigest()
    kept = cut_then_change(loopback, transport, final, checksum=checksum)
    stitched = hashlib.sha256(V1[:kept] + V2[kept:]).hexdigest()
    with pytest.raises(NetworkError, match=f"is corrupt: its sha256 is {stitched}") as error:
        resumable_download(transport, loopback.url + "/versioned.bin", final, checksum)
    assert error.value.kind == "checksum"
    assert not final.exists() and not os.path.exists(part_path(final))


def test_other_total_size_restarts(loopback, transport, tmp_path):
    """The new version sends no validator and the server ignores If-Range: the Content-Range
    total differs from the first answer's size, so it is another file, started again."""
    loopback.validator, loopback.honour_if_range = "last-modified", False
    loopback.versions["v2"] = V2[:-1000]
    final = tmp_path / "scene.tif"
    cut_then_change(loopback, transport, final)
    loopback.validator = None  # the new version announces no date: only the size tells
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert final.read_bytes() == V2[:-1000] and "range" not in loopback.requests[-1]["headers"]


def test_catalogue_size_is_checked_against_the_range_total(loopback, transport, tmp_path):
    final = tmp_path / "scene.tif"
    loopback.honour_if_range = False
    loopback.cut_next = 1
    with pytest.raises(NetworkError):
        resumable_download(transport, loopback.url + "/versioned.bin", final, size=len(V1))
    loopback.versions["v1"] = V1 + b"tail"  # the same ETag, four bytes more
    with pytest.raises(NetworkError, match=f"has {len(V1) + 4} bytes, the server announced {len(V1)}"):
        resumable_download(transport, loopback.url + "/versioned.bin", final, size=len(V1))
    assert not final.exists() and not os.path.exists(part_path(final))


def test_416_for_another_size_is_not_complete(loopback, transport, tmp_path):
    """A .part as long as v1 answered 416 "bytes */<other size>": not the whole file."""
    final = tmp_path / "scene.tif"
    resumable_download(transport, loopback.url + "/versioned.bin", final)  # leaves nothing but the file
    part = part_path(final)
    os.replace(final, part)
    save_state(part, {"etag": '"v1"', "total": len(V1)})
    loopback.versions["v1"] = V1[: HALF]  # now shorter than the .part: the server answers 416 */HALF
    resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert loopback.requests[-2]["headers"]["range"] == f"bytes={len(V1)}-"
    assert final.read_bytes() == V1[:HALF]


def test_partial_answers_that_continue_nothing_fail_and_leave_nothing(loopback, transport, tmp_path):
    """A server answering 206 from byte 1000 to a request without Range, again after the
    restart: refused (kind "changed"), nothing written anywhere."""
    loopback.partial_from = 1000
    final = tmp_path / "scene.tif"
    with pytest.raises(NetworkError, match="changed on the server during the download") as error:
        resumable_download(transport, loopback.url + "/versioned.bin", final)
    assert error.value.kind == "changed" and len(loopback.requests) == 2
    assert not final.exists() and not os.path.exists(part_path(final))
    assert not os.path.exists(state_path(part_path(final)))
