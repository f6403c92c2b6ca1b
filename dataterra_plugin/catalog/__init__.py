"""Catalogue browsing of the Data Terra hubs."""
