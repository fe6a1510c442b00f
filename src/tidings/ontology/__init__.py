"""PLOVER types and CAMEO roots with Goldstein scores and QuadClass (data files + loader)."""

from tidings.ontology.tables import CameoRoot, Ontology, load_ontology

__all__ = ["CameoRoot", "Ontology", "load_ontology"]
