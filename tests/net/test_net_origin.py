"""Credentials go only to their origin (issue 14, item 1).

Two loopback servers on two ports are two origins (scheme, host, port). The first holds
the credentials; it redirects (301, 302, 303, 307, 308) or links (STAC ``next``) to the
second, which records the headers it receives. Through both transports: the API-key
header, the QGIS auth configuration's ``Authorization: Basic``, a urllib ``authenticate``
hook and the signing keys reach the first server and never the second."""
import base64
import json

import pytest

from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.model import SearchQuery
from dataterra.dataterra_plugin.catalog.core.signing import sign_url
from dataterra.dataterra_plugin.catalog.core.stac import StacBackend
from dataterra.dataterra_plugin.net.core import Credentials, NetworkError, UrllibTransport

from replay_http import ReplayServer

SECRET = "k3y-0f-the-hub-5e1f"
REDIRECTS = (301, 302, 303, 307, 308)


@pytest.fixture
def two_origins():
    home, elsewhere = ReplayServer(), ReplayServer()
    yield home, elsewhere
    home.close()
    elsewhere.close()


def received(server):
    """The headers of each request the server got, names in lower case."""
    return [{k.lower(): v for k, v in request["headers"].items()} for request in server.requests]


def ok(request):
    return 200, {"Content-Type": "application/json"}, b'{"ok": true}'


def redirect_to(url, status=302):
    return lambda request: (status, {"Location": url, "Content-Length": "0"}, b"")


@pytest.mark.parametrize("status", REDIRECTS)
def test_redirect_to_another_origin_drops_the_api_key(two_origins, make_transport, status):
    home, elsewhere = two_origins
    home.routes["/start"] = redirect_to(elsewhere.url + "/landed?x=1", status)
    elsewhere.routes["/landed"] = ok
    transport = make_transport(credentials=Credentials(home.url, headers={"X-API-Key": SECRET}))
    response = transport.request("POST", home.url + "/start", body=b'{"q": 1}',
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer caller",
                                          "Accept": "application/json"})
    assert response.status == 200 and response.json() == {"ok": True}
    assert received(home)[0]["x-api-key"] == SECRET
    landed = received(elsewhere)[0]
    assert "x-api-key" not in landed and "authorization" not in landed  # neither bound nor caller's secrets
    assert landed["accept"] == "application/json"  # harmless headers follow
    # 303 (and 301/302 of a POST) become a GET without body; 307/308 repeat the POST
    expected = ("POST", b'{"q": 1}') if status in (307, 308) else ("GET", b"")
    assert (elsewhere.requests[0]["method"], elsewhere.requests[0]["body"]) == expected


def test_redirect_on_the_same_origin_keeps_the_api_key(two_origins, make_transport):
    home, _ = two_origins
    home.routes["/start"] = redirect_to(home.url + "/landed", 307)
    home.routes["/landed"] = ok
    transport = make_transport(credentials=Credentials(home.url, headers={"X-API-Key": SECRET}))
    assert transport.request("GET", home.url + "/start").status == 200
    assert [h.get("x-api-key") for h in received(home)] == [SECRET, SECRET]


def test_key_bound_to_another_origin_is_never_sent(two_origins, make_transport):
    """A backend that copied the key into its own headers still cannot send it elsewhere."""
    home, elsewhere = two_origins
    elsewhere.routes["/page"] = ok
    transport = make_transport(credentials=Credentials(home.url, headers={"X-API-Key": SECRET}))
    transport.request("GET", elsewhere.url + "/page", headers={"x-api-key": SECRET})
    assert "x-api-key" not in received(elsewhere)[0]


def stac_page(next_url):
    links = [{"rel": "next", "href": next_url, "method": "GET"}] if next_url else []
    feature = {"type": "Feature", "id": "scene", "geometry": None, "properties": {"datetime": "2024-01-01T00:00:00Z"},
               "links": [], "assets": {}}
    return lambda request: (200, {"Content-Type": "application/geo+json"},
                            json.dumps({"type": "FeatureCollection", "features": [feature], "links": links}).encode())


def test_stac_next_link_to_another_origin_gets_no_key(two_origins, make_transport):
    home, elsewhere = two_origins
    home.routes["/stac/search"] = stac_page(elsewhere.url + "/stac/search?page=2")
    elsewhere.routes["/stac/search"] = stac_page(None)
    transport = make_transport(credentials=Credentials(home.url, headers={"X-API-Key": SECRET}))
    records, _ = search_all(StacBackend(home.url + "/stac"), SearchQuery(max_records=10, page_size=1), transport)
    assert len(records) == 2
    assert received(home)[0]["x-api-key"] == SECRET and "x-api-key" not in received(elsewhere)[0]


def test_urllib_authenticate_hook_is_bound_to_the_first_origin(two_origins):
    home, elsewhere = two_origins
    home.routes["/start"] = redirect_to(elsewhere.url + "/landed", 302)
    elsewhere.routes["/landed"] = ok
    transport = UrllibTransport(authenticate=lambda headers: headers.update(Authorization="Basic " + SECRET))
    transport.request("GET", home.url + "/start")
    transport.request("GET", elsewhere.url + "/landed")  # not even when asked for directly
    assert received(home)[0]["authorization"] == "Basic " + SECRET
    assert all("authorization" not in headers for headers in received(elsewhere))


def test_signing_keys_do_not_follow_a_redirect(two_origins, make_transport):
    home, elsewhere = two_origins
    home.routes["/sign"] = redirect_to(elsewhere.url + "/sign", 307)
    elsewhere.routes["/sign"] = lambda request: (200, {"Content-Type": "application/json"},
                                                 b'{"href": "https://bucket.example/a.tif?sig=1"}')
    signed = sign_url(make_transport(), home.url + "/sign?url=", "https://bucket.example/a.tif", "ak-1", SECRET)
    assert signed == "https://bucket.example/a.tif?sig=1"
    assert received(home)[0]["secret-key"] == SECRET
    assert "secret-key" not in received(elsewhere)[0] and "access-key" not in received(elsewhere)[0]


def test_redirect_loops_and_downgrades_are_refused(two_origins, make_transport):
    home, _ = two_origins
    home.routes["/loop"] = redirect_to("/loop", 302)
    with pytest.raises(NetworkError, match="redirected the request more than 10 times") as error:
        make_transport().request("GET", home.url + "/loop")
    assert error.value.kind == "http" and len(home.requests) == 11
    with pytest.raises(NetworkError, match="redirected an encrypted .https. request to the unencrypted address"):
        make_transport()._redirect("GET", "https://hub.example/a", None, 302, "http://hub.example/b")
    with pytest.raises(NetworkError, match="to a non-http.s. address"):
        make_transport()._redirect("GET", "https://hub.example/a", None, 302, "file:///etc/passwd")


@pytest.fixture
def basic_auth_config(basic_auth_configs):
    return basic_auth_configs(SECRET)


@pytest.mark.parametrize("status", [302, 307])
def test_qgis_auth_config_stays_on_its_origin(qgis_app, two_origins, basic_auth_config, status):
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    home, elsewhere = two_origins
    home.routes["/start"] = redirect_to(elsewhere.url + "/landed", status)
    elsewhere.routes["/landed"] = ok
    transport = QgisTransport(auth_config=basic_auth_config)  # bound to the origin of its first request
    assert transport.request("GET", home.url + "/start").status == 200
    assert transport.request("GET", elsewhere.url + "/landed").status == 200
    expected = "Basic " + base64.b64encode(f"dt-user:{SECRET}".encode()).decode()
    assert received(home)[0]["authorization"] == expected
    assert [headers.get("authorization") for headers in received(elsewhere)] == [None, None]


def test_explicit_origins_for_the_auth_config(qgis_app, two_origins, basic_auth_config):
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    home, elsewhere = two_origins
    elsewhere.routes["/page"] = home.routes["/page"] = ok
    transport = QgisTransport(credentials=Credentials([elsewhere.url], auth_config=basic_auth_config))
    transport.request("GET", home.url + "/page")
    transport.request("GET", elsewhere.url + "/page")
    assert "authorization" not in received(home)[0] and received(elsewhere)[0]["authorization"].startswith("Basic ")


def test_a_refusal_after_a_cross_origin_redirect_says_why(two_origins, make_transport, tmp_path):
    """The other origin answers 401 to the request sent without the key: the message says
    the key was withheld on purpose, rather than "check your credentials"."""
    from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
    from dataterra.dataterra_plugin.catalog.core.transport import check_response
    from dataterra.dataterra_plugin.net.core.download import resumable_download

    home, elsewhere = two_origins
    home.routes["/start"] = redirect_to(elsewhere.url + "/landed", 302)
    elsewhere.routes["/landed"] = lambda request: (401, {"Content-Type": "application/json"}, b"{}")
    transport = make_transport(credentials=Credentials(home.url, headers={"X-API-Key": SECRET}))
    response = transport.request("GET", home.url + "/start")
    why = (f"the request was redirected from {home.url} to {elsewhere.url}, and the plugin never sends the "
           "credentials of one address to another")
    with pytest.raises(CatalogError, match=f"answered HTTP 401: {why}"):
        check_response(response, "json", "search")
    with pytest.raises(NetworkError, match=f"HTTP 401: {why}"):
        resumable_download(transport, home.url + "/start", tmp_path / "file.bin")
    assert not (tmp_path / "file.bin").exists()
    plain = make_transport().request("GET", elsewhere.url + "/landed")  # no redirect: the usual hint
    with pytest.raises(CatalogError, match="check your credentials"):
        check_response(plain, "json", "search")


def test_hub_credentials_are_bound_to_the_endpoint_and_listed_origins(qgis_app, basic_auth_configs):
    from dataterra.dataterra_plugin.catalog.auth import hub_credentials
    from dataterra.dataterra_plugin.catalog.core.hubs import Hub

    hub = Hub("keyed", "Keyed", "STAC", "https://hub.example/api/stac/search", auth_header="X-API-Key",
              auth_config=basic_auth_configs(SECRET), options={"credential_origins": ["https://files.example:8443/"]})
    credentials = hub_credentials(hub)
    assert credentials.headers == {"X-API-Key": SECRET} and credentials.auth_config == ""
    assert credentials.applies_to("https://hub.example:443/api/download/x.zip")  # the default port made explicit
    assert credentials.applies_to("https://files.example:8443/x.zip")
    assert not credentials.applies_to("http://hub.example/api")  # another scheme
    assert not credentials.applies_to("https://hub.example:8443/api")  # another port
    assert not credentials.applies_to("https://hub.example.evil.test/api")
    assert SECRET not in repr(credentials)
