"""The curated hub service list loads and every entry names its source."""
import json

import pytest

from dataterra.dataterra_plugin.ogc.core.safexml import OgcError
from dataterra.dataterra_plugin.ogc.services import load_services


def test_curated_services_are_well_formed():
    services = load_services()
    assert len(services) >= 5
    assert all(s.source and s.url.startswith("https://") for s in services)
    assert {s.hub for s in services} <= {"THEIA", "ODATIS", "AERIS", "FORM@TER", "PNDB", "DINAMIS"}


def test_bad_entry_is_named(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"services": [{"hub": "X", "title": "t", "type": "SOS", "url": "ftp://a",
                                              "source": "s"}]}))
    with pytest.raises(OgcError, match="Entry 1"):
        load_services(path)


def test_unchecked_entries_say_so():
    # no entry could be checked from the machines the list was written on (no internet)
    for service in load_services():
        assert service.verified is None or len(service.verified) == 10
        if service.verified is None:
            assert service.source.endswith("not checked (no internet access when written)")
