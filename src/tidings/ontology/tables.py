"""Load the ontology tables and answer: which CAMEO root, Goldstein score and QuadClass for a code."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml


@dataclass(frozen=True, slots=True)
class CameoRoot:
    root: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    plover: str
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True)
class Ontology:
    plover: dict[str, dict[str, object]]
    roots: dict[str, CameoRoot]
    cameo: dict[str, CameoCode]

    def plover_of(self, code: str | None) -> CameoCode | None:
        """The PLOVER type of a CAMEO code, by its longest listed prefix ("0871" → "087" → "08")."""
        code = (code or "").strip()
        for k in range(len(code), 1, -1):
            hit = self.cameo.get(code[:k])
            if hit is not None:
                return hit
        return None

    def default_cameo(self, plover_type: str) -> str | None:
        entry = self.plover.get(plover_type)
        return str(entry["cameo"]) + "0" if entry else None

    def root_of(self, cameo: str | None) -> CameoRoot | None:
        return self.roots.get(cameo[:2]) if cameo else None


def _text(name: str) -> str:
    return (resources.files("tidings.ontology") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    plover = load_yaml(_text("plover.yaml")) or {}
    rows = [ln for ln in _text("cameo_roots.csv").splitlines() if ln and not ln.startswith("#")]
    roots: dict[str, CameoRoot] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(rows))), 2):
        try:
            roots[row["root"]] = CameoRoot(row["root"], row["name"], float(row["goldstein"]), int(row["quad_class"]))
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"ontology/data/cameo_roots.csv:{n}: {exc}") from exc
    cameo: dict[str, CameoCode] = {}
    rows = [ln for ln in _text("cameo.csv").splitlines() if ln and not ln.startswith("#")]
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(rows))), 2):
        code, kind = (row.get("cameo") or "").strip(), (row.get("plover") or "").strip()
        if kind not in plover:
            raise DataFileError(f"ontology/data/cameo.csv:{n}: {kind!r} is not a PLOVER type")
        cameo[code] = CameoCode(
            code, kind, (row.get("mode") or "").strip() or None, (row.get("context") or "").strip() or None
        )
    return Ontology(plover, roots, cameo)
