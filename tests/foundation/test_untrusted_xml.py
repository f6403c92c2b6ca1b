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


# --- user files read with a size cap --------------------------------------------------------

def _oversized_readers():
    from dataterra.biodispersal.core.friction import read_friction_table
    from dataterra.biodispersal.projects.biodispersal_xml import ProjectError as BioDispersalError
    from dataterra.biodispersal.projects.biodispersal_xml import read_project as read_biodispersal
    from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
    from dataterra.dataterra_plugin.catalog.core.hubs import read_hub_file
    from dataterra.fragscape.project import ProjectError as FragScapeError
    from dataterra.fragscape.project import read_project as read_fragscape
    return [(read_fragscape, FragScapeError, "project.xml", "The project file"),
            (read_biodispersal, BioDispersalError, "project.xml", "The project file"),
            (read_hub_file, CatalogError, "hubs.json", "The hub list"),
            (read_friction_table, DataTerraError, "friction.csv", "The friction table")]


@pytest.mark.parametrize("reader, error_class, name, what", _oversized_readers())
def test_an_oversized_user_file_is_refused_without_being_read(tmp_path, reader, error_class, name, what):
    import tracemalloc

    from dataterra.rasterblocks.untrusted import MAX_XML_BYTES
    path = tmp_path / name
    size = 2 * MAX_XML_BYTES  # sparse: no disk used, and it would cost 128 MiB to read it whole
    with open(path, "wb") as handle:
        handle.truncate(size)
    tracemalloc.start()
    try:
        with pytest.raises(error_class) as caught:
            reader(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20, f"{peak} bytes were allocated to refuse the file"
    assert str(caught.value) == (f"{what} {path} is {size} bytes, more than the {MAX_XML_BYTES} bytes accepted: it "
                                 "is refused.")


def test_a_special_file_without_size_is_read_only_up_to_the_limit():
    from dataterra.rasterblocks.untrusted import read_local_file
    with pytest.raises(SampleError) as caught:
        read_local_file("/dev/zero", SampleError, "The sample", limit=1000)  # st_size 0, endless content
    assert str(caught.value) == ("The sample /dev/zero holds more than the 1000 bytes accepted (it is not a regular "
                                 "file, or it grew while being read): it is refused.")


def test_a_file_within_the_limit_is_read_whole(tmp_path):
    from dataterra.rasterblocks.untrusted import read_local_file
    path = tmp_path / "small.xml"
    path.write_bytes(b"<r>" + b"x" * 993 + b"</r>")  # exactly 1000 bytes
    assert read_local_file(path, SampleError, "The sample", limit=1000) == path.read_bytes()
    path.write_bytes(path.read_bytes() + b" ")
    with pytest.raises(SampleError, match="is 1001 bytes, more than the 1000 bytes accepted"):
        read_local_file(path, SampleError, "The sample", limit=1000)
