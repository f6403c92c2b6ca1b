"""URLs as the plugin logs and shows them: no user:password@, no query or fragment values."""
import pytest

from dataterra.dataterra_plugin.net.core.transport import address_of, host_of, redacted_url


@pytest.mark.parametrize("url, shown", [
    ("https://user:pw@cat.example.org:8443/stac/search?token=SECRET&limit=10",
     "https://***@cat.example.org:8443/stac/search?token=***&limit=***"),
    ("https://cat.example.org/csw?SECRET", "https://cat.example.org/csw?***"),
    ("https://cat.example.org/a?x=1&&y=#access_token=SECRET&state=2",
     "https://cat.example.org/a?x=***&***&y=***#access_token=***&state=***"),
    ("https://token@cat.example.org/search", "https://***@cat.example.org/search"),
    ("https://a:b@c@cat.example.org/", "https://***@cat.example.org/"),  # an unescaped @ in the password
    ("http://[::1]:8080/stac", "http://[::1]:8080/stac"),
    ("https://cat.example.org/stac", "https://cat.example.org/stac"),  # nothing to hide: unchanged
    ("http://[::1/stac?token=SECRET", "***"),  # unreadable by urlsplit: nothing shown
])
def test_redacted_url_hides_userinfo_query_and_fragment_values(url, shown):
    assert redacted_url(url) == shown


def test_hosts_and_addresses_in_messages_never_carry_userinfo():
    url = "https://user:pw@cat.example.org:8443/stac?token=SECRET"
    assert host_of(url) == "cat.example.org:8443"
    assert address_of(url) == "https://cat.example.org:8443"
