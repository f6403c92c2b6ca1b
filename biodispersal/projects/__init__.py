"""Project files of other tools read into the plugin's own parameters (translation layer, no qgis)."""
