"""DINAMIS very high resolution imagery: eligibility, requests, order book."""
