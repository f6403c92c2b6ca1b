"""Safe parsing of XML received from the network, and OGC exception reports.

Capabilities and coverage descriptions come from servers we do not control. defusedxml
refuses entity expansion ("billion laughs"), external entities and DTD internal subsets
before any other parser (OWSLib's lxml) sees the document (rasterblocks/untrusted.py); the
DOCTYPE of WMS 1.1.1 capabilities, which only names an external DTD, is accepted and that DTD
never read.
"""
from ....rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP
from ....rasterblocks.untrusted import parse_untrusted_xml


class OgcError(DataTerraError):
    """A problem talking to an OGC service, with a message saying what to do."""


class ServiceExceptionError(OgcError):
    """The service answered with an OGC ServiceExceptionReport / ows:ExceptionReport."""

    def __init__(self, message, code="", /, **values):
        super().__init__(message, **values)
        self.code = code


def local_name(tag: str) -> str:
    """``{namespace}Name`` -> ``Name``."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml(data: bytes, what: str = QT_TRANSLATE_NOOP("DataTerraError", "The server's answer")):
    """The root element of ``data``; hostile or malformed XML raises :class:`OgcError`."""
    if not data or not data.strip():
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "{what} is empty. Check the URL and that the service is "
                                         "running."), what=what)
    return parse_untrusted_xml(
        data, OgcError,
        QT_TRANSLATE_NOOP("DataTerraError", "{what} was refused because it contains XML entity declarations or "
                          "external references ({name}), which can be used to attack the client. Check the URL: "
                          "this is not a normal OGC document."),
        QT_TRANSLATE_NOOP("DataTerraError", "{what} is not valid XML ({exc}). It starts with: {start!r}"),
        doctype=True, what=what)


def children(element, name):
    """Direct children of ``element`` whose local name is ``name``."""
    return [child for child in element if local_name(child.tag) == name]


def child(element, name):
    found = children(element, name)
    return found[0] if found else None


def descendants(element, name):
    return [node for node in element.iter() if local_name(node.tag) == name]


def text_of(element, name, default=""):
    """Stripped text of the first direct child named ``name``."""
    found = child(element, name) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else default


def exception_message(root):
    """The message of an OGC exception report rooted at ``root``, or None if it is not one."""
    if local_name(root.tag) not in ("ServiceExceptionReport", "ExceptionReport"):
        return None
    parts, code = [], ""
    for node in root.iter():
        name = local_name(node.tag)
        if name in ("ServiceException", "Exception"):
            code = code or node.get("code") or node.get("exceptionCode") or ""
            if node.text and node.text.strip():
                parts.append(node.text.strip())
        elif name == "ExceptionText" and node.text:
            parts.append(node.text.strip())
    return code, "; ".join(parts) or "no message"


def raise_if_exception(data: bytes, what: str = QT_TRANSLATE_NOOP("DataTerraError", "The service")):
    """Raise :class:`ServiceExceptionError` when ``data`` is an OGC exception report."""
    head = data[:2000].lstrip()
    if not head.startswith(b"<") or b"Exception" not in head:
        return
    try:
        root = parse_xml(data, what)
    except OgcError:
        return
    found = exception_message(root)
    if found:
        code, message = found
        suffix = f" (code {code})" if code else ""
        raise ServiceExceptionError(QT_TRANSLATE_NOOP("DataTerraError", "{what} reported an error{suffix}: "
                                                      "{detail}"), code,
            what=what,
            suffix=suffix,
            detail=message)
