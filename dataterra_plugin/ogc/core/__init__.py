"""Pure OGC cores (no qgis import): safe XML, capabilities model, request builders,
coverage and feature downloads."""
