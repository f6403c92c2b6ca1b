"""Property: whatever the URLs, header names and their case, a credential bound to one
origin reaches a request only when that request's origin (scheme, host, port; host case
and a trailing dot ignored, default ports made explicit) is the bound one."""
from hypothesis import given, settings
from hypothesis import strategies as st

from dataterra.dataterra_plugin.net.core.credentials import Credentials, hop_headers, origin_of

SECRET = "s3cr3t-value"
hosts = st.sampled_from(["hub.example", "HUB.example", "hub.example.", "files.example", "hub.example.evil.test",
                         "127.0.0.1", "[::1]"])
ports = st.sampled_from(["", ":80", ":443", ":8443"])
urls = st.builds(lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
                 st.sampled_from(["http", "https", "HTTPS"]), hosts, ports, st.sampled_from(["", "a", "a/b?x=1"]))
names = st.sampled_from(["X-API-Key", "x-api-key", "X-API-KEY", "Authorization", "secret-key"])


def swapped_case(name, flips):
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(name, flips))


@settings(max_examples=400, deadline=None)
@given(home=urls, url=urls, first=urls, name=names, flips=st.lists(st.booleans(), min_size=20, max_size=20),
       copied=st.booleans())
def test_a_bound_secret_reaches_only_its_origin(home, url, first, name, flips, copied):
    """``copied``: a backend also put the secret in its own per-request headers, under the
    same header name in another case."""
    credentials = [Credentials(home, headers={name: SECRET})]
    asked = {"Accept": "application/json", **({swapped_case(name, flips): SECRET} if copied else {})}
    sent, credentialed = hop_headers(url, first, asked, credentials)
    reaches = SECRET in sent.values()
    assert reaches == (origin_of(url) == origin_of(home)), (home, url, sent)
    assert sent["Accept"] == "application/json"  # harmless headers always go
    if reaches:
        assert credentialed  # such an answer must not be cached


def test_origin_normalisation():
    expected = ("https", "hub.example", 443)
    assert origin_of("https://HUB.example.:443/x") == origin_of("https://hub.example/y") == expected
    assert origin_of("http://hub.example/") != origin_of("https://hub.example/")
    assert origin_of("file:///etc/passwd") is None and origin_of("https://host:notaport/") is None
