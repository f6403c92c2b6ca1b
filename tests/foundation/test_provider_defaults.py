"""Issue 16: every parameter that has a default may be left out, from processing.run, a
model or qgis_process, and the algorithm then reads its default (QGIS 3.22 refuses an
omitted required CRS parameter although it has a default)."""
from qgis.core import QgsProcessingContext, QgsRectangle

# how an algorithm reads a parameter of each type (QgsProcessingAlgorithm.parameterAs...)
READERS = {"crs": "parameterAsCrs", "number": "parameterAsDouble", "enum": "parameterAsEnum",
           "boolean": "parameterAsBoolean", "extent": "parameterAsExtent", "field": "parameterAsFields",
           "distance": "parameterAsDouble", "datetime": "parameterAsDateTime", "point": "parameterAsPoint"}


def comparable(value):
    """CRSs by id, rectangles by their text, the rest as they are."""
    if hasattr(value, "authid"):
        return value.authid()
    if isinstance(value, QgsRectangle):
        return value.toString()
    return value


def defaulted_parameters(provider):
    """(algorithm, parameter) for every input parameter that has a default value."""
    found = []
    for listed in provider.algorithms():
        algorithm = listed.create()
        for parameter in algorithm.parameterDefinitions():
            if not parameter.isDestination() and parameter.defaultValue() is not None:
                found.append((algorithm, parameter))
    return found


def test_there_are_parameters_with_defaults(dataterra_provider):
    assert len(defaulted_parameters(dataterra_provider)) > 50


def test_every_parameter_with_a_default_may_be_left_out(dataterra_provider):
    context = QgsProcessingContext()
    refused, differ = [], []
    for algorithm, parameter in defaulted_parameters(dataterra_provider):
        name = f"{algorithm.id()} {parameter.name()} ({parameter.type()})"
        # what processing.run and qgis_process check for each parameter before running
        if not parameter.checkValueIsAcceptable(None, context):
            refused.append(name)
        reader = getattr(algorithm, READERS.get(parameter.type(), "parameterAsString"))
        omitted = comparable(reader({}, parameter.name(), context))
        given = comparable(reader({parameter.name(): parameter.defaultValue()}, parameter.name(), context))
        if omitted != given:
            differ.append(f"{name}: read {omitted!r} when left out, {given!r} when given its default")
    assert not refused, "refused when left out although they have a default:\n" + "\n".join(refused)
    assert not differ, "\n".join(differ)


def test_spectral_species_expert_settings_are_advanced(dataterra_provider):
    """Issue 16: the dialog showed every k-means and filter setting at the same level."""
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("dataterra:spectral_species")
    advanced = {p.name() for p in algorithm.parameterDefinitions() if p.flags() & p.FlagAdvanced}
    assert advanced == {"SHADE_NIR_MIN", "CLOUD_BLUE_MAX", "IQR_WEIGHT", "CONTINUUM_REMOVAL", "SAMPLE_SIZE",
                        "COMPONENTS", "VARIANCE", "N_ITER", "SEED", "DASK_SCHEDULER"}


def test_help_buttons_open_the_bundled_page_of_each_area(dataterra_provider):
    """Issue 16: the help URL pointed to a site that does not exist."""
    from pathlib import Path

    from qgis.PyQt.QtCore import QUrl

    pages = {}
    for algorithm in dataterra_provider.algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile() and Path(url.toLocalFile()).is_file(), (algorithm.id(), algorithm.helpUrl())
        pages[algorithm.id()] = Path(url.toLocalFile()).name
    assert (pages["dataterra:effective_mesh_size"], pages["dataterra:cost_distance"],
            pages["dataterra:spectral_species"], pages["dataterra:catalog_search"],
            pages["dataterra:download_features"], pages["dataterra:dinamis_request_package"]) == (
        "fragscape.md", "biodispersal.md", "biodivmap.md", "catalog.md", "ogc.md", "dinamis.md")


def test_toolbox_group_shortcut_lists_only_the_plugin_algorithms_of_the_group(dataterra_provider):
    """Issue 16: the menu's "Connectivity tools" typed "Connectivity" in the toolbox search,
    which lists other providers' algorithms too."""
    from qgis.core import QgsApplication
    from qgis.gui import QgsProcessingToolboxModel, QgsProcessingToolboxProxyModel

    from dataterra.dataterra_plugin.algorithm_base import group_tag

    model = QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())
    model.setFilterString(group_tag("connectivity"))

    def listed(parent):
        found = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            algorithm_id = model.data(index, QgsProcessingToolboxModel.RoleAlgorithmId)
            found += [algorithm_id] if algorithm_id else listed(index)
        return found

    expected = {a.id() for a in dataterra_provider.algorithms() if a.groupId() == "connectivity"}
    assert len(expected) >= 5 and set(listed(model.index(-1, -1))) == expected
