"""Print the user-visible labels of the plugin's data files as QT_TRANSLATE_NOOP lines, for
pylupdate5 (scripts/translations.sh): hub titles, OGC service titles, DINAMIS products,
user types, requirements, coverages, search sources and order statuses. The plugin shows
them through dataterra_plugin.i18n.data_label (context "DataTerraError", where error_text
also finds them as values of a message).

    python3 scripts/data_labels.py dinamis > labels.py
"""
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"


def order_statuses():
    """The STATUSES tuple of the order book, read without importing it (it needs GDAL)."""
    tree = ast.parse((ROOT / "dataterra_plugin" / "dinamis" / "core" / "orderbook.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "STATUSES":
            return list(ast.literal_eval(node.value))
    return []


def dinamis_labels():
    rules = json.loads((RESOURCES / "dinamis_rules.json").read_text(encoding="utf-8"))
    labels = [value["label"] for value in rules["user_types"].values()]
    labels += list(rules.get("user_groups", {}).values())
    labels += list(rules["requirements"].values())
    labels += [value["label"] for value in rules["coverages"].values()]
    labels += [value["label"] for value in rules["products"].values()]
    labels += [source["label"] for source in rules["search_sources"]]
    return labels + order_statuses()


def catalog_labels():
    hubs = json.loads((RESOURCES / "hubs.json").read_text(encoding="utf-8"))["hubs"]
    return [hub["title"] for hub in hubs]


def ogc_labels():
    services = json.loads((RESOURCES / "ogc_services.json").read_text(encoding="utf-8"))["services"]
    return [service["title"] for service in services]


AREAS = {"dinamis": dinamis_labels, "catalog": catalog_labels, "ogc": ogc_labels}


def labels(area):
    """The distinct labels of ``area`` in file order ([] for an area without data files)."""
    found = AREAS.get(area, lambda: [])()
    return list(dict.fromkeys(label for label in found if label))


def main():
    for label in labels(sys.argv[1]):
        print(f"QT_TRANSLATE_NOOP({json.dumps('DataTerraError')}, {json.dumps(label, ensure_ascii=False)})")


if __name__ == "__main__":
    main()
