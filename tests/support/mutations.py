"""Hypothesis strategies that mutate the *types* of values in real recorded answers.

A hostile or broken server keeps most of a real answer and changes a few values: a list
becomes a number (``"links": 5``), a title becomes a list nested a thousand levels deep,
a key disappears, a list of ten grows to thousands. ``json_bodies(seed)`` draws such
answers as bytes (nesting deeper than ``json.dumps`` can write is spliced into the text),
``json_objects(seed)`` as decoded Python values (nesting as deep as wanted), and
``xml_bodies(seed)`` does the same on XML elements.

Examples per test: ``DATATERRA_FUZZ_EXAMPLES`` (default 25, a few seconds per test);
``make fuzz`` sets 5000.
"""
import copy
import json
import os
import xml.etree.ElementTree as ET  # noqa: N817 - builds test documents, parses nothing untrusted

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("DATATERRA_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
DEPTHS = (1, 2, 3, 10, 100, 999, 3000)  # beyond ~1000, Python's own recursion gives up
XML_DEPTHS = (1, 10, 100, 300, 600)  # ElementTree writes recursively: no deeper in a test
MAX_NODES = 4000

scalars = (st.none() | st.booleans() | st.integers(-10**40, 10**40)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30)
           | st.sampled_from(["", "http://127.0.0.1:1/x", "../../etc/passwd", "next", "POST", "data", "thumbnail"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def nodes(document):
    """(container, key) of every value inside ``document`` (at most :data:`MAX_NODES`)."""
    found, pending = [], [document]
    while pending and len(found) < MAX_NODES:
        container = pending.pop()
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        for key in keys:
            found.append((container, key))
            if isinstance(container[key], (dict, list)):
                pending.append(container[key])
    return found


def _nest(value, depth, kind):
    for _ in range(depth):
        value = [value] if kind == "list" else {"name": value} if kind == "name" else {"a": value}
    return value


@st.composite
def _mutate(draw, document, splice):
    """A deep copy of ``document`` with one to three mutations; ``splice`` (a list) receives
    (placeholder, depth, kind, value) for nesting written into the text afterwards."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        places = nodes(document)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        old = container[key]
        operation = draw(st.sampled_from(["swap", "swap", "nest", "remove", "scalar", "wrap", "grow"]))
        if operation == "swap":
            old_type = type(old)  # not the value itself: hypothesis prints the filter's defaults
            container[key] = draw(values.filter(lambda v, old_type=old_type: type(v) is not old_type))
        elif operation == "nest":
            depth, kind = draw(st.sampled_from(DEPTHS)), draw(st.sampled_from(["list", "name", "object"]))
            inner = draw(st.just(old) | scalars) if not isinstance(old, (dict, list)) else old
            if splice is None:
                container[key] = _nest(inner, depth, kind)
            else:
                placeholder = f"\x00nest{len(splice)}\x00"
                splice.append((placeholder, depth, kind, inner))
                container[key] = placeholder
        elif operation == "remove":
            del container[key]
        elif operation == "scalar":
            container[key] = old[0] if isinstance(old, list) and old else draw(scalars)
        elif operation == "wrap":
            container[key] = draw(st.sampled_from([[old], {"name": old}, {"href": old}]))
        elif operation == "grow" and isinstance(old, list) and old:
            container[key] = old * draw(st.sampled_from([2, 50, 400]))
        else:
            container[key] = draw(values)
    return document


def _dumps(value):
    return json.dumps(value, allow_nan=True)


@st.composite
def json_bodies(draw, seed):
    """Bytes of ``seed`` (a decoded JSON document) mutated by type; the root itself may be
    replaced by another JSON value."""
    if draw(st.integers(0, 49)) == 0:
        return _dumps(draw(values)).encode()
    splice = []
    text = _dumps(draw(_mutate(seed, splice)))
    for placeholder, depth, kind, inner in splice:
        opening = {"list": "[", "name": '{"name": ', "object": '{"a": '}[kind]
        closing = "]" if kind == "list" else "}"
        try:
            inner_text = _dumps(inner)
        except (ValueError, RecursionError):
            inner_text = "null"
        text = text.replace(_dumps(placeholder), opening * depth + inner_text + closing * depth, 1)
    return text.encode("utf-8", "surrogatepass")


def json_objects(seed):
    """``seed`` mutated by type, as Python values (nesting done in Python, any depth)."""
    return _mutate(seed, None)


@st.composite
def xml_bodies(draw, seed):
    """Bytes of the XML text ``seed`` with one to three element mutations: removed,
    duplicated, nested deep, text or attributes replaced."""
    root = ET.fromstring(seed)
    for _ in range(draw(st.integers(1, 3))):
        pairs = [(parent, child) for parent in root.iter() for child in parent][:MAX_NODES]
        if not pairs:
            break
        parent, child = draw(st.sampled_from(pairs))
        operation = draw(st.sampled_from(["remove", "duplicate", "nest", "text", "attributes"]))
        if operation == "remove":
            parent.remove(child)
        elif operation == "duplicate":
            index = list(parent).index(child)
            for _ in range(draw(st.sampled_from([1, 50, 300]))):
                parent.insert(index, copy.deepcopy(child))
        elif operation == "nest":
            holder = child
            for _ in range(draw(st.sampled_from(XML_DEPTHS))):
                holder = ET.SubElement(holder, child.tag)
            holder.text = draw(st.text(max_size=20))
        elif operation == "text":
            child.text = draw(st.text(max_size=40) | st.sampled_from(["NaN", "1e999", "-", "a b c d", "1 2 3"]))
        else:
            for name in list(child.attrib):
                child.attrib[name] = draw(st.text(max_size=20) | st.sampled_from(["", "-1", "1e999", "x"]))
    text = ET.tostring(root, encoding="unicode")
    return text.encode("utf-8", "surrogatepass")
