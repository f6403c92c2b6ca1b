"""BioDispersal project files (``<BioDispersalModel>`` XML) read into the plugin's own terms, and written back.

A translation layer, no science and no qgis import: the project's selection groups, fusion
orders, friction table, dispersal items and weighting become a :class:`Project` (plain
data) that :mod:`..core.project_run` and ``dataterra:run_biodispersal_project`` run.

BioDispersal (Chailloux, Amsallem & Huard, INRAE; version 1.3.1 read here) stores:

* ``<ParamsModel workspace resolution extent|extentLayer [crs]>``: the study grid. Paths of
  the project are relative to the workspace, which is often a folder of another machine (a
  Windows path): then the XML's own folder is used;
* ``<STModel><STItem name descr>``: the sub-networks (species groups);
* ``<GroupModel><GroupItem name descr geom>`` and ``<ClassModel><ClassItem name code descr
  group>``: groups of classes; a class ``<group>_<value>`` is the value of a field
  (vector) or of a raster, a class named as its group takes the whole selection;
* ``<SelectionModel><SelectionItem in_layer mode mode_val group>``: ``VExpr`` (features
  matching a QGIS expression, empty = all), ``VField`` (one class per field value),
  ``RClasses`` (one class per raster value), ``RResample`` (raster values kept);
* ``<FusionModel><ST name><GroupModel><GroupItem name>``: per sub-network, the groups in
  priority order (first = on top);
* ``<FrictionModel><FrictionRowItem code <sub-network>=friction>``: friction per class
  code and sub-network, empty = impassable;
* ``<PonderationModel><PonderationItem mode friction ponderation intervals out_layer>``:
  optional weighting of a friction (read, reported, not run);
* ``<CostModel><CostItem start_layer perm_layer cost out_layer>``: dispersal from a start
  layer over a sub-network's friction, up to a maximum cost.

Parsing is safe (rasterblocks.untrusted, defusedxml: no DTD, no entity, no external reference).
"""
import copy
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ...rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP
from ...rasterblocks.untrusted import parse_untrusted_xml, read_local_file

ROOT_TAG = "BioDispersalModel"
DEFAULT_CRS = "EPSG:2154"  # BioDispersal's default project CRS (Lambert 93)
VECTOR_MODES = {"VExpr": "expression", "VField": "field"}
RASTER_MODES = {"RClasses": "raster_classes", "RResample": "raster_resample"}
MODE_NAMES = {**VECTOR_MODES, **RASTER_MODES}
XML_MODES = {name: mode for mode, name in MODE_NAMES.items()}
IMPASSABLE = {"", "nodata", "none", "nan"}


class ProjectError(DataTerraError):
    """A project file that cannot be read or run as given."""


@dataclass
class Selection:
    """One selection of a group: a layer, how to select in it, and the class codes it gives."""

    group: str
    layer: str  # absolute path
    layer_ref: str  # the path as written in the XML
    mode: str  # "expression", "field", "raster_classes" or "raster_resample"
    value: str  # the expression, the field name or the resampling method
    codes: dict = field(default_factory=dict)  # value (text) -> class code; {"": code} for a whole selection

    @property
    def is_vector(self):
        return self.mode in VECTOR_MODES.values()


@dataclass
class Dispersal:
    """Dispersal of one sub-network: from a start layer up to a maximum cost."""

    start_layer: str
    start_ref: str
    max_cost: float
    output_ref: str = ""


@dataclass
class Subnetwork:
    """A species group: fusion order of the groups, friction per class code, dispersals."""

    name: str
    description: str = ""
    priority: list = field(default_factory=list)  # group names, first on top
    frictions: dict = field(default_factory=dict)  # class code -> friction (NaN = impassable)
    dispersals: list = field(default_factory=list)


@dataclass
class Weighting:
    """A weighting of a friction by another raster (BioDispersal's "ponderation")."""

    mode: int
    friction_ref: str
    weighting_ref: str
    intervals: str
    output_ref: str


@dataclass
class Project:
    """A BioDispersal project in the plugin's terms."""

    path: str
    folder: str  # the folder relative paths are resolved against
    resolution: float
    extent_layer: str
    crs: str = DEFAULT_CRS
    groups: dict = field(default_factory=dict)  # name -> (description, geometry "Line", "Polygon", "Raster"...)
    classes: dict = field(default_factory=dict)  # name -> (code, description, group)
    selections: list = field(default_factory=list)
    subnetworks: list = field(default_factory=list)
    weightings: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what could not be mapped, and why (Message)

    def subnetwork(self, name):
        for subnetwork in self.subnetworks:
            if subnetwork.name == name:
                return subnetwork
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "The project has no sub-network {name!r} (it has "
                                             "{names})."), name=name,
                           names=", ".join(s.name for s in self.subnetworks) or "none")

    def input_layers(self):
        """{path as written in the XML: absolute path} of every input layer (extent, selections, starts)."""
        layers = {os.path.relpath(self.extent_layer, self.folder): self.extent_layer}
        layers.update({s.layer_ref: s.layer for s in self.selections})
        for subnetwork in self.subnetworks:
            layers.update({d.start_ref: d.start_layer for d in subnetwork.dispersals})
        return layers

    def with_layers(self, overrides):
        """A copy with input layers replaced: ``overrides`` maps a path as written in the XML
        (or its file name) to another file."""
        def swap(ref, path):
            for key in (ref, os.path.basename(ref)):
                if key in overrides:
                    return str(overrides[key])
            return path

        project = copy.deepcopy(self)
        project.extent_layer = swap(os.path.relpath(self.extent_layer, self.folder), self.extent_layer)
        for selection in project.selections:
            selection.layer = swap(selection.layer_ref, selection.layer)
        for subnetwork in project.subnetworks:
            for dispersal in subnetwork.dispersals:
                dispersal.start_layer = swap(dispersal.start_ref, dispersal.start_layer)
        unknown = sorted(set(overrides) - set(self.input_layers())
                         - {os.path.basename(ref) for ref in self.input_layers()})
        if unknown:
            raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Layer override(s) {unknown} name no input layer of "
                                                 "the project (its layers: {layers})."),
                               unknown=", ".join(unknown), layers=", ".join(sorted(self.input_layers())))
        return project

    def missing_layers(self):
        """Paths as written in the XML of the input layers whose file does not exist."""
        return sorted({ref for ref, path in self.input_layers().items() if not os.path.exists(path.split("|")[0])})

    def check_layers(self):
        """Raise :class:`ProjectError` naming every missing input layer (nothing is run)."""
        missing = self.missing_layers()
        if missing:
            raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Input layer(s) of the project not found: {missing} "
                                                 "(looked for in {folder}). Point each to another file with a layer "
                                                 "override (name=path)."), missing=", ".join(missing),
                               folder=self.folder)


def parse_overrides(text):
    """{path as written in the project: new path} from "a.shp=/x/b.gpkg|layername=b; c.tif=/y/c.tif" text."""
    overrides = {}
    for part in str(text or "").replace("\n", ";").split(";"):
        if part.strip():
            ref, sep, path = part.partition("=")
            if not sep or not ref.strip() or not path.strip():
                raise ProjectError(QT_TRANSLATE_NOOP(
                    "DataTerraError", "Layer override {part!r} is not written as name=path."), part=part.strip())
            overrides[ref.strip()] = path.strip()
    return overrides


# --- reading ----------------------------------------------------------------------------


def parse_root(text, path):
    """The root element of a BioDispersal project, parsed safely; clear errors otherwise."""
    root = parse_untrusted_xml(
        text, ProjectError,
        QT_TRANSLATE_NOOP("DataTerraError", "{path} declares a DTD or entities, which are refused for safety: a "
                          "BioDispersal project has none."),
        QT_TRANSLATE_NOOP("DataTerraError", "{path} is not well-formed XML ({exc})."), path=path)
    if root.tag != ROOT_TAG:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a BioDispersal project: its root element "
                                             "is <{tag}>, not <BioDispersalModel> (a FragScape project starts with "
                                             "<FragScapeModel>)."), path=path, tag=root.tag)
    return root


def read_project(path) -> Project:
    """Read a BioDispersal project file into a :class:`Project`."""
    path = Path(path)
    try:
        text = read_local_file(path, ProjectError, QT_TRANSLATE_NOOP("DataTerraError", "The project file"))
    except OSError as exc:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "The project file {path} cannot be read ({exc})."),
                           path=path, exc=exc.strerror or exc) from exc
    root = parse_root(text, path)
    params = _first(root, "ParamsModel")
    if params is None:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{path} has no <ParamsModel>: the study grid "
                                             "(resolution, extent layer) is unknown."), path=path)
    notes = []
    folder = _base_folder(params.get("workspace", ""), path, notes)
    resolution = _number(params.get("resolution"), "resolution", path)
    if not resolution > 0:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "The resolution of {path} must be > 0, not {value}."),
                           path=path, value=params.get("resolution"))
    extent_ref = params.get("extent") or params.get("extentLayer") or ""
    if not extent_ref:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{path} gives no extent layer: BioDispersal needs one "
                                             "to define the study area."), path=path)
    crs = params.get("crs") or DEFAULT_CRS
    if not params.get("crs"):
        notes.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "The project gives no CRS: {crs} is used, "
                                               "BioDispersal's default."), crs=crs))
    project = Project(path=str(path), folder=str(folder), resolution=resolution,
                      extent_layer=_resolve(extent_ref, folder), crs=crs, notes=notes)
    project.groups = {g.get("name", ""): (g.get("descr", ""), g.get("geom", ""))
                      for g in _items(root, "GroupModel", "GroupItem")}
    for item in _items(root, "ClassModel", "ClassItem"):
        project.classes[item.get("name", "")] = (_code(item.get("code"), path), item.get("descr", ""),
                                                 item.get("group", ""))
    project.selections = [_selection(item, project, path) for item in _items(root, "SelectionModel", "SelectionItem")]
    project.subnetworks = _subnetworks(root, project, path)
    project.weightings = [Weighting(int(_number(w.get("mode", "0"), "mode", path)), w.get("friction", ""),
                                    w.get("ponderation", ""), w.get("intervals", ""), w.get("out_layer", ""))
                          for w in _items(root, "PonderationModel", "PonderationItem")]
    for weighting in project.weightings:
        project.notes.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Weighting of {friction} by {weighting} "
                                                       "(mode {mode}) is not run: dispersal uses the unweighted "
                                                       "friction, as BioDispersal's cost items of this project do."),
                                     friction=weighting.friction_ref, weighting=weighting.weighting_ref,
                                     mode=weighting.mode))
    if not project.subnetworks:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{path} defines no sub-network (<STModel>)."),
                           path=path)
    return project


def _first(root, tag):
    return next(iter(root.iter(tag)), None)


def _items(root, model_tag, item_tag):
    """Items directly under the top-level model (not those nested in <FusionModel>)."""
    model = root.find(model_tag)
    return list(model.findall(item_tag)) if model is not None else []


def _base_folder(workspace, xml_path, notes):
    folder = xml_path.resolve().parent
    if workspace and os.path.isdir(workspace):
        return Path(workspace)
    if workspace:
        notes.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "The workspace {workspace} does not exist here: "
                                               "paths are read relative to the project file's folder {folder}."),
                             workspace=workspace, folder=folder))
    return folder


def _resolve(ref, folder):
    ref = ref.replace("\\", "/")
    return os.path.normpath(ref if os.path.isabs(ref) else os.path.join(folder, ref))


def _number(text, what, path):
    try:
        return float(str(text).strip().replace(",", "."))
    except (TypeError, ValueError):
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "{what} {text!r} of {path} is not a number."),
                           what=what, text=text, path=path) from None


def _code(text, path):
    value = _number(text, "class code", path)
    if not value.is_integer():
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Class code {text!r} of {path} is not an integer."),
                           text=text, path=path)
    return int(value)


def _selection(item, project, path):
    group, xml_mode = item.get("group", ""), item.get("mode", "")
    if xml_mode not in MODE_NAMES:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Selection mode {mode!r} of group {group} in {path} is "
                                             "unknown (BioDispersal has VExpr, VField, RClasses, RResample)."),
                           mode=xml_mode, group=group, path=path)
    mode = MODE_NAMES[xml_mode]
    prefix = group + "_"
    codes = {name[len(prefix):]: code for name, (code, _d, g) in project.classes.items()
             if g == group and name.startswith(prefix)}
    if mode in ("expression", "raster_resample") or not codes:
        whole = [code for name, (code, _d, g) in project.classes.items() if g == group and name == group]
        codes = {"": whole[0]} if whole else codes
    if not codes:
        raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Group {group} of {path} has no class: its selection "
                                             "cannot be coded."), group=group, path=path)
    ref = item.get("in_layer", "")
    return Selection(group=group, layer=_resolve(ref, project.folder), layer_ref=ref, mode=mode,
                     value=item.get("mode_val", ""), codes=codes)


def _friction(text):
    text = (text or "").strip()
    if text.lower() in IMPASSABLE:
        return math.nan
    return float(text.replace(",", "."))


def _subnetworks(root, project, path):
    names = [(item.get("name", ""), item.get("descr", "")) for item in _items(root, "STModel", "STItem")]
    fusion = {st.get("name", ""): [g.get("name", "") for g in st.iter("GroupItem")]
              for st in root.iter("ST")}
    rows = _items(root, "FrictionModel", "FrictionRowItem")
    costs = _items(root, "CostModel", "CostItem")
    subnetworks = []
    for name, description in names:
        frictions = {}
        for row in rows:
            if name not in row.attrib:
                continue  # a column added later: no friction given for this class
            try:
                frictions[_code(row.get("code"), path)] = _friction(row.get(name))
            except ValueError:
                raise ProjectError(QT_TRANSLATE_NOOP("DataTerraError", "Friction {text!r} of class {code} for "
                                                     "{subnetwork} in {path} is not a number."),
                                   text=row.get(name), code=row.get("code"), subnetwork=name, path=path) from None
        priority = fusion.get(name) or list(project.groups)
        if name not in fusion:
            project.notes.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Sub-network {name} has no fusion order: "
                                                           "the groups are merged in the order of <GroupModel>."),
                                         name=name))
        friction_ref = f"Subnetworks/{name}/{name}_friction.tif"
        dispersals = [Dispersal(start_layer=_resolve(c.get("start_layer", ""), project.folder),
                                start_ref=c.get("start_layer", ""),
                                max_cost=_number(c.get("cost", "0"), "cost", path), output_ref=c.get("out_layer", ""))
                      for c in costs if _same_path(c.get("perm_layer", ""), friction_ref)]
        subnetworks.append(Subnetwork(name=name, description=description, priority=priority, frictions=frictions,
                                      dispersals=dispersals))
    mapped = {_norm(f"Subnetworks/{s.name}/{s.name}_friction.tif") for s in subnetworks}
    for cost in costs:
        if _norm(cost.get("perm_layer", "")) not in mapped:
            project.notes.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Dispersal over {friction} is not run: "
                                                           "that friction is not a sub-network's own (a weighted "
                                                           "friction, for instance)."),
                                         friction=cost.get("perm_layer", "")))
    return subnetworks


def _norm(ref):
    return os.path.normpath(ref.replace("\\", "/")).lower()


def _same_path(a, b):
    return _norm(a) == _norm(b)


# --- writing ----------------------------------------------------------------------------


def write_project(project: Project, path):
    """Write ``project`` as a BioDispersal project file (paths relative to its folder).

    The workspace is the file's folder, so BioDispersal finds the layers there too.
    """
    path = Path(path)
    folder = path.resolve().parent

    def rel(layer):
        try:
            return os.path.relpath(layer, folder).replace(os.sep, "/")
        except ValueError:  # another drive (Windows)
            return layer

    root = ElementTree.Element(ROOT_TAG)
    ElementTree.SubElement(root, "ParamsModel", workspace=str(folder).replace(os.sep, "/"),
                           resolution=_text(project.resolution), extent=rel(project.extent_layer), crs=project.crs)
    st_model = ElementTree.SubElement(root, "STModel")
    for subnetwork in project.subnetworks:
        ElementTree.SubElement(st_model, "STItem", name=subnetwork.name, descr=subnetwork.description)
    group_model = ElementTree.SubElement(root, "GroupModel")
    for name, (description, geometry) in project.groups.items():
        ElementTree.SubElement(group_model, "GroupItem", name=name, descr=description, geom=geometry)
    class_model = ElementTree.SubElement(root, "ClassModel")
    for name, (code, description, group) in project.classes.items():
        ElementTree.SubElement(class_model, "ClassItem", name=name, code=str(code), descr=description, group=group)
    selection_model = ElementTree.SubElement(root, "SelectionModel")
    for selection in project.selections:
        ElementTree.SubElement(selection_model, "SelectionItem", in_layer=rel(selection.layer),
                               mode=XML_MODES[selection.mode], mode_val=selection.value, group=selection.group)
    fusion = ElementTree.SubElement(root, "FusionModel")
    for subnetwork in project.subnetworks:
        groups = ElementTree.SubElement(ElementTree.SubElement(fusion, "ST", name=subnetwork.name), "GroupModel")
        for name in subnetwork.priority:
            description, geometry = project.groups.get(name, ("", ""))
            ElementTree.SubElement(groups, "GroupItem", name=name, descr=description, geom=geometry)
    friction_model = ElementTree.SubElement(root, "FrictionModel")
    for name, (code, description, _group) in project.classes.items():
        values = {s.name: _friction_text(s.frictions.get(code, math.nan)) for s in project.subnetworks}
        ElementTree.SubElement(friction_model, "FrictionRowItem", class_descr=description, **{"class": name},
                               code=str(code), **values)
    weighting_model = ElementTree.SubElement(root, "PonderationModel")
    for weighting in project.weightings:
        ElementTree.SubElement(weighting_model, "PonderationItem", mode=str(weighting.mode),
                               friction=weighting.friction_ref, ponderation=weighting.weighting_ref,
                               intervals=weighting.intervals, out_layer=weighting.output_ref)
    cost_model = ElementTree.SubElement(root, "CostModel")
    for subnetwork in project.subnetworks:
        for dispersal in subnetwork.dispersals:
            output = dispersal.output_ref or \
                f"Subnetworks/{subnetwork.name}/{subnetwork.name}_disp_{_text(dispersal.max_cost)}.tif"
            ElementTree.SubElement(cost_model, "CostItem", start_layer=rel(dispersal.start_layer),
                                   perm_layer=f"Subnetworks/{subnetwork.name}/{subnetwork.name}_friction.tif",
                                   cost=_text(dispersal.max_cost), out_layer=output)
    ElementTree.indent(root)
    path.write_bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=False))
    return str(path)


def _text(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _friction_text(value):
    return "" if math.isnan(value) else _text(value)
