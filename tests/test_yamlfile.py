"""The package's YAML data files read the same with libyaml's parser as with PyYAML's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tidings.yamlfile import LOADER, load_yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tidings"
DATA_FILES = sorted(PACKAGE.rglob("*.yaml"))


def test_the_package_has_data_files() -> None:
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_data_file_reads_as_safe_load_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_yaml_types_read_as_safe_load_reads_them() -> None:
    text = "a: 1\nb: 1.5\nc: yes\nd: 2021-10-09\ne: null\nf: [x, 'y', \"z\"]\ng: 0o17\nh: ~\ni: 'on'\n"
    assert load_yaml(text) == yaml.safe_load(text)
    assert load_yaml(text)["c"] is True


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
def test_the_c_parser_is_used_where_pyyaml_has_it() -> None:
    assert LOADER is yaml.CSafeLoader
