"""Demo step: the Clermontais fragmentation scenario (FragScape's sample), vector and 10 m raster
(raster patches of 4-neighbour pixels, as FragScape's raster mode).

Natural and semi-natural Corine Land Cover classes inside the EPCI are habitat; paved roads
buffered by class fragment it; meff is reported per commune with CUT and CBC, in both modes.
Writes the per-commune CSV table and a PNG map of meff (CUT, vector) per commune.
"""
import csv

TITLE = "Fragmentation: effective mesh size of the Clermontais (vector and 10 m raster, CUT and CBC)"

# FragScape's documented scenario (sample_data/clermontais/README.md)
ROAD_FILTER = "\"ETAT\" = 'Revêtu'"
ROAD_BUFFER = ("CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 "
               "WHEN \"VOCATION\" = 'Liaison principale' THEN 22.5 "
               "WHEN \"VOCATION\" = 'Liaison régionale' THEN 15 "
               "WHEN \"VOCATION\" = 'Liaison locale' THEN 7.5 ELSE 0 END")
CLC_PRESET = 2  # Corine Land Cover natural and semi-natural classes
RESOLUTION = 10.0


def run_scenario(sample, folder, feedback):
    """Run the four algorithms; returns {(mode, method): effective_mesh_size output path}."""
    import processing

    def run(algorithm, parameters):
        return processing.run(f"dataterra:{algorithm}", parameters, feedback=feedback)

    roads = run("fragmenting_elements", {
        "INPUT": str(sample["roads"]), "FILTER": ROAD_FILTER, "BUFFER": ROAD_BUFFER,
        "OUTPUT": str(folder / "roads_buffered.gpkg")})["OUTPUT"]
    common = {"LANDCOVER": str(sample["clc"]), "CLASS_FIELD": "CODE_12", "PRESET": CLC_PRESET,
              "FRAGMENTING": [roads], "STUDY_AREA": str(sample["epci"]), "RESOLUTION": RESOLUTION}
    landscapes = {
        "vector": run("prepare_landscape", {**common, "MODE": 0,
                                            "OUTPUT": str(folder / "habitat_patches.gpkg")})["OUTPUT"],
        "raster": run("prepare_landscape", {**common, "MODE": 1,
                                            "OUTPUT_RASTER": str(folder / "habitat_10m.tif")})["OUTPUT_RASTER"],
    }
    outputs = {}
    for mode, landscape in landscapes.items():
        for index, method in enumerate(("CUT", "CBC")):
            path = folder / f"meff_{mode}_{method.lower()}.gpkg"
            # raster patches with the default CONNECTIVITY: 4 neighbours, FragScape's raster rule
            run("effective_mesh_size", {"INPUT": landscape, "REPORTING": str(sample["communes"]), "METHOD": index,
                                        "OUTPUT": str(path)})
            outputs[(mode, method)] = str(path)
    return outputs, landscapes


def per_commune_table(outputs):
    """{INSEE_COM: row dict} with meff (ha) of every mode and method."""
    from qgis.core import QgsVectorLayer

    rows = {}
    for (mode, method), path in outputs.items():
        for feature in QgsVectorLayer(path, "meff", "ogr").getFeatures():
            row = rows.setdefault(feature["INSEE_COM"], {"INSEE_COM": feature["INSEE_COM"],
                                                         "NOM_COM": feature["NOM_COM"]})
            row[f"meff_ha_{mode}_{method.lower()}"] = feature["meff_ha"]
            row[f"habitat_ha_{mode}"] = feature["habitat_ha"]
            row[f"n_patches_{mode}_{method.lower()}"] = feature["n_patches"]
    for row in rows.values():
        for method in ("cut", "cbc"):
            vector, raster = row[f"meff_ha_vector_{method}"], row[f"meff_ha_raster_{method}"]
            row[f"raster_vs_vector_{method}_pct"] = 100.0 * (raster - vector) / vector if vector else None
    return [rows[key] for key in sorted(rows)]


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (f"{v:.6g}" if isinstance(v, float) else v) for k, v in row.items()})
    return path


def write_map(meff_path, png_path, title):
    """Graduated map of meff_ha per commune (demo/mapping.py's render_map)."""
    from mapping import render_map
    from qgis.core import QgsClassificationJenks, QgsGraduatedSymbolRenderer, QgsStyle, QgsSymbol, QgsVectorLayer

    layer = QgsVectorLayer(meff_path, "meff (ha)", "ogr")
    renderer = QgsGraduatedSymbolRenderer("meff_ha")
    renderer.setSourceSymbol(QgsSymbol.defaultSymbol(layer.geometryType()))
    ramp = QgsStyle.defaultStyle().colorRamp("Greens")
    if ramp is not None:
        renderer.setSourceColorRamp(ramp)
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(layer, 5)
    if renderer.classificationMethod() is not None:  # legend in whole hectares
        renderer.classificationMethod().setLabelPrecision(0)
        renderer.updateRangeLabels()
    layer.setRenderer(renderer)
    return render_map([layer], str(png_path), title)


MIN_HABITAT_HA = 1.0  # 100 pixels at 10 m


def run(ctx):
    outputs, landscapes = run_scenario(ctx.sample, ctx.output, ctx.feedback)
    rows = per_commune_table(outputs)
    written = [write_csv(rows, ctx.output / "meff_per_commune.csv")]
    # a commune with a few habitat pixels (Usclas-d'Hérault: 0.03 ha) gives gaps of tens of % that mean nothing
    comparable = [r for r in rows if (r["habitat_ha_vector"] or 0) >= MIN_HABITAT_HA] or rows
    worst = max(comparable, key=lambda r: abs(r["raster_vs_vector_cut_pct"] or 0))
    ctx.log(f"{len(rows)} communes; largest raster/vector gap (CUT) among the {len(comparable)} with at least "
            f"{MIN_HABITAT_HA:g} ha of habitat: {worst['NOM_COM']} {worst['raster_vs_vector_cut_pct']:+.2f} %")
    try:
        written.append(write_map(outputs[("vector", "CUT")], ctx.output / "meff_per_commune.png",
                                 "Effective mesh size per commune (ha, CUT), Clermontais"))
    except ImportError:
        ctx.log("demo/mapping.py is not available on this branch yet: PNG map skipped")
    ctx.shared["fragscape"] = {"outputs": outputs, "landscapes": landscapes, "rows": rows}
    written.append(roads_effect(ctx, outputs[("vector", "CUT")]))
    return written + list(outputs.values())


def roads_effect(ctx, with_roads):
    """Scenario comparison: the same landscape without roads, then what the roads cost per commune."""
    import processing

    def run(algorithm, parameters):
        return processing.run(f"dataterra:{algorithm}", parameters, feedback=ctx.feedback)["OUTPUT"]

    habitat = run("prepare_landscape", {
        "LANDCOVER": str(ctx.sample["clc"]), "CLASS_FIELD": "CODE_12", "PRESET": CLC_PRESET,
        "STUDY_AREA": str(ctx.sample["epci"]), "MODE": 0, "OUTPUT": str(ctx.output / "habitat_without_roads.gpkg")})
    without_roads = run("effective_mesh_size", {
        "INPUT": habitat, "REPORTING": str(ctx.sample["communes"]), "METHOD": 0,
        "OUTPUT": str(ctx.output / "meff_vector_cut_without_roads.gpkg")})
    comparison = run("compare_fragmentation", {
        "BEFORE": without_roads, "AFTER": with_roads, "KEY_FIELD": "INSEE_COM",
        "OUTPUT": str(ctx.output / "roads_effect_per_commune.gpkg")})
    ctx.log("roads' effect per commune (meff without roads -> with roads) written")
    return comparison
