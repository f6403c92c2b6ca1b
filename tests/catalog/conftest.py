# ruff: noqa: E501  (XML test documents are kept on one line each)
"""Loopback servers for the catalogue tests: a replay HTTP server and a real pycsw."""
import copy
import json
import threading
from pathlib import Path

import pytest
from catalog_docks import close_docks
from replay_http import ReplayServer

DATA = Path(__file__).resolve().parent.parent / "data" / "catalog"


@pytest.fixture(autouse=True)
def close_catalog_docks():
    """Every dock a test opened is shut down after it, whatever it asserted; the next dock
    does not start from the hub and area this test left (the dock remembers them)."""
    yield
    close_docks()
    from qgis.core import QgsSettings

    from dataterra.dataterra_plugin.catalog.dock import LAST_CHOICES

    QgsSettings().remove(LAST_CHOICES.rstrip("/"))


def json_reply(data, status=200, content_type="application/geo+json"):
    return status, {"Content-Type": content_type}, json.dumps(data).encode()


def stac_items(template, count, prefix):
    """``count`` copies of a recorded STAC feature with ids prefix-0000..., dates one day apart."""
    items = []
    for i in range(count):
        item = copy.deepcopy(template)
        item["id"] = f"{prefix}-{i:04d}"
        item["properties"]["datetime"] = f"2024-01-{1 + i % 28:02d}T10:00:00Z"
        item["properties"]["eo:cloud_cover"] = float(i % 101)
        items.append(item)
    return items


def install_stac_routes(server, total=230):
    """/stac/search (next links, recorded Earth Search item) and /geodes/search (page bodies)."""
    earth = json.loads((DATA / "earth_search_search.json").read_text())
    geodes = json.loads((DATA / "geodes_search.json").read_text())
    earth_items = stac_items(earth["features"][0], total, "S2")
    geodes_items = stac_items(geodes["features"][0], total, "GEODES")

    def stac_search(request):
        if request["method"] == "POST":
            body = json.loads(request["body"] or b"{}")
            limit, token = int(body.get("limit", 10)), int(body.get("token", 0))
        else:
            limit = int(request["query"].get("limit", ["10"])[0])
            token = int(request["query"].get("token", ["0"])[0])
        chunk = earth_items[token: token + limit]
        page = {k: v for k, v in earth.items() if k != "features"}
        page.update(features=chunk, numberMatched=total, numberReturned=len(chunk))
        page["links"] = []
        if token + limit < total:
            if request["method"] == "POST":
                page["links"].append({"rel": "next", "method": "POST", "href": server.url + "/stac/search",
                                      "body": {"token": token + limit}, "merge": True})
            else:
                page["links"].append({"rel": "next", "href": f"{server.url}/stac/search?limit={limit}&token={token + limit}"})
        return json_reply(page)

    def geodes_search(request):
        body = json.loads(request["body"])
        page_number, limit = int(body["page"]), int(body["limit"])
        if limit > 80:
            return json_reply({"error": "limit must be <= 80"}, 400, "application/json")
        chunk = geodes_items[(page_number - 1) * limit: page_number * limit]
        reply = {k: v for k, v in geodes.items() if k != "features"}
        reply["features"] = chunk
        reply["context"] = {"returned": len(chunk), "limit": limit, "matched": total}
        return json_reply(reply)

    server.routes["/stac/search"] = stac_search
    server.routes["/geodes/search"] = geodes_search
    server.routes["/mundi/opensearch"] = lambda request: (
        200, {"Content-Type": "application/atom+xml"}, (DATA / "mundi_search.xml").read_bytes())


@pytest.fixture(scope="session")
def replay_server():
    server = ReplayServer()
    install_stac_routes(server)
    yield server
    server.close()


# --- a real pycsw 2.6.2 on loopback ------------------------------------------------------

THEMES = ("forest", "ocean", "atmosphere", "wetland", "glacier")
N_ISO, N_DC = 240, 120


def record_facts(i):
    """Deterministic facts of generated record i: footprint over France, dates, theme."""
    west = -4.5 + (i * 0.37) % 11.0
    south = 42.5 + (i * 0.23) % 8.0
    return {
        "id": f"dt-{i:04d}",
        "theme": THEMES[i % len(THEMES)],
        "bbox": (round(west, 4), round(south, 4), round(west + 0.5, 4), round(south + 0.4, 4)),
        "start": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-01",
        "end": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-28",
    }


def iso_xml(facts):
    w, s, e, n = facts["bbox"]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"
 xmlns:gml="http://www.opengis.net/gml">
 <gmd:fileIdentifier><gco:CharacterString>{facts['id']}</gco:CharacterString></gmd:fileIdentifier>
 <gmd:language><gco:CharacterString>eng</gco:CharacterString></gmd:language>
 <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#MD_ScopeCode" codeListValue="dataset">dataset</gmd:MD_ScopeCode></gmd:hierarchyLevel>
 <gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName><gco:CharacterString>Data Terra test pole</gco:CharacterString></gmd:organisationName>
  <gmd:role><gmd:CI_RoleCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#CI_RoleCode" codeListValue="pointOfContact">pointOfContact</gmd:CI_RoleCode></gmd:role></gmd:CI_ResponsibleParty></gmd:contact>
 <gmd:dateStamp><gco:Date>2024-01-01</gco:Date></gmd:dateStamp>
 <gmd:identificationInfo><gmd:MD_DataIdentification>
  <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Test {facts['theme']} dataset {facts['id']}</gco:CharacterString></gmd:title>
   <gmd:date><gmd:CI_Date><gmd:date><gco:Date>{facts['start']}</gco:Date></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#CI_DateTypeCode" codeListValue="creation">creation</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></gmd:date>
  </gmd:CI_Citation></gmd:citation>
  <gmd:abstract><gco:CharacterString>Generated {facts['theme']} record for the catalogue tests.</gco:CharacterString></gmd:abstract>
  <gmd:graphicOverview><gmd:MD_BrowseGraphic><gmd:fileName><gco:CharacterString>http://127.0.0.1/ql/{facts['id']}.png</gco:CharacterString></gmd:fileName></gmd:MD_BrowseGraphic></gmd:graphicOverview>
  <gmd:language><gco:CharacterString>eng</gco:CharacterString></gmd:language>
  <gmd:extent><gmd:EX_Extent>
   <gmd:geographicElement><gmd:EX_GeographicBoundingBox>
    <gmd:westBoundLongitude><gco:Decimal>{w}</gco:Decimal></gmd:westBoundLongitude>
    <gmd:eastBoundLongitude><gco:Decimal>{e}</gco:Decimal></gmd:eastBoundLongitude>
    <gmd:southBoundLatitude><gco:Decimal>{s}</gco:Decimal></gmd:southBoundLatitude>
    <gmd:northBoundLatitude><gco:Decimal>{n}</gco:Decimal></gmd:northBoundLatitude>
   </gmd:EX_GeographicBoundingBox></gmd:geographicElement>
   <gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimePeriod gml:id="t{facts['id']}">
    <gml:beginPosition>{facts['start']}</gml:beginPosition><gml:endPosition>{facts['end']}</gml:endPosition>
   </gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>
  </gmd:EX_Extent></gmd:extent>
 </gmd:MD_DataIdentification></gmd:identificationInfo>
 <gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>
  <gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>http://127.0.0.1/wms?SERVICE=WMS</gmd:URL></gmd:linkage>
   <gmd:protocol><gco:CharacterString>OGC:WMS</gco:CharacterString></gmd:protocol><gmd:name><gco:CharacterString>layer_{facts['id']}</gco:CharacterString></gmd:name></gmd:CI_OnlineResource></gmd:onLine>
  <gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>http://127.0.0.1/data/{facts['id']}.zip</gmd:URL></gmd:linkage>
   <gmd:protocol><gco:CharacterString>WWW:DOWNLOAD-1.0-http--download</gco:CharacterString></gmd:protocol></gmd:CI_OnlineResource></gmd:onLine>
 </gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>
</gmd:MD_Metadata>
"""


def dc_xml(facts):
    w, s, e, n = facts["bbox"]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:dct="http://purl.org/dc/terms/" xmlns:ows="http://www.opengis.net/ows">
 <dc:identifier>{facts['id']}</dc:identifier>
 <dc:title>Test {facts['theme']} dataset {facts['id']}</dc:title>
 <dc:type>dataset</dc:type>
 <dc:subject>{facts['theme']}</dc:subject>
 <dc:date>{facts['start']}</dc:date>
 <dct:abstract>Generated {facts['theme']} record for the catalogue tests.</dct:abstract>
 <dc:creator>Data Terra test pole</dc:creator>
 <dct:references scheme="OGC:WMS">http://127.0.0.1/wms?SERVICE=WMS</dct:references>
 <dct:references scheme="WWW:DOWNLOAD-1.0-http--download">http://127.0.0.1/data/{facts['id']}.zip</dct:references>
 <ows:BoundingBox crs="urn:x-ogc:def:crs:EPSG:6.11:4326">
  <ows:LowerCorner>{s} {w}</ows:LowerCorner><ows:UpperCorner>{n} {e}</ows:UpperCorner>
 </ows:BoundingBox>
</csw:Record>
"""


PYCSW_CFG = """[server]
home={home}
url={url}
mimetype=application/xml; charset=UTF-8
encoding=UTF-8
language=en-US
maxrecords=100
loglevel=ERROR
logfile=
pretty_print=false
domainquerytype=list
domaincounts=false
profiles=apiso

[manager]
transactions=false
allowed_ips=127.0.0.1

[metadata:main]
identification_title=Data Terra test catalogue
identification_abstract=pycsw on loopback for the plugin tests
identification_keywords=test
identification_keywords_type=theme
identification_fees=None
identification_accessconstraints=None
provider_name=Data Terra
provider_url=http://127.0.0.1
contact_name=Tests
contact_position=Tests
contact_address=Nowhere
contact_city=Nowhere
contact_stateorprovince=Nowhere
contact_postalcode=0
contact_country=France
contact_phone=+33
contact_fax=+33
contact_email=tests@example.org
contact_url=http://127.0.0.1
contact_hours=0
contact_instructions=None
contact_role=pointOfContact

[repository]
database=sqlite:///{db}
table=records

[metadata:inspire]
enabled=false
languages_supported=eng
default_language=eng
date=2024-01-01
gemet_keywords=Utility and governmental services
conformity_service=notEvaluated
contact_name=Tests
contact_email=tests@example.org
temp_extent=2024-01-01/2024-12-31
"""


class PycswServer:
    """pycsw 2.6.2 (WSGI) served by wsgiref on 127.0.0.1, with generated records loaded."""

    def __init__(self, folder):
        import os
        from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

        import pycsw
        from pycsw.core import admin
        from pycsw.core.config import StaticContext

        records = folder / "records"
        records.mkdir()
        self.facts = [record_facts(i) for i in range(N_ISO + N_DC)]
        for i, facts in enumerate(self.facts):
            text = iso_xml(facts) if i < N_ISO else dc_xml(facts)
            (records / f"{facts['id']}.xml").write_text(text, encoding="utf-8")
        db = folder / "records.db"
        database = f"sqlite:///{db}"
        home = os.path.dirname(pycsw.__file__)
        admin.setup_db(database, "records", home)
        context = StaticContext()
        loaded = admin.load_records(context, database, "records", str(records))
        assert len(loaded) == N_ISO + N_DC, f"pycsw loaded {len(loaded)} records"

        class QuietHandler(WSGIRequestHandler):
            def log_message(self, *args):
                pass

        class ThreadingWSGIServer(__import__("socketserver").ThreadingMixIn, WSGIServer):
            daemon_threads = True

        self.httpd = make_server("127.0.0.1", 0, self.app, server_class=ThreadingWSGIServer, handler_class=QuietHandler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/csw"
        self.config = folder / "pycsw.cfg"
        self.config.write_text(PYCSW_CFG.format(home=home, url=self.url, db=db))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def app(self, env, start_response):
        from pycsw import server

        env["local.app_root"] = str(self.config.parent)
        csw = server.Csw(str(self.config), env)
        status, contents = csw.dispatch_wsgi()
        headers = [("Content-Type", csw.contenttype), ("Content-Length", str(len(contents)))]
        start_response(f"{status} " if isinstance(status, int) else status, headers)
        return [contents]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def pycsw_server(tmp_path_factory):
    server = PycswServer(tmp_path_factory.mktemp("pycsw"))
    yield server
    server.close()


def install_fault_routes(server):
    """Faulty answers: HTML page, wrong type, truncated body, 500, hostile XML, slow reply."""
    import time

    html = b"<!DOCTYPE html><html><body><h1>Maintenance</h1>Back soon</body></html>"
    xxe = (b'<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>')
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol3;</title></feed>')

    def slow(request):
        time.sleep(3)
        return 200, {"Content-Type": "application/json"}, b'{"features": []}'

    server.routes.update({
        "/fault/html": lambda r: (200, {"Content-Type": "text/html"}, html),
        "/fault/html-as-json": lambda r: (200, {"Content-Type": "application/json"}, html),
        "/fault/wrong-type": lambda r: (200, {"Content-Type": "image/png"}, b"\x89PNG...."),
        "/fault/truncated": lambda r: (200, {"Content-Type": "application/json", "Content-Length": "5000",
                                              "Connection": "close"},  # the server drops the connection
                                       b'{"type": "FeatureCollection", "features": [{"id": "a"'),
        "/fault/cut-json": lambda r: (200, {"Content-Type": "application/json"}, b'{"type": "FeatureCollection", "feat'),
        "/fault/500": lambda r: (500, {"Content-Type": "text/plain"}, b"Internal error: database down"),
        "/fault/401": lambda r: (401, {"Content-Type": "application/json"}, b'{"detail": "missing API key"}'),
        "/fault/xxe": lambda r: (200, {"Content-Type": "application/atom+xml"}, xxe),
        "/fault/bomb": lambda r: (200, {"Content-Type": "application/xml"}, bomb),
        "/fault/slow": slow,
        "/fault/not-features": lambda r: (200, {"Content-Type": "application/json"}, b'[1, 2, 3]'),
    })


@pytest.fixture(scope="session")
def fault_server(replay_server):
    install_fault_routes(replay_server)
    return replay_server


def install_download_routes(server, payload):
    """/files/data.bin with Range support; /files/flaky.bin cuts the first full transfer halfway."""
    state = {"flaky_calls": 0}

    def serve(request, flaky=False):
        ranged = request["headers"].get("Range", "")
        start = int(ranged[len("bytes="):].rstrip("-")) if ranged.startswith("bytes=") else 0
        body = payload[start:]
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(len(body)),
                   "Accept-Ranges": "bytes"}
        status = 200
        if start:
            status = 206
            headers["Content-Range"] = f"bytes {start}-{len(payload) - 1}/{len(payload)}"
        if flaky:
            state["flaky_calls"] += 1
            if state["flaky_calls"] == 1:  # announce everything, send half, then the connection drops
                return status, {**headers, "Connection": "close"}, body[: len(body) // 2]
        return status, headers, body

    server.routes["/files/data.bin"] = serve
    server.routes["/files/flaky.bin"] = lambda request: serve(request, flaky=True)
    return state


@pytest.fixture(scope="session")
def download_server(replay_server):
    """(server, state, payload): 3 MB served with Range support, and a flaky copy."""
    payload = bytes((i * 7919) % 251 for i in range(3_000_000))
    state = install_download_routes(replay_server, payload)
    return replay_server, state, payload


def tiny_png(seed):
    """A 32x24 PNG (solid colour from seed), made with GDAL's PNG driver."""
    import numpy as np
    from osgeo import gdal

    name = f"/vsimem/ql_{seed}.png"
    mem = gdal.GetDriverByName("MEM").Create("", 32, 24, 3, gdal.GDT_Byte)
    for band in range(3):
        mem.GetRasterBand(band + 1).WriteArray(np.full((24, 32), (seed * (band + 3) * 37) % 256, dtype=np.uint8))
    gdal.GetDriverByName("PNG").CreateCopy(name, mem)
    handle = gdal.VSIFOpenL(name, "rb")
    size = gdal.VSIStatL(name).size
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(name)
    return bytes(data)


def install_big_routes(server, total=1000, page_delay=0.05, slow_delay=0.4):
    """/big/search: ``total`` items with quicklooks at /ql/<n>.png; /slow/search: slow endless pages."""
    import time

    earth = json.loads((DATA / "earth_search_search.json").read_text())
    template = earth["features"][0]
    items = stac_items(template, total, "BIG")
    for n, item in enumerate(items):
        item["assets"] = {"thumbnail": {"href": f"{server.url}/ql/{n}.png", "type": "image/png",
                                        "roles": ["thumbnail"]}}
    png = {n: tiny_png(n) for n in range(64)}

    def paged(request, delay, source, matched):
        time.sleep(delay)
        body = json.loads(request["body"] or b"{}")
        limit, token = int(body.get("limit", 10)), int(body.get("token", 0))
        chunk = source[token: token + limit] if source is not None else stac_items(template, limit, f"SLOW{token}")
        page = {"type": "FeatureCollection", "features": chunk, "numberMatched": matched, "links": []}
        if token + limit < matched:
            page["links"].append({"rel": "next", "method": "POST", "href": server.url + request["path"],
                                  "body": {"token": token + limit}, "merge": True})
        return json_reply(page)

    server.routes["/big/search"] = lambda request: paged(request, page_delay, items, total)
    server.routes["/slow/search"] = lambda request: paged(request, slow_delay, None, 2000)
    for n in range(total):
        server.routes[f"/ql/{n}.png"] = lambda request, n=n: (200, {"Content-Type": "image/png"}, png[n % 64])


@pytest.fixture(scope="session")
def big_server(replay_server):
    install_big_routes(replay_server)
    return replay_server
