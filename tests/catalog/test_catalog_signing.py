"""THEIA / teledetection signed asset URLs on loopback: the download link is signed (keys
in access-key / secret-key headers, sent only to the signing service) before the file is
fetched; refused keys give a clear message and no file; keys never appear in logs."""
import hashlib
import hmac
import json
import time

import pytest

from dataterra.dataterra_plugin.catalog.core.download import download, part_path
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.signing import make_signer

ACCESS, SECRET = "tld-access-5c2e", "tld-secret-0b9f41"
PAYLOAD = bytes((i * 31 + 7) % 256 for i in range(300_000))


def signature(url):
    return hmac.new(SECRET.encode(), url.encode(), hashlib.sha256).hexdigest()


@pytest.fixture(scope="module")
def signing_server(replay_server):
    """/theia-sign/sign?url=... (checks the keys, signs with an HMAC) and /theia-assets/*
    (answers only correctly signed URLs), on the catalogue tests' loopback server."""
    server = replay_server

    def sign(request):
        headers = {k.lower(): v for k, v in request["headers"].items()}
        if (headers.get("access-key"), headers.get("secret-key")) != (ACCESS, SECRET):
            return 403, {"Content-Type": "application/json"}, b'{"detail": "invalid key"}'
        url = request["query"]["url"][0]
        body = {"href": f"{url}?X-Amz-Expires=3600&X-Amz-Signature={signature(url)}", "expiry": "2026-11-25T00:00Z"}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    def asset(request):
        url = server.url + request["path"]
        if request["query"].get("X-Amz-Signature", [""])[0] != signature(url):
            return 403, {"Content-Type": "application/xml"}, b"<Error><Code>AccessDenied</Code></Error>"
        return 200, {"Content-Type": "image/tiff"}, PAYLOAD

    server.routes["/theia-sign/sign"] = sign
    server.routes["/theia-assets/scene.tif"] = asset
    return server


def requests_to(server, prefix, since):
    return [r for r in server.requests[since:] if r["path"].startswith(prefix)]


def test_link_is_signed_before_download(signing_server, tmp_path, caplog):
    caplog.set_level("DEBUG")
    start = len(signing_server.requests)
    asset_url = signing_server.url + "/theia-assets/scene.tif"
    signer = make_signer(signing_server.url + "/theia-sign/sign?url=", ACCESS, SECRET)
    target = tmp_path / "scene.tif"
    download(asset_url, target, "sha256:" + hashlib.sha256(PAYLOAD).hexdigest(), sign=signer)
    assert target.read_bytes() == PAYLOAD
    paths = [r["path"] for r in signing_server.requests[start:]]
    assert paths == ["/theia-sign/sign", "/theia-assets/scene.tif"]  # signed first, then fetched
    (fetch,) = requests_to(signing_server, "/theia-assets", start)
    assert fetch["query"]["X-Amz-Signature"] == [signature(asset_url)]
    assert not {"access-key", "secret-key"} & {k.lower() for k in fetch["headers"]}  # keys only to the signer
    assert SECRET not in caplog.text and SECRET not in repr(signer)


def test_unsigned_link_is_refused_by_the_storage(signing_server, tmp_path):
    with pytest.raises(CatalogError, match="HTTP 403"):
        download(signing_server.url + "/theia-assets/scene.tif", tmp_path / "scene.tif")


def test_refused_keys_clear_message_no_file(signing_server, tmp_path, caplog):
    start = len(signing_server.requests)
    signer = make_signer(signing_server.url + "/theia-sign/sign?url=", ACCESS, "wrong-secret-123")
    target = tmp_path / "scene.tif"
    with pytest.raises(CatalogError, match="refused the API key .HTTP 403.: check the access key") as error:
        download(signing_server.url + "/theia-assets/scene.tif", target, sign=signer)
    assert "wrong-secret-123" not in str(error.value) and ACCESS not in str(error.value)
    assert not target.exists() and not (tmp_path / part_path("scene.tif")).exists()
    assert requests_to(signing_server, "/theia-assets", start) == []  # nothing fetched unsigned
    assert "wrong-secret-123" not in caplog.text


def test_missing_keys_say_what_to_do(signing_server, tmp_path):
    with pytest.raises(CatalogError, match="method Basic: user name = access key, password = secret key"):
        download(signing_server.url + "/theia-assets/scene.tif", tmp_path / "x.tif",
                 sign=make_signer(signing_server.url + "/theia-sign/sign?url=", "", ""))


def test_download_task_signs_with_the_hub_auth_config(qgis_app, qgis_auth_manager, signing_server, tmp_path):
    """The dock's path: keys from the hub's QGIS auth configuration (Basic), signer built on
    the main thread, signing and download in a QgsTask through QgsNetworkAccessManager."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from qgis.PyQt.QtCore import QCoreApplication

    from dataterra.dataterra_plugin.catalog.auth import request_auth_config
    from dataterra.dataterra_plugin.catalog.core.hubs import Hub
    from dataterra.dataterra_plugin.catalog.signing import hub_signer
    from dataterra.dataterra_plugin.catalog.tasks import DownloadTask

    config = QgsAuthMethodConfig("Basic")
    config.setName("teledetection test key")
    config.setConfig("username", ACCESS)
    config.setConfig("password", SECRET)
    stored = qgis_auth_manager.storeAuthenticationConfig(config)
    config_id = stored[1].id() if isinstance(stored, tuple) else config.id()
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: logged.append(message))
    try:
        hub = Hub(id="theia-test", title="THEIA test", protocol="STAC", endpoint=signing_server.url + "/stac",
                  options={"signing_url": signing_server.url + "/theia-sign/sign?url="}, auth_config=config_id)
        assert request_auth_config(hub) == ""  # the search itself never carries the signing keys
        target = tmp_path / "scene.tif"
        task = DownloadTask(signing_server.url + "/theia-assets/scene.tif", str(target),
                            "sha256:" + hashlib.sha256(PAYLOAD).hexdigest(), {}, hub_signer(hub))
        outcome = []
        task.taskCompleted.connect(lambda: outcome.append(True))
        task.taskTerminated.connect(lambda: outcome.append(False))
        QgsApplication.taskManager().addTask(task)
        deadline = time.time() + 20
        while not outcome and time.time() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        assert outcome == [True], task.error
        assert target.read_bytes() == PAYLOAD
        assert not any(SECRET in message or ACCESS in message for message in logged)
    finally:
        qgis_auth_manager.removeAuthenticationConfig(config_id)


def test_hub_without_signing_url_has_no_signer(qgis_app):
    from dataterra.dataterra_plugin.catalog.core.hubs import find_hub
    from dataterra.dataterra_plugin.catalog.signing import hub_signer

    assert hub_signer(find_hub("geodes")) is None
    with pytest.raises(CatalogError, match="Hub theia-stac signs its download links with an API key"):
        hub_signer(find_hub("theia-stac"))  # no auth configuration chosen yet
