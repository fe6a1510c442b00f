"""Load the ontology tables and answer: which CAMEO root, Goldstein score and QuadClass for a code."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from tidings.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CameoRoot:
    root: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class Ontology:
    plover: dict[str, dict[str, object]]
    roots: dict[str, CameoRoot]

    def default_cameo(self, plover_type: str) -> str | None:
        entry = self.plover.get(plover_type)
        return str(entry["cameo"]) + "0" if entry else None

    def root_of(self, cameo: str | None) -> CameoRoot | None:
        return self.roots.get(cameo[:2]) if cameo else None


def _text(name: str) -> str:
    return (resources.files("tidings.ontology") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    plover = yaml.safe_load(_text("plover.yaml")) or {}
    rows = [ln for ln in _text("cameo_roots.csv").splitlines() if ln and not ln.startswith("#")]
    roots: dict[str, CameoRoot] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(rows))), 2):
        try:
            roots[row["root"]] = CameoRoot(row["root"], row["name"], float(row["goldstein"]), int(row["quad_class"]))
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"ontology/data/cameo_roots.csv:{n}: {exc}") from exc
    return Ontology(plover, roots)
