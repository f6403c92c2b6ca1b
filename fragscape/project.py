"""FragScape project files (``<FragScapeModel>`` XML) read into the plugin's own parameters, and
studies written back as FragScape projects. No QGIS import: the Processing algorithm
``dataterra:run_fragscape_project`` and the fragmentation study dialog use it.

FragScape (INRAE, 2.0.x) stores a project as::

    <FragScapeModel>
     <Params workspace=".." crs="epsg:2154" [mode="1" resolution="10" extentLayer=".."]/>
     <Landuse in_layer=".." select_field="CODE_12" [select_mode="0|1" select_expr=".." clip_layer=".."]>
      <LanduseFieldItem value="311" description=".." toSelect="True"/> ...
     </Landuse>
     <FragmModel>
      <FragmItem INPUT=".." SELECT_EXPR=".." BUFFER_EXPR="7.5" NAME="road1" [CLIP_LAYER=".."] [FRAGM="True"]/>
     </FragmModel>
     <Reporting reporting_layer=".." [method="0|1"] [include_cbc="True"] [input_layer=".."] output=".."/>
    </FragScapeModel>

Paths are relative to the workspace, which is often a folder of another machine: when it does
not exist here, the XML file's own folder is used. The file is parsed by rasterblocks.untrusted (defusedxml: no DTD,
no entities, no external references).
"""
import os
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError, Message
from ..rasterblocks.untrusted import parse_untrusted_xml, read_local_file

ROOT_TAG = "FragScapeModel"
CUT, CBC = "CUT", "CBC"
VECTOR, RASTER = "vector", "raster"
# FragScape's raster mode labels habitat pixels with 4 neighbours (FragScape 2.0.7,
# algs/FragScape_raster_algs.py labelAndPatchLen: ndimage.generate_binary_structure(2, 1))
FRAGSCAPE_NEIGHBOURS = 4
SELECT_BY_FIELD, SELECT_BY_EXPRESSION = 0, 1


class ProjectError(DataTerraError):
    """A project file that cannot be read or run."""


@dataclass
class FragmentingItem:
    """One <FragmItem>: a layer (filtered, buffered) that cuts the habitat, or adds to it."""

    name: str
    path: str
    select_expr: str = ""
    buffer: str = ""
    fragments: bool = True


@dataclass
class FragScapeProject:
    """A FragScape project in the plugin's terms (absolute paths)."""

    xml_path: str
    base_folder: str
    crs: str = ""
    mode: str = VECTOR
    resolution: float = 0.0
    extent_path: str = ""
    landuse_path: str = ""
    class_field: str = ""
    habitat_classes: list = field(default_factory=list)
    study_area_path: str = ""
    fragmenting: list = field(default_factory=list)
    reporting_path: str = ""
    method: str = CUT
    output_name: str = ""
    unmapped: list = field(default_factory=list)  # Message: what the plugin does not use, and why

    def inputs(self):
        """[(what, path)] of every input layer the project names."""
        named = [(Message(QT_TRANSLATE_NOOP("DataTerraError", "land use")), self.landuse_path),
                 (Message(QT_TRANSLATE_NOOP("DataTerraError", "study area")), self.study_area_path),
                 (Message(QT_TRANSLATE_NOOP("DataTerraError", "reporting layer")), self.reporting_path)]
        named += [(Message(QT_TRANSLATE_NOOP("DataTerraError", "fragmenting layer {name}"), name=item.name),
                   item.path) for item in self.fragmenting]
        return [(what, path) for what, path in named if path]

    def missing_inputs(self):
        """[(what, path)] of the input layers whose file does not exist."""
        return [(what, path) for what, path in self.inputs() if not os.path.exists(path.split("|")[0])]


PROJECT_FILE = QT_TRANSLATE_NOOP("DataTerraError", "The project file")


def parse_project_xml(text):
    """The root element of a project file's text; DTDs, entities and external references refused."""
    return parse_untrusted_xml(
        text, ProjectError,
        QT_TRANSLATE_NOOP("DataTerraError", "The project file declares a DTD or entities, which are refused for "
                          "safety."),
        QT_TRANSLATE_NOOP("DataTerraError", "The project file is not well-formed XML ({exc})."))


def read_project(xml_path):
    """A :class:`FragScapeProject` from a FragScape project file."""
    xml_path = os.path.abspath(str(xml_path))
    try:
        text = read_local_file(xml_path, ProjectError, PROJECT_FILE)
    except OSError as exc:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the project file {path}: {exc}"),
                           path=xml_path, exc=exc.strerror or exc) from exc
    root = parse_project_xml(text)
    if root.tag != ROOT_TAG:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a FragScape project (its root element "
                                             "is <{tag}>, not <FragScapeModel>)."), path=xml_path, tag=root.tag)
    params = root.find("Params")
    attributes = params.attrib if params is not None else {}
    project = FragScapeProject(xml_path, _base_folder(xml_path, attributes.get("workspace", "")))
    project.crs = attributes.get("crs", "")
    project.mode = RASTER if attributes.get("mode", "0").strip() == "1" else VECTOR
    project.resolution = _number(attributes.get("resolution"), 0.0)
    project.extent_path = _resolve(project, attributes.get("extentLayer", ""))
    if attributes.get("workspace") and not os.path.isdir(attributes["workspace"]):
        project.unmapped.append(Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "The workspace {workspace} does not exist here: paths are read from the project "
            "file's folder."), workspace=attributes["workspace"]))
    _read_landuse(project, root.find("Landuse"))
    _read_fragmentation(project, root.find("FragmModel"))
    _read_reporting(project, root.find("Reporting"))
    return project


def _base_folder(xml_path, workspace):
    if workspace and os.path.isdir(workspace):
        return os.path.abspath(workspace)
    return os.path.dirname(xml_path)


def _resolve(project, relative):
    relative = (relative or "").strip()
    if not relative:
        return ""
    return os.path.normpath(os.path.join(project.base_folder, relative.replace("\\", "/")))


def _number(text, default):
    try:
        return float(text)
    except (TypeError, ValueError):
        return default


def _true(text):
    return str(text).strip().lower() in ("true", "1", "yes")


def _read_landuse(project, landuse):
    if landuse is None:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "The project has no <Landuse> element: there is no "
                                             "land use to select habitat from."))
    attributes = landuse.attrib
    project.landuse_path = _resolve(project, attributes.get("in_layer", ""))
    project.class_field = attributes.get("select_field", "")
    project.study_area_path = _resolve(project, attributes.get("clip_layer", ""))
    mode = int(_number(attributes.get("select_mode"), SELECT_BY_FIELD))
    # toSelect is a boolean written as text ("True"/"False"); FragScape 2.0.7 itself reads any
    # non-empty text as true when it opens a project, and so selects every class.
    project.habitat_classes = [item.get("value", "") for item in landuse.findall("LanduseFieldItem")
                               if _true(item.get("toSelect", "False"))]
    if mode == SELECT_BY_EXPRESSION:
        project.unmapped.append(Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "The land use is selected by the expression {expression!r}: choose the habitat "
            "classes instead."), expression=attributes.get("select_expr", "")))
    elif not project.habitat_classes and project.mode == VECTOR:
        project.unmapped.append(Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "No land-use class is selected (toSelect) in the project: choose the habitat classes.")))


def _read_fragmentation(project, model):
    for item in (model.findall("FragmItem") if model is not None else []):
        name = item.get("NAME", "") or f"item{len(project.fragmenting) + 1}"
        project.fragmenting.append(FragmentingItem(
            name=name, path=_resolve(project, item.get("INPUT", "")),
            select_expr=(item.get("SELECT_EXPR") or "").strip(), buffer=(item.get("BUFFER_EXPR") or "").strip(),
            fragments=_true(item.get("FRAGM", "True"))))
        if item.get("CLIP_LAYER"):
            project.unmapped.append(Message(QT_TRANSLATE_NOOP(
                "DataTerraError", "{name}: CLIP_LAYER is not used (FragScape 2.0.7 does not use it either)."),
                name=name))
        if not _true(item.get("FRAGM", "True")):
            project.unmapped.append(Message(QT_TRANSLATE_NOOP(
                "DataTerraError", "{name} adds habitat (FRAGM=False), which the plugin does not do: it is left "
                "out."), name=name))


def _read_reporting(project, reporting):
    attributes = reporting.attrib if reporting is not None else {}
    project.reporting_path = _resolve(project, attributes.get("reporting_layer", ""))
    cbc = int(_number(attributes.get("method"), 0)) > 0 or _true(attributes.get("include_cbc", "False"))
    project.method = CBC if cbc else CUT
    project.output_name = os.path.basename((attributes.get("output") or "").replace("\\", "/"))
    if attributes.get("select_expr", "").strip():
        project.unmapped.append(Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "The reporting expression {expression!r} is not used (FragScape 2.0.7 does not use it "
            "either)."), expression=attributes["select_expr"].strip()))
    if attributes.get("input_layer"):
        project.unmapped.append(Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "The reporting input layer {path} is not used: the plugin measures the landscape it "
            "prepares from the project."), path=attributes["input_layer"]))


def project_xml(project, xml_path):
    """The text of a FragScape project file for ``project``, paths relative to ``xml_path``'s folder."""
    folder = os.path.dirname(os.path.abspath(str(xml_path)))

    def relative(path):
        return Path(os.path.relpath(path, folder)).as_posix() if path else ""

    root = ElementTree.Element(ROOT_TAG)
    params = {"workspace": Path(folder).as_posix(), "crs": project.crs or "epsg:2154"}
    if project.mode == RASTER:
        params.update(mode="1", resolution=repr(float(project.resolution)),
                      extentLayer=relative(project.extent_path or project.study_area_path or project.landuse_path))
    ElementTree.SubElement(root, "Params", _without_empty(params))
    landuse = ElementTree.SubElement(root, "Landuse", _without_empty({
        "in_layer": relative(project.landuse_path), "select_mode": str(SELECT_BY_FIELD),
        "select_field": project.class_field, "clip_layer": relative(project.study_area_path)}))
    for value in project.habitat_classes:
        ElementTree.SubElement(landuse, "LanduseFieldItem", {"value": str(value), "description": "",
                                                             "toSelect": "True"})
    fragmentation = ElementTree.SubElement(root, "FragmModel")
    for item in project.fragmenting:
        ElementTree.SubElement(fragmentation, "FragmItem", {
            "INPUT": relative(item.path), "SELECT_EXPR": item.select_expr, "BUFFER_EXPR": item.buffer,
            "NAME": item.name, "FRAGM": str(bool(item.fragments))})
    ElementTree.SubElement(root, "Reporting", _without_empty({
        "method": "1" if project.method == CBC else "0", "include_cbc": str(project.method == CBC),
        "reporting_layer": relative(project.reporting_path), "output": project.output_name}))
    ElementTree.indent(root, " ")
    return ElementTree.tostring(root, encoding="unicode") + "\n"


def write_project(project, xml_path):
    """Write ``project`` as a FragScape project file; returns the path."""
    text = project_xml(project, xml_path)
    try:
        with open(xml_path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot write the project file {path}: {exc}"),
                           path=str(xml_path), exc=exc.strerror or exc) from exc
    return str(xml_path)


def _without_empty(attributes):
    return {key: value for key, value in attributes.items() if value not in ("", None)}
