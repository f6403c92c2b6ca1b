"""A JSON page of records read with memory bounded by the records kept, not by the page.

A catalogue page is one JSON object whose list (``features``, ``results``) holds the
records. ``json.loads`` would build every element before the search keeps the few it asked
for: one 8 MB page of ``{}`` is 2.7 million dictionaries (+1.2 GB once made records). Here
the list is walked element by element: each element is decoded alone, turned into a record
by ``convert`` and dropped; once ``limit`` records are kept, the rest of the list is only
scanned for its end (a regular expression over strings and brackets, nothing built). Every
other value of the page, and every element, must fit a byte budget and a nesting depth, so
the decoder's own recursion and memory stay bounded (budgets in docs/security.md).
"""
import json
import re

import numpy as np

from .errors import CatalogError
from .safe import JSON_TYPES
from ....rasterblocks.errors import QT_TRANSLATE_NOOP

ITEM_BYTES = 2 * 2**20  # one record of the list (a STAC item with a detailed footprint is ~100 kB)
VALUE_BYTES = 2**20  # any other value of the page (links, context, totals)
MAX_DEPTH = 64  # nesting levels; GeoJSON needs 6

CHUNK = 2**16  # characters counted at once where no string makes bracket counting unsafe

_DECODER = json.JSONDecoder()
_STEPS = np.zeros(128, np.int32)  # +1 for an opening bracket, -1 for a closing one, by character code
_STEPS[[ord("{"), ord("[")]] = 1
_STEPS[[ord("}"), ord("]")]] = -1
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_SPACE = re.compile(r"[ \t\n\r]*")
_KIND = {"[": JSON_TYPES["list"], '"': JSON_TYPES["string"], "t": JSON_TYPES["boolean"],
         "f": JSON_TYPES["boolean"], "n": JSON_TYPES["null"]}


def read_page(body, what, items_key, convert, limit):
    """(data, items) of a JSON object page.

    ``data`` holds the page's other members (decoded); ``items`` the non-None results of
    ``convert(element)`` for the object elements of ``data[items_key]`` in order, at most
    ``limit`` of them (None: all), or None when the page has no list under ``items_key``.
    Anything that is not such a page, too large or too deep raises :class:`CatalogError`
    naming ``what``.
    """
    reader = _Reader(_text(body, what), what)
    return reader.page(items_key, convert, float("inf") if limit is None else max(0, limit))


def _text(body, what):
    try:
        return body.decode("utf-8-sig") if isinstance(body, (bytes, bytearray)) else str(body)
    except UnicodeDecodeError as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not valid JSON ({exc}); the answer may "
                                             "be truncated."), what=what, exc=exc) from exc


class _Reader:
    def __init__(self, text, what):
        self.text, self.what = text, what

    def fail(self, reason, index):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not valid JSON ({reason} at character "
                                             "{index}); the answer may be truncated."),
                           what=self.what, reason=reason, index=index)

    def space(self, index):
        return _SPACE.match(self.text, index).end()

    def page(self, items_key, convert, limit):
        text = self.text
        index = self.space(0)
        if not text.startswith("{", index):
            kind = _KIND.get(text[index:index + 1],
                             JSON_TYPES["number"] if text[index:index + 1] in "-0123456789" else "")
            if not kind or index >= len(text):
                self.fail(QT_TRANSLATE_NOOP("DataTerraError", "no JSON value"), index)
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is JSON but not an object (got "
                                                 "{name})."), what=self.what, name=kind)
        data, items = {}, None
        index = self.space(index + 1)
        if text.startswith("}", index):
            return data, items
        while True:
            if not text.startswith('"', index):
                self.fail(QT_TRANSLATE_NOOP("DataTerraError", "expected a member name"), index)
            key, index = self.value(index, VALUE_BYTES)
            index = self.space(index)
            if not text.startswith(":", index):
                self.fail(QT_TRANSLATE_NOOP("DataTerraError", "expected ':'"), index)
            index = self.space(index + 1)
            if key == items_key and text.startswith("[", index):
                items, index = self.items(index, convert, limit)
            else:
                data[key], index = self.value(index, VALUE_BYTES)
            index = self.space(index)
            if text.startswith(",", index):
                index = self.space(index + 1)
            elif text.startswith("}", index):
                break
            else:
                self.fail(QT_TRANSLATE_NOOP("DataTerraError", "expected a comma or a closing brace"), index)
        if self.space(index + 1) != len(text):
            self.fail(QT_TRANSLATE_NOOP("DataTerraError", "extra data after the object"), index + 1)
        return data, items

    def items(self, index, convert, limit):
        """Walk the list starting at ``index``: (converted elements, index after the list)."""
        text = self.text
        kept = []
        index = self.space(index + 1)
        if text.startswith("]", index):
            return kept, index + 1
        while True:
            if len(kept) >= limit:
                return kept, self.end_of(index, 1, len(text), "list")
            element, index = self.value(index, ITEM_BYTES)
            if isinstance(element, dict):
                record = convert(element)
                if record is not None:
                    kept.append(record)
            del element
            index = self.space(index)
            if text.startswith(",", index):
                index = self.space(index + 1)
            elif text.startswith("]", index):
                return kept, index + 1
            else:
                self.fail(QT_TRANSLATE_NOOP("DataTerraError", "expected a comma or a closing bracket"), index)

    def value(self, index, budget):
        """(decoded value, index after it) of the value at ``index``, at most ``budget`` characters."""
        text = self.text
        first = text[index:index + 1]
        if first in ("{", "["):
            end = self.end_of(index, 0, min(len(text), index + budget + 1), "value")
        elif first == '"':
            match = _STRING.match(text, index)
            end = match.end() if match else len(text)
        else:
            end = index
        if end - index > budget:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} holds a value of more than {budget} "
                                                 "bytes at character {index}: refused (a catalogue record is far "
                                                 "smaller)."), what=self.what, budget=budget, index=index)
        try:
            return _DECODER.raw_decode(text, index)
        except (ValueError, RecursionError) as exc:
            self.fail(type(exc).__name__ + ": " + str(exc)[:80], index)

    def end_of(self, index, depth, endpos, kind):
        """Index after the bracket that closes the container open at ``index`` (``depth``
        levels already open); scans no further than ``endpos``. Stretches without a
        string are counted with numpy, the others token by token."""
        text, start_depth, pos = self.text, depth, index
        while pos < endpos:
            chunk_end = min(pos + CHUNK, endpos)
            if text.find('"', pos, chunk_end) < 0:
                levels = depth + np.cumsum(_STEPS[np.frombuffer(text[pos:chunk_end].encode("utf-32-le"), np.uint32)
                                                  .clip(0, 127)])
                self.check_depth(levels.max() - start_depth, pos)
                closed = np.flatnonzero(levels <= 0)
                if closed.size:
                    return pos + int(closed[0]) + 1
                depth, pos = int(levels[-1]), chunk_end
                continue
            last = pos
            for match in _TOKEN.finditer(text, pos, endpos):
                if match.start() >= chunk_end:
                    break
                char, last = match.group(), match.end()
                if char in ("{", "["):
                    depth += 1
                    self.check_depth(depth - start_depth, match.start())
                elif char in ("}", "]"):
                    depth -= 1
                    if depth == 0:
                        return last
            pos = max(chunk_end, last)
        if endpos < len(text):
            return endpos + 1  # longer than the budget: the caller refuses it
        self.fail(QT_TRANSLATE_NOOP("DataTerraError", "unterminated list") if kind == "list"
                  else QT_TRANSLATE_NOOP("DataTerraError", "unterminated value"), index)

    def check_depth(self, depth, index):
        if depth > MAX_DEPTH:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} nests values more than {depth} levels "
                                                 "deep near character {index}: refused."),
                               what=self.what, depth=MAX_DEPTH, index=index)
