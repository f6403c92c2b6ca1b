"""Every algorithm of the provider is complete: names, group, help in English and French,
and the provider works headless and from qgis_process.bin (issue 4, items 2, 5, 7)."""
import os
import subprocess

from qgis.core import QgsApplication

from dataterra.dataterra_plugin.algorithm_base import GROUP_IDS, DataTerraAlgorithm, missing_modules
from dataterra.dataterra_plugin.i18n import install_translators
from dataterra.dataterra_plugin.provider import algorithm_classes


def test_provider_identity(dataterra_provider):
    assert dataterra_provider.id() == "dataterra"
    assert dataterra_provider.name() == "Data Terra"
    assert not dataterra_provider.icon().isNull()
    assert QgsApplication.processingRegistry().providerById("dataterra") is not None


def test_every_area_imports_and_has_algorithms(dataterra_provider):
    classes, errors = algorithm_classes()
    assert errors == {}
    assert classes, "the provider lists no algorithm"
    assert len(dataterra_provider.algorithms()) == len(classes)


def test_every_algorithm_is_documented(dataterra_provider):
    problems = []
    for algorithm in dataterra_provider.algorithms():
        name = algorithm.id()
        if not name.startswith("dataterra:") or not algorithm.name().islower():
            problems.append(f"{name}: bad id")
        if algorithm.groupId() not in GROUP_IDS:
            problems.append(f"{name}: group id {algorithm.groupId()!r}")
        if not algorithm.displayName() or algorithm.displayName() == algorithm.name():
            problems.append(f"{name}: no display name")
        if len(algorithm.shortHelpString() or "") < 80:
            problems.append(f"{name}: short help missing or too short")
        if not algorithm.parameterDefinitions():
            problems.append(f"{name}: no parameters")
        for parameter in algorithm.parameterDefinitions():
            if not parameter.description():
                problems.append(f"{name}: parameter {parameter.name()} has no description")
    assert not problems, "\n".join(problems)


def test_every_algorithm_is_translated_to_french(dataterra_provider):
    untranslated = []
    install_translators("en")
    english = {a.id(): (a.displayName(), a.shortHelpString()) for a in dataterra_provider.algorithms()}
    assert install_translators("fr") > 0
    for algorithm in dataterra_provider.algorithms():
        fresh = algorithm.createInstance()
        name_en, help_en = english[algorithm.id()]
        if fresh.shortHelpString() == help_en:
            untranslated.append(f"{algorithm.id()}: help")
        if fresh.displayName() == name_en and not name_en.isupper():
            untranslated.append(f"{algorithm.id()}: display name {name_en!r}")
    install_translators("en")
    assert not untranslated, "\n".join(untranslated)


def test_groups_show_in_french(french):
    from dataterra.dataterra_plugin.algorithm_base import group_display_name

    assert [group_display_name(g) for g in GROUP_IDS] == [
        "Fragmentation", "Connectivité", "Biodiversité", "Santé des forêts", "Catalogue"]


def test_can_execute_names_the_missing_package():
    class NeedsMissing(DataTerraAlgorithm):
        GROUP_ID = "biodiversity"
        REQUIRED_MODULES = ("numpy", "surely_not_installed_module")

        def name(self):
            return "needs_missing"

    ok, message = NeedsMissing().canExecute()
    assert not ok
    assert "surely_not_installed_module" in message and "pip install" in message
    assert missing_modules(["numpy", "scipy"]) == []


def test_qgis_process_lists_every_algorithm(dataterra_provider, qgis_process_profile):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(qgis_process_profile)}
    listed = subprocess.run(["/usr/bin/qgis_process.bin", "list"], capture_output=True, text=True,
                            env=env, timeout=300).stdout
    assert "Data Terra" in listed
    for algorithm in dataterra_provider.algorithms():
        assert algorithm.id() in listed, algorithm.id()
