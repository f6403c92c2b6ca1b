"""The QGIS transport (QgsNetworkAccessManager) from worker threads, as QgsTask and
Processing run it: a cancel aborts a stalled request (the server sees the connection
closed), the QGIS proxy setting is used, the auth configuration's credentials are sent
and never logged."""
import base64
import threading
import time

import pytest

from dataterra.dataterra_plugin.net.core import NetworkError
from dataterra.rasterblocks.errors import Cancelled

SECRET = "n3t-Secret-7f1c"
_EXECUTORS = []  # a QThread must outlive its run: the executors are kept until the session ends


def run_in_worker(function):
    """Run ``function`` in a QThread (like a QgsTask) while the main thread keeps processing
    events (QGIS asks it about SSL errors and credentials); returns the future."""
    from dataterra.dataterra_plugin.net.qgis_transport import QThreadExecutor

    executor = QThreadExecutor(1)
    future = executor.submit(function)
    executor.shutdown(wait=False)  # the worker ends after this job
    _EXECUTORS.append(executor)
    return future


def wait_until(condition, seconds):
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return condition()


class Sink:
    def __init__(self):
        self.size = 0

    def start(self, status, headers):
        self.status = status

    def write(self, chunk):
        self.size += len(chunk)


@pytest.mark.parametrize("path, how", [("/stall", "flag"), ("/stall-body", "feedback")])
def test_cancel_aborts_a_stalled_request_within_a_second(qgis_app, loopback, path, how):
    """The server never finishes its answer (no byte at all, or 100 kB of a 10 MB body);
    the time-out is 60 s, so only the abort can end the request."""
    from qgis.core import QgsFeedback

    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    flag = threading.Event()
    feedback = QgsFeedback()
    transport = QgisTransport(feedback=feedback if how == "feedback" else None,
                              is_cancelled=flag.is_set if how == "flag" else None)
    sink = Sink()
    future = run_in_worker(lambda: transport.stream(loopback.url + path, sink, timeout=60)
                           if path == "/stall-body" else transport.request("GET", loopback.url + path, timeout=60))
    assert loopback.stalled.wait(10), "the request never reached the server"
    assert wait_until(lambda: sink.size > 0 if path == "/stall-body" else False, 0.3) == (path == "/stall-body")
    assert not future.done()  # really stalled
    cancelled_at = time.monotonic()
    flag.set() if how == "flag" else feedback.cancel()
    assert wait_until(future.done, 5), "the cancelled request did not return"
    returned_after = time.monotonic() - cancelled_at
    with pytest.raises(Cancelled):
        future.result()
    assert wait_until(lambda: 0 in loopback.closed, 5), "the server never saw the connection closed"
    closed_after = loopback.closed[0] - cancelled_at
    assert returned_after < 1.0 and closed_after < 1.0, (returned_after, closed_after)


def test_idle_timeout_aborts(qgis_app, loopback):
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    future = run_in_worker(lambda: QgisTransport().request("GET", loopback.url + "/stall", timeout=0.5))
    assert wait_until(future.done, 10)
    with pytest.raises(NetworkError, match="did not answer within 0.5 s") as error:
        future.result()
    assert error.value.kind == "timeout" and wait_until(lambda: 0 in loopback.closed, 5)


@pytest.fixture
def qgis_proxy(qgis_app):
    """Set QGIS's proxy (Settings > Options > Network) to a loopback proxy; restore after."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    keys = ("proxy/proxyEnabled", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyType")
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in keys}

    def enable(server):
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", server.url.rsplit(":", 1)[1])
        settings.setValue("proxy/proxyType", "HttpProxy")
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()

    yield enable
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_proxy_setting_is_honoured(qgis_app, loopback, qgis_proxy):
    """With QGIS's proxy set, a request to a host that does not exist (.invalid) goes to the
    proxy, which answers it: from the main thread and from a fresh worker thread."""
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    qgis_proxy(loopback)
    url = "http://catalogue.example.invalid/search?q=forest"
    response = QgisTransport().request("GET", url, timeout=10)
    future = run_in_worker(lambda: QgisTransport().request("GET", url + "&thread=1", timeout=10))
    assert wait_until(future.done, 15)
    assert response.status == 200 and response.body == b"answered by the proxy for " + url.encode()
    assert future.result().body.endswith(b"&thread=1")
    assert [r["target"] for r in loopback.requests] == [url, url + "&thread=1"]


@pytest.fixture
def basic_auth_config(basic_auth_configs):
    return basic_auth_configs(SECRET)


def test_auth_config_is_sent_and_never_logged(qgis_app, loopback, basic_auth_config, caplog):
    from qgis.core import QgsApplication

    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    caplog.set_level("DEBUG")
    logged = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: logged.append(message))
    transport = QgisTransport(auth_config=basic_auth_config)
    future = run_in_worker(lambda: transport.request("GET", loopback.url + "/private", timeout=10))
    assert wait_until(future.done, 15)
    assert future.result().status == 200
    expected = "Basic " + base64.b64encode(f"dt-user:{SECRET}".encode()).decode()
    assert loopback.requests[0]["headers"]["authorization"] == expected
    with pytest.raises(NetworkError) as error:  # a failure: its message holds no credential
        QgisTransport(auth_config=basic_auth_config).request("GET", "http://127.0.0.1:9/private", timeout=5)
    assert wait_until(lambda: False, 0.2) is False  # let queued log messages arrive
    assert SECRET not in str(error.value) and base64.b64encode(SECRET.encode()).decode() not in str(error.value)
    assert not any(SECRET in message or expected in message for message in logged)
    assert SECRET not in caplog.text and expected not in caplog.text


def test_without_auth_config_no_credentials(qgis_app, loopback):
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    response = QgisTransport().request("GET", loopback.url + "/private", timeout=10)
    assert response.status == 403 and "authorization" not in loopback.requests[0]["headers"]


def test_unknown_auth_config_is_reported(qgis_app, qgis_auth_manager, loopback):
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    with pytest.raises(NetworkError, match="authentication configuration 'nosuch1' could not be applied"):
        QgisTransport(auth_config="nosuch1").request("GET", loopback.url + "/private", timeout=10)
    assert loopback.requests == []  # nothing was sent without the credentials
