"""The one parser of untrusted XML (rasterblocks/untrusted.py) used by the project readers,
the catalogue and the OGC clients: hostile documents become the caller's error, with its message."""
import pytest

from dataterra.rasterblocks.errors import DataTerraError
from dataterra.rasterblocks.untrusted import iter_untrusted_xml, parse_untrusted_xml


class SampleError(DataTerraError):
    """A caller's own error type."""


REFUSED = "{what} refused ({name})."
MALFORMED = "{what} is not XML ({exc}); it starts with {start!r}."
BOMB = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><r>&d;</r>')


def parse(data, **options):
    return parse_untrusted_xml(data, SampleError, REFUSED, MALFORMED, what="The sample", **options)


def refusal(data, **options):
    with pytest.raises(SampleError) as caught:
        parse(data, **options)
    return caught.value


def test_a_valid_document_parses_from_bytes_and_text():
    for data in (b'<?xml version="1.0" encoding="UTF-8"?><r a="1"><c>\xc3\xa9t\xc3\xa9</c></r>',
                 '<r a="1"><c>été</c></r>'):
        root = parse(data)
        assert root.tag == "r" and root.get("a") == "1" and root.find("c").text == "été"


def test_entity_expansion_is_refused_with_the_callers_message():
    for doctype in (False, True):  # entities are declared in an internal subset, refused as such
        error = refusal(BOMB, doctype=doctype)
        assert str(error) == "The sample refused (DTDForbidden)."
        assert error.template == REFUSED and error.values["what"] == "The sample"


def test_an_external_entity_is_refused_and_the_file_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    for data in (f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>',
                 f'<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{secret}"> %p;]><r/>'):
        for doctype in (False, True):
            error = refusal(data, doctype=doctype)
            assert "TOP-SECRET" not in str(error) and error.values["name"] in ("DTDForbidden", "EntitiesForbidden")


def test_a_doctype_is_refused_unless_allowed_and_an_internal_subset_always():
    external_only = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/r.dtd"><r/>'
    assert refusal(external_only).values["name"] == "DTDForbidden"
    assert parse(external_only, doctype=True).tag == "r"  # WMS 1.1.1 style: the DTD is named, never read
    # no entity, but a default attribute the internal subset would add to every element
    subset = b'<!DOCTYPE r [<!ATTLIST r injected CDATA "yes">]><r/>'
    for doctype in (False, True):
        assert refusal(subset, doctype=doctype).values["name"] == "DTDForbidden"


def test_an_oversized_document_is_refused_before_parsing():
    document = b"<r>" + b"x" * 93 + b"</r>"  # 100 bytes
    assert parse(document, max_bytes=100).text == "x" * 93
    error = refusal(document + b" ", max_bytes=100)
    assert error.values["size"] == 101 and error.values["limit"] == 100
    assert str(error) == "The XML document is 101 bytes, more than the 100 accepted: it is refused."
    custom = refusal(document + b" ", max_bytes=100, too_large="{what}: {size} > {limit}")
    assert str(custom) == "The sample: 101 > 100"


@pytest.mark.parametrize("data, reason", [
    (b"<r><c></r>", "mismatched tag"),
    (b"<r>", "no element found"),
    (b"", "no element found"),
    (b"<r>caf\xe9</r>", "not well-formed"),  # Latin-1 bytes in a document without encoding declaration
])
def test_malformed_input_is_the_callers_error_naming_the_start(data, reason):
    error = refusal(data)
    assert reason in str(error.values["exc"])
    assert error.values["start"] == data.decode("utf-8", "replace")[:200].strip()


def test_streamed_parsing_has_the_same_refusals_and_limits():
    def events(data, **options):
        return [(event, element.tag) for event, element in iter_untrusted_xml(
            data, SampleError, REFUSED, MALFORMED, ("start", "end"), what="The sample", **options)]

    assert events(b"<r><c/></r>") == [("start", "r"), ("start", "c"), ("end", "c"), ("end", "r")]
    with pytest.raises(SampleError, match=r"refused \(DTDForbidden\)"):
        events(BOMB)
    with pytest.raises(SampleError, match="more than the 10 accepted"):
        events(b"<r><c/></r>", max_bytes=10)
    with pytest.raises(SampleError, match="is not XML"):
        events(b"<r><c></r>")
