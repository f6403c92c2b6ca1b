"""No credential nor signed URL on disk (issue 14, item 7).

QGIS keeps an HTTP disk cache in the profile folder. Requests that carry credentials (a
bound API key, a QGIS auth configuration, signing keys) and downloads (signed URLs)
bypass it: after running them through the QGIS transport, neither the cache folder nor
the profile folder holds the secrets, the signed URL or the private answers, while a
public answer of the same server is in the cache (the proof the cache was on). QGIS's
message log receives none of them either."""
import json
import os

import pytest

from dataterra.dataterra_plugin.catalog.core.signing import sign_url
from dataterra.dataterra_plugin.net.core import Credentials
from dataterra.dataterra_plugin.net.core.download import resumable_download

from replay_http import ReplayServer

API_KEY = "ApiKey-9c1e-on-no-disk"
SIGNATURE = "Sig-77aa-on-no-disk"
SECRET_KEY = "SecretKey-31f0-on-no-disk"
PASSWORD = "Passw0rd-5d2b-on-no-disk"
PRIVATE = ("PrivateAnswer-key", "PrivateAnswer-basic", "PrivateFile-signed")
CACHEABLE = {"Cache-Control": "max-age=3600", "Last-Modified": "Mon, 01 Jun 2026 10:00:00 GMT"}


@pytest.fixture
def disk_cache(qgis_app, tmp_path):
    """QGIS's disk cache pointed to an empty folder (restored afterwards)."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    settings = QgsSettings()
    saved = settings.value("cache/directory")
    folder = tmp_path / "qgis-http-cache"
    folder.mkdir()
    settings.setValue("cache/directory", str(folder))
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    yield folder
    if saved is None:
        settings.remove("cache/directory")
    else:
        settings.setValue("cache/directory", saved)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


@pytest.fixture
def basic_auth_config(basic_auth_configs):
    return basic_auth_configs(PASSWORD)


def files_holding(folder, needles):
    """{needle: [files]} of the needles found in any file under ``folder``."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                with open(os.path.join(root, name), "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            for needle in needles:
                if needle.encode() in data:
                    found.setdefault(needle, []).append(os.path.join(root, name))
    return found


def test_credentialed_requests_and_downloads_leave_nothing_on_disk(qgis_app, disk_cache, basic_auth_config,
                                                                   tmp_path):
    from qgis.core import QgsApplication

    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    server = ReplayServer()
    signed = f"{server.url}/bucket/scene.tif?X-Signature={SIGNATURE}"

    def answer(text):
        return lambda request: (200, {"Content-Type": "application/json", **CACHEABLE}, f'"{text}"'.encode())

    server.routes.update({
        "/public": answer("PublicAnswer"),
        "/keyed": answer(PRIVATE[0]),
        "/basic": answer(PRIVATE[1]),
        "/sign": lambda request: (200, {"Content-Type": "application/json", **CACHEABLE},
                                  json.dumps({"href": signed}).encode()),
        "/bucket/scene.tif": lambda request: (200, {"Content-Type": "image/tiff", **CACHEABLE}, PRIVATE[2].encode()),
    })
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: logged.append(message))
    try:
        keyed = QgisTransport(credentials=Credentials(server.url, headers={"X-API-Key": API_KEY}))
        assert keyed.request("GET", server.url + "/keyed").json() == PRIVATE[0]
        basic = QgisTransport(credentials=Credentials(server.url, auth_config=basic_auth_config))
        assert basic.request("GET", server.url + "/basic").json() == PRIVATE[1]
        public = QgisTransport()
        assert public.request("GET", server.url + "/public").json() == "PublicAnswer"
        assert sign_url(public, server.url + "/sign?url=", server.url + "/bucket/scene.tif", "ak", SECRET_KEY) == signed
        resumable_download(public, signed, tmp_path / "scene.tif")
        assert (tmp_path / "scene.tif").read_bytes() == PRIVATE[2].encode()
        assert server.requests[1]["headers"]["Authorization"].startswith("Basic ")  # the credentials were sent
    finally:
        server.close()
    assert files_holding(disk_cache, ["PublicAnswer"]), "the disk cache was not used at all"
    secrets = [API_KEY, SIGNATURE, SECRET_KEY, PASSWORD, *PRIVATE]
    for folder in (disk_cache, QgsApplication.qgisSettingsDirPath()):
        assert files_holding(folder, secrets) == {}, folder
    assert not [message for message in logged if any(secret in message for secret in secrets)]
