"""The table cache: a table built once is read back from disk, and never when what it is built from
has changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.tablecache import Key, cache_dir, cached


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "cache"
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(out))
    return out


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_read(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.csv"
    source.write_text("a,b\n", encoding="utf-8")
    calls, build = _counting({"words": ["a", "b"], "n": 2})
    first = cached(Key("words").files([source]), build)
    second = cached(Key("words").files([source]), build)
    assert first == second == {"words": ["a", "b"], "n": 2}
    assert calls == [1]
    assert [p.name.startswith("words-") for p in folder.iterdir()] == [True]


def test_a_changed_source_rebuilds_and_replaces_the_old_file(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.csv"
    source.write_text("a\n", encoding="utf-8")
    assert cached(Key("words").files([source]), lambda: "old") == "old"
    source.write_text("a\nb\n", encoding="utf-8")
    assert cached(Key("words").files([source]), lambda: "new") == "new"
    assert cached(Key("words").files([source]), lambda: "never") == "new"
    assert len(list(folder.glob("words-*.pickle"))) == 1
    # a package's version and a plain string are part of the key too
    assert Key("t").packages("numpy").digest() != Key("t").packages("pyyaml").digest()
    assert Key("t").add("a").digest() != Key("t").add("b").digest()


def test_an_unreadable_file_is_rebuilt(folder: Path) -> None:
    assert cached(Key("broken"), lambda: [1, 2, 3]) == [1, 2, 3]
    (path,) = folder.glob("broken-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert cached(Key("broken"), lambda: [4]) == [4]


def test_off_builds_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert cache_dir() is None
    calls, build = _counting(7)
    assert cached(Key("x"), build) == cached(Key("x"), build) == 7
    assert calls == [1, 1]
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "tidings"


def test_an_unwritable_cache_still_gives_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    assert cached(Key("x"), lambda: "built") == "built"


def test_the_knowledge_base_and_gazetteer_read_back_as_built(folder: Path) -> None:
    from tidings.actors import gazetteer, kb

    kb.load_kb.cache_clear()
    try:
        built = kb.load_kb()  # built and stored
        kb.load_kb.cache_clear()
        read = kb.load_kb()  # read back
    finally:
        kb.load_kb.cache_clear()
    assert read is not built
    assert [(a.text, a.how, a.entity.entity_id) for a in read.aliases] == [
        (a.text, a.how, a.entity.entity_id) for a in built.aliases
    ]
    assert read.entities == built.entities and read.agents == built.agents and read.stems == built.stems
    assert {p.name.split("-")[0] for p in folder.glob("*.pickle")} == {"actors"}
    gazetteer._index.cache_clear()
    try:
        fresh = gazetteer._build_index()
        assert gazetteer._index() == fresh  # stored
        gazetteer._index.cache_clear()
        assert gazetteer._index() == fresh  # read back
    finally:
        gazetteer._index.cache_clear()
