"""Demo step: open FragScape's own Clermontais CUT project and run it with the plugin.

FragScape's sample project (``EPCI_Clermontais_2012_CUT.xml``) names its layers
``../Source/...``, relative to the XML's folder (its Windows workspace does not exist here).
The step lays out that folder tree from the bundled sample data, reads the project with the
plugin's reader (what it could not map is logged), runs it with
``dataterra:run_fragscape_project`` and writes the per-commune table and a map.
"""
import csv
import shutil
from pathlib import Path

TITLE = "Opening FragScape's Clermontais CUT project (dataterra:run_fragscape_project)"

ROOT = Path(__file__).resolve().parent.parent
PROJECT_XML = ROOT / "tests" / "data" / "fragscape" / "projects" / "EPCI_Clermontais_2012_CUT.xml"
TABLE_FIELDS = ("INSEE_COM", "NOM_COM", "meff_ha", "habitat_ha", "n_patches")


def lay_out_project(sample_dir, folder):
    """FragScape's layout: <folder>/Source = the sample data, <folder>/CUT/<project>.xml; the XML's path."""
    shutil.copytree(sample_dir, folder / "Source", dirs_exist_ok=True)
    (folder / "CUT").mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(PROJECT_XML, folder / "CUT" / PROJECT_XML.name))


def write_table(results_path, csv_path):
    """The per-commune results (meff, habitat area, patches) as CSV, by INSEE code."""
    from qgis.core import QgsVectorLayer

    features = sorted(QgsVectorLayer(str(results_path), "results", "ogr").getFeatures(),
                      key=lambda feature: feature["INSEE_COM"])
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(TABLE_FIELDS)
        for feature in features:
            writer.writerow([f"{feature[name]:.6g}" if isinstance(feature[name], float) else feature[name]
                             for name in TABLE_FIELDS])
    return csv_path


def run(ctx):
    import processing
    from step_20_fragscape import write_map

    from dataterra.dataterra_plugin.i18n import error_text
    from dataterra.fragscape.project import read_project

    sample_dir = Path(ctx.sample["clc"]).parent.parent
    xml = lay_out_project(sample_dir, ctx.output / "clermontais_fragscape")
    project = read_project(xml)
    ctx.log(f"{xml.relative_to(ctx.output)}: {project.mode}, {project.method}, "
            f"{len(project.habitat_classes)} habitat classes, {len(project.fragmenting)} fragmenting layers")
    for note in project.unmapped:
        ctx.log(f"not mapped: {error_text(note)}")
    result = processing.run("dataterra:run_fragscape_project", {
        "PROJECT": str(xml), "OUTPUT_FOLDER": str(ctx.output / "results")}, feedback=ctx.feedback)
    table = write_table(result["OUTPUT"], ctx.output / "meff_per_commune.csv")
    written = [table, result["OUTPUT"]]
    written.append(write_map(result["OUTPUT"], ctx.output / "meff_per_commune.png",
                             "FragScape project EPCI_Clermontais_2012_CUT: effective mesh size (ha)"))
    return written
