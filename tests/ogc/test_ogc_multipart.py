"""MIME multipart GetCoverage answers (WCS 1.1 multipart/mixed, WCS 2.0 multipart/related)
built here by hand: the coverage part is chosen by content type, whatever its place and
transfer encoding; exception reports inside a part are raised."""
import base64

import pytest

from dataterra.dataterra_plugin.ogc.core.coverage import coverage_payload
from dataterra.dataterra_plugin.ogc.core.safexml import OgcError, ServiceExceptionError

TIFF = b"II*\x00" + bytes(range(256)) + b"\r\n--not-a-boundary\r\n\n\r" + bytes(range(255, -1, -1))
GML = b'<?xml version="1.0"?><gmlcov:RectifiedGridCoverage xmlns:gmlcov="http://www.opengis.net/gmlcov/1.0"/>'


def multipart(parts, boundary="wcs", preamble=b"\r\n"):
    body = preamble
    for headers, payload in parts:
        body += f"--{boundary}\r\n".encode() + "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
        body += b"\r\n" + payload + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def test_plain_answers_are_unchanged():
    assert coverage_payload(TIFF) is TIFF
    assert coverage_payload(b"<Coverages/>") == b"<Coverages/>"


def test_binary_part_after_the_xml_part_is_exact():
    answer = multipart([({"Content-Type": "text/xml", "Content-ID": "wcs.xml"}, b"<Coverages/>"),
                        ({"Content-Type": "image/tiff", "Content-Transfer-Encoding": "binary"}, TIFF)])
    # bytes that look like line ends and boundaries inside the file survive
    assert coverage_payload(answer) == TIFF


def test_coverage_part_first_base64_and_quoted_boundary():
    answer = multipart([({"Content-Type": "image/tiff", "Content-Transfer-Encoding": "base64"},
                         base64.encodebytes(TIFF)),
                        ({"Content-Type": "application/gml+xml; charset=UTF-8"}, GML)],
                       boundary="=_part 1.2_=", preamble=b"")
    assert coverage_payload(answer) == TIFF


def test_netcdf_part_is_a_coverage_too():
    netcdf = b"CDF\x01" + bytes(100)
    answer = multipart([({"Content-Type": "application/gml+xml"}, GML),
                        ({"Content-Type": "application/x-netcdf"}, netcdf)])
    assert coverage_payload(answer) == netcdf


def test_exception_report_in_a_part_is_raised():
    report = (b'<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="1.1.0">'
              b'<ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>disk full'
              b'</ows:ExceptionText></ows:Exception></ows:ExceptionReport>')
    with pytest.raises(ServiceExceptionError, match="disk full"):
        coverage_payload(multipart([({"Content-Type": "text/xml"}, report)]))


def test_answer_without_coverage_part_says_so():
    stored = b'<Coverages><Coverage><Reference href="http://h/out.tif"/></Coverage></Coverages>'
    with pytest.raises(OgcError, match=r"no coverage file \(text/xml\).*stored the coverage"):
        coverage_payload(multipart([({"Content-Type": "text/xml"}, stored)]))
