"""Tables built once and kept on disk: what a process would otherwise rebuild from its sources on
every start (the knowledge base from its CSV and YAML files, the gazetteer from GeoNames' JSON).

A table is stored as a pickle in the user's cache directory (``$TIDINGS_CACHE_DIR``, else
``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``), under a name made from a hash of
everything it is built from: tidings' version, the Python version, and the bytes of the source
files and the versions of the packages the caller names. A changed data file, a user's file added
to the actors directory or an upgraded package gives another name, so a stale table is never read;
the older file of that table is removed when the new one is written. A file that cannot be read
(missing, truncated, written by another version of a package) is rebuilt. ``TIDINGS_CACHE_DIR=off``
turns the cache off. The directory is the user's own, as the actors directory is: what is read
there is trusted as that is.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

T = TypeVar("T")

OFF = "off"


def cache_dir() -> Path | None:
    """Where tables are kept, or None when the cache is off."""
    given = os.environ.get("TIDINGS_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in (OFF, "") else Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


class Key:
    """What a table is built from, hashed as it is given."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._hash = hashlib.sha256()
        self.add(name, package_version("tidings"), sys.version)

    def add(self, *parts: str) -> Key:
        for part in parts:
            self.add_bytes(part.encode("utf-8"))
        return self

    def add_bytes(self, data: bytes) -> Key:
        self._hash.update(len(data).to_bytes(8, "big"))
        self._hash.update(data)
        return self

    def files(self, paths: Iterable[Path]) -> Key:
        """The names and bytes of these files (a missing one counts as missing)."""
        for path in paths:
            self.add(str(path))
            try:
                self.add_bytes(path.read_bytes())
            except OSError:
                self.add("<missing>")
        return self

    def tree(self, folder: Path, pattern: str = "*") -> Key:
        """Every file under ``folder`` whose name matches ``pattern``, in a fixed order."""
        if folder.is_dir():
            self.files(sorted(p for p in folder.rglob(pattern) if p.is_file()))
        else:
            self.add(str(folder), "<none>")
        return self

    def source(self) -> Key:
        """tidings' own code: a table is what the code of the day builds, whatever the version says."""
        return self.tree(Path(__file__).resolve().parent, "*.py")

    def packages(self, *names: str) -> Key:
        return self.add(*(f"{n}=={package_version(n)}" for n in names))

    def digest(self) -> str:
        return self._hash.hexdigest()[:24]


def cached(key: Key, build: Callable[[], T]) -> T:
    """The table ``build`` makes, read from the cache when it holds one made from the same
    sources, else built and stored there (a cache that cannot be written is passed over)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{key.name}-{key.digest()}.pickle"
    try:
        with path.open("rb") as fh:
            return cast(T, _load(fh))
    except Exception:  # none yet, or a truncated or foreign file: build it
        pass
    value = build()
    _store(folder, path, key.name, value)
    return value


def _load(fh: BinaryIO) -> object:
    """Unpickle with the cycle collector paused: a table is a few hundred thousand small objects,
    none of them garbage, and the collector would walk them again and again while they load."""
    was = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if was:
            gc.enable()


def _store(folder: Path, path: Path, name: str, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # whole or not at all: another process may read it meanwhile
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
