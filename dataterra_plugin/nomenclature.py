"""Land-cover nomenclatures (OSO, Corine Land Cover) read from resources/ (no qgis import)."""
import csv
from dataclasses import dataclass
from functools import cache

from .paths import RESOURCES

NOMENCLATURES = {"oso": "nomenclature_oso.csv", "clc": "nomenclature_clc.csv"}


@dataclass(frozen=True)
class LandCoverClass:
    code: int
    label_fr: str
    label_en: str
    color: str
    natural: bool

    def label(self, language: str = "en") -> str:
        return self.label_fr if language == "fr" else self.label_en


@cache
def load(name: str) -> tuple:
    """The classes of nomenclature ``name`` ("oso" or "clc"), in code order."""
    if name not in NOMENCLATURES:
        raise ValueError(f"Unknown nomenclature {name!r}; choose one of {', '.join(NOMENCLATURES)}.")
    with open(RESOURCES / NOMENCLATURES[name], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        LandCoverClass(int(r["code"]), r["label_fr"], r["label_en"], r["color"], r["natural"] == "1")
        for r in rows
    )


def natural_codes(name: str) -> list:
    """Codes of the natural and semi-natural classes (the habitat presets)."""
    return [c.code for c in load(name) if c.natural]


def by_code(name: str) -> dict:
    return {c.code: c for c in load(name)}
