"""A study's configuration saved in the QGIS project, so it can be re-run identically."""
import json

from qgis.core import QgsProject

SCOPE = "dataterra"


def save_study(key, config, project=None):
    """Store ``config`` (JSON-serialisable dict) under ``key`` in the project file."""
    (project or QgsProject.instance()).writeEntry(SCOPE, key, json.dumps(config, sort_keys=True))


def load_study(key, project=None):
    """The configuration stored under ``key``, or None when the project has none."""
    text, found = (project or QgsProject.instance()).readEntry(SCOPE, key, "")
    if not found or not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None  # a hand-edited or damaged entry: start from the defaults
