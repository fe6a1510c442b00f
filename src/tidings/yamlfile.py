"""Read the package's YAML data files with libyaml's parser when PyYAML was built with it.

``yaml.safe_load`` parses in pure Python: the knowledge base, lexicons and word lists took over
half a second of every process's start. The C parser feeds the same safe constructor, so the
values are the same (tests/test_yamlfile.py compares the two on every data file).
"""

from __future__ import annotations

from typing import Any

import yaml

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The value of a YAML document, as ``yaml.safe_load`` gives it."""
    return yaml.load(text, Loader=LOADER)
