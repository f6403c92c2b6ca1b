"""Widgets shared by the plugin's docks and dialogs."""
