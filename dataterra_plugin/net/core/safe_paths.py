"""File names that come from a server never leave the folder they are written to.

A server names the files the plugin writes: DINAMIS deliverables carry a ``name``, a
catalogue or open-SPOT download is named after the last segment of its URL. Such a name is
*data*, not a path: ``../x``, ``/home/u/.bashrc``, ``sub/../../x``, ``..\\x``, ``C:x``,
``x:stream`` (an NTFS alternate data stream), ``CON`` (a Windows device), a NUL byte or a
name longer than the file system allows would each write somewhere else than the chosen
folder, or fail half-way. :func:`check_file_name` refuses them; :func:`file_name_from_url`
reduces a URL to its last path segment, and :func:`path_in_folder` is the one way such a
name becomes a path: refused with :class:`UnsafeNameError` before anything is written.

``Content-Disposition`` headers are not used to name files: names come from the URL or from
the order, and go through these functions.
"""
import os
import re
import urllib.parse
from pathlib import Path

from ....rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP
from .download import part_path
from .transport import host_of

# a name, its ".part" download file and GDAL's side files (".aux.xml") must all fit the
# 255-byte limit of ext4, NTFS and APFS
MAX_NAME_BYTES = 200
# characters Windows refuses in names (plus the separators), and control characters
FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?", re.IGNORECASE)


class UnsafeNameError(DataTerraError):
    """A server gave a file name that would be written outside its folder, or not at all."""


def name_problem(name):
    """Why ``name`` cannot be a file name inside a folder ("" when it can)."""
    if not isinstance(name, str) or not name.strip():
        return QT_TRANSLATE_NOOP("DataTerraError", "it is empty or not text")
    if name in (".", ".."):
        return QT_TRANSLATE_NOOP("DataTerraError", "it names a folder, not a file")
    if "/" in name or "\\" in name:
        return QT_TRANSLATE_NOOP("DataTerraError", "it holds a folder separator")
    if FORBIDDEN.search(name):
        return QT_TRANSLATE_NOOP("DataTerraError", "it holds a control character or one of < > : \" | ? *")
    if WINDOWS_DEVICES.fullmatch(name) or name[-1] in ". ":
        return QT_TRANSLATE_NOOP("DataTerraError", "Windows reserves it (a device name, or a final dot or space)")
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return QT_TRANSLATE_NOOP("DataTerraError", "it is longer than the file system allows")
    return ""


def check_file_name(name, source):
    """``name`` when it is a plain file name, else :class:`UnsafeNameError` naming ``source``
    (the server or service that gave it) and why it is refused."""
    problem = name_problem(name)
    if problem:
        raise UnsafeNameError(QT_TRANSLATE_NOOP("DataTerraError", "{source} named a file {name!r}, which is refused: "
                                                "{problem}. A file name from a server must stay inside the chosen "
                                                "folder; nothing was written."),
                              source=source, name=_shown(name), problem=problem)
    return name


def file_name_from_url(url, source, fallback=""):
    """The file name of a download: the last segment of ``url``'s path (percent-decoded, so
    ``%2F`` and ``%5C`` count as separators and only what follows them is kept), or
    ``fallback`` when that segment is empty or refused. :class:`UnsafeNameError` when neither
    is a safe name."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(str(url)).path)
    segment = re.split(r"[/\\]", path)[-1]
    if not name_problem(segment):
        return segment
    return check_file_name(fallback or segment, source)


def path_in_folder(folder, name, source):
    """``folder / name`` for a server-given ``name``, checked to stay in ``folder``.

    Refused (:class:`UnsafeNameError`, nothing written) when the name is not a plain file
    name, or when that path or its ``.part`` download file is a symbolic link (it would
    redirect the write elsewhere).
    """
    check_file_name(name, source)
    folder = Path(folder)
    path = folder / name
    inside = os.path.realpath(path.parent) == os.path.realpath(folder)
    if not inside or os.path.islink(path) or os.path.islink(part_path(path)):
        raise UnsafeNameError(QT_TRANSLATE_NOOP("DataTerraError", "{source} named a file {name!r} that is a link out "
                                                "of {folder}; it is refused and nothing was written."),
                              source=source, name=_shown(name), folder=str(folder))
    return path


def download_path(folder, url, fallback=""):
    """Where the download of ``url`` goes in ``folder``: :func:`file_name_from_url` then
    :func:`path_in_folder` (``fallback``: the name when the URL's path gives none). Messages
    name the URL's host."""
    source = Message(QT_TRANSLATE_NOOP("DataTerraError", "The server {host}"), host=host_of(url))
    return path_in_folder(folder, file_name_from_url(url, source, fallback), source)


def _shown(name):
    """``name`` as it may appear in a message: its first 80 characters."""
    text = name if isinstance(name, str) else repr(name)
    return text if len(text) <= 80 else text[:80] + "…"


__all__ = ["MAX_NAME_BYTES", "UnsafeNameError", "check_file_name", "download_path", "file_name_from_url",
           "name_problem", "path_in_folder"]
