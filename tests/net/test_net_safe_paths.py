"""Server-given file names stay in their folder: every hostile spelling is refused or reduced
to a plain base name, and nothing is written on refusal."""
import os

import pytest

from dataterra.dataterra_plugin.net.core.safe_paths import (
    MAX_NAME_BYTES,
    UnsafeNameError,
    check_file_name,
    download_path,
    file_name_from_url,
    path_in_folder,
)

# each would write outside the folder, into a device, an NTFS stream, or fail half-way
HOSTILE_NAMES = ["../x.tif", "/etc/x.tif", "sub/../../x.tif", "sub/x.tif", "..\\x.tif", "C:x.tif", "C:\\x.tif",
                 "x.tif:stream", "x\x00.tif", "x\n.tif", "", "  ", ".", "..", "CON", "nul.tif", "LPT1", "x.tif.",
                 "x.tif ", "é" * (MAX_NAME_BYTES // 2 + 1), None, 7, ["x.tif"]]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_are_refused_with_the_source_and_the_reason(name, tmp_path):
    with pytest.raises(UnsafeNameError, match="The test server named a file .* refused: .*nothing was written"):
        path_in_folder(tmp_path / "products", name, "The test server")
    assert list(tmp_path.iterdir()) == []  # not even the folder was created


@pytest.mark.parametrize("name", ["scene.tif", "SPOT6_2023-05-01 (1).jp2", ".hidden", "a..b.tif", "x" * MAX_NAME_BYTES,
                                  "Kalideos_été.tif"])
def test_plain_names_are_kept(name, tmp_path):
    assert check_file_name(name, "server") == name
    assert path_in_folder(tmp_path, name, "server") == tmp_path / name


@pytest.mark.parametrize("url, expected", [
    ("https://h.example/a/b/scene.tif?sig=abc&exp=1", "scene.tif"),
    ("https://h.example/a/..%2F..%2F.bashrc", ".bashrc"),  # %2F decoded: only the last segment is kept
    ("https://h.example/a%5C..%5Cx.tif", "x.tif"),
    ("https://h.example/files/", "record-7.bin"),  # no name in the URL: the fallback
    ("https://h.example/files/..", "record-7.bin"),
    ("https://h.example/files/%2e%2e", "record-7.bin"),
    ("https://h.example/files/x%00.tif", "record-7.bin"),
    ("https://h.example/CON", "record-7.bin"),
    ("https://h.example/" + "y" * 400, "record-7.bin"),
])
def test_url_names_are_reduced_to_their_last_plain_segment(url, expected):
    assert file_name_from_url(url, "server", "record-7.bin") == expected


def test_a_hostile_fallback_is_refused_too(tmp_path):
    with pytest.raises(UnsafeNameError, match=r"The server h\.example:8080 named a file '\.\./\.\./x\.bin'"):
        download_path(tmp_path, "https://h.example:8080/files/", "../../x.bin")
    assert list(tmp_path.iterdir()) == []


def test_a_planted_link_is_not_followed(tmp_path):
    outside = tmp_path / "outside.tif"
    folder = tmp_path / "products"
    folder.mkdir()
    os.symlink(outside, folder / "scene.tif.part")  # the download would write through it
    with pytest.raises(UnsafeNameError, match="link out of"):
        download_path(folder, "https://h.example/scene.tif")
    assert not outside.exists()
