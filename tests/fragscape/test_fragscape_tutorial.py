"""The tutorial's "Opening a FragScape project" (English and French) and the demo step that
runs it: the project laid out as the demo does gives, per commune, the figures both tutorials
print (to their printed precision)."""
import importlib.util
import re
from pathlib import Path

import processing
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
TUTORIALS = {"en": (ROOT / "docs" / "tutorial.md", "### Opening a FragScape project"),
             "fr": (ROOT / "docs" / "tutorial.fr.md", "### Ouvrir un projet FragScape")}
ROW = re.compile(r"^\s*\| ([A-Z][A-Z'-]+) \| ([\d.,]+) \| ([\d.,]+) \| (\d+) \|$")


def demo_step():
    path = ROOT / "demo" / "step_25_fragscape_project.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tutorial_table(language):
    """{commune: (meff_ha, habitat_ha, n_patches, meff decimals, habitat decimals)} of the section."""
    path, heading = TUTORIALS[language]
    section = path.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    rows = {}
    for match in filter(None, map(ROW.match, section.splitlines())):
        name, meff, habitat, patches = match.groups()
        meff, habitat = meff.replace(",", "."), habitat.replace(",", ".")
        rows[name] = (float(meff), float(habitat), int(patches), _decimals(meff), _decimals(habitat))
    return rows


def _decimals(text):
    return len(text.split(".")[1]) if "." in text else 0


def test_tutorial_figures_are_what_the_project_gives(dataterra_provider, sample_data, tmp_path):
    xml = demo_step().lay_out_project(Path(sample_data["clc"]).parents[1], tmp_path / "clermontais_fragscape")
    assert xml == tmp_path / "clermontais_fragscape" / "CUT" / "EPCI_Clermontais_2012_CUT.xml"
    output = processing.run("dataterra:run_fragscape_project", {
        "PROJECT": str(xml), "OUTPUT_FOLDER": str(tmp_path / "out")})["OUTPUT"]
    assert Path(output).name == "resultsCUT.gpkg"  # the project's own output name
    got = {f["NOM_COM"]: (f["meff_ha"], f["habitat_ha"], f["n_patches"])
           for f in QgsVectorLayer(output, "results", "ogr").getFeatures()}
    for language in TUTORIALS:
        table = tutorial_table(language)
        assert len(table) == 8, language
        for name, (meff, habitat, patches, meff_decimals, habitat_decimals) in table.items():
            assert abs(got[name][0] - meff) <= 0.5 * 10 ** -meff_decimals, (language, name)
            assert abs(got[name][1] - habitat) <= 0.5 * 10 ** -habitat_decimals, (language, name)
            assert got[name][2] == patches, (language, name)
