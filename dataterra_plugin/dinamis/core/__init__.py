"""Pure DINAMIS cores (no qgis import): rules and eligibility, AOI checks, ordering
protocol client and reference server, order book, request package."""
