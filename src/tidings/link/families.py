"""Near-duplicate reports: reprints and lightly edited wire copy form one report family.

Each report's cleaned text is cut into word shingles (``SHINGLE`` words in a row, lower-cased)
and summarised by a MinHash signature (datasketch's, computed here: importing datasketch imports
SciPy's integrators, half a second of every run's start; tests/test_link_families.py checks the
signatures and the bands against datasketch's own); the signature's LSH bands are stored, so a
new report finds its candidate near-duplicates by a join on the band keys, in the store, without
recomputing anything already there. A candidate whose estimated Jaccard similarity of shingles
reaches ``THRESHOLD`` is a near-duplicate; families are the connected groups of near-duplicates,
and the earliest member (by publication date, then by when it was stored) is canonical.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import numpy as np

# Four words in a row: long enough that two different stories on one topic share few shingles
# ("the foreign minister said"), short enough that an added sentence or a changed paragraph
# leaves most of a reprint's shingles intact.
SHINGLE = 4
# Estimated Jaccard similarity of shingles at which two reports are near-duplicates: a reprint
# with a changed headline, an added sentence or a trimmed last third stays well above it; two
# outlets telling one meeting in their own words fall far below it (tests/test_link_families.py).
THRESHOLD = 0.5
NUM_PERM = 128
LSH_WEIGHTS = (0.1, 0.9)  # (false positive, false negative)
SEED = 1
SCHEME = "affine32"  # datasketch 2's 32-bit scheme: signatures fit UINTEGER[]

_WORD = re.compile(r"\w+")


# MurmurHash3's 32-bit finalizer (shifts and multipliers), as datasketch pre-mixes a hash.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)
# (number of bands, rows per band) that datasketch's MinHashLSH chooses for THRESHOLD, NUM_PERM and
# LSH_WEIGHTS (a missed near-duplicate weighs nine times a needless candidate, which is checked on
# the full signature anyway): 32 bands of 4 rows find a pair at similarity 0.6 99% of the time.
BANDS = (32, 4)


@lru_cache(maxsize=1)
def permutations() -> tuple[np.ndarray[Any, np.dtype[np.uint32]], np.ndarray[Any, np.dtype[np.uint32]]]:
    """The affine permutations h -> a·h + b (mod 2^32) of datasketch's MinHash(num_perm=NUM_PERM,
    seed=SEED, scheme=SCHEME): ``a`` odd, both drawn from NumPy's RandomState(SEED)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def bands() -> tuple[int, int]:
    """(number of bands, rows per band) of the LSH index: ``BANDS``."""
    return BANDS


def shingles(text: str) -> list[bytes]:
    """The text's distinct word shingles (a text shorter than a shingle is one shingle)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def signature(text: str) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """The MinHash signature of the text's shingles (same text, same signature, on any machine):
    each shingle's SHA-1 (its first four bytes, little-endian), pre-mixed by MurmurHash3's
    finalizer, through every permutation; the least value of each permutation."""
    hashes = [int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in shingles(text)]
    if not hashes:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = np.array(hashes, dtype=np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = permutations()
    out: np.ndarray[Any, np.dtype[np.uint32]] = np.minimum(np.full(NUM_PERM, _EMPTY, dtype=np.uint32), (hv * a + b).min(axis=0))
    return out


def band_keys(sig: np.ndarray[Any, np.dtype[np.uint32]]) -> list[int]:
    """One 64-bit key per LSH band: two reports that share a key are candidates."""
    b, r = bands()
    out = []
    for i in range(b):
        digest = hashlib.blake2b(sig[i * r : (i + 1) * r].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def similarity(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True, slots=True)
class FamilyUpdate:
    signed: int  # reports signed and put into families
    merged: dict[str, str]  # family id merged away -> the family it was merged into


def link_families(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> FamilyUpdate:
    """Sign the reports not signed yet (of ``doc_ids`` when given: the reports a batch stored;
    else of the whole store), and put each into a family (joining or merging existing ones).
    Runs inside the caller's transaction."""
    if doc_ids is None:
        new = con.execute(
            "SELECT doc_id, text FROM documents ANTI JOIN doc_minhash USING (doc_id) ORDER BY doc_id"
        ).fetchall()
    else:
        new = con.execute(
            "SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id) AND doc_id NOT IN "
            "(SELECT doc_id FROM doc_minhash WHERE list_contains(?, doc_id)) ORDER BY doc_id",
            [doc_ids, doc_ids],
        ).fetchall()
    if not new:
        return FamilyUpdate(0, {})
    sigs = {doc_id: signature(text) for doc_id, text in new}
    b, _ = bands()
    # Rows are bound as one list per column and unnested (no Arrow tables: making one from Python
    # objects imports pandas, a third of a second of every process's start).
    con.execute(
        "INSERT INTO doc_minhash SELECT unnest($1::VARCHAR[]), CAST(unnest($2::BIGINT[][]) AS UINTEGER[])",
        [list(sigs), [s.tolist() for s in sigs.values()]],
    )
    keys = [band_keys(s) for s in sigs.values()]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE lk_new_bands AS "
        "SELECT unnest($1::BIGINT[]) AS band, unnest($2::BIGINT[]) AS key, unnest($3::VARCHAR[]) AS doc_id",
        [[i for k in keys for i in range(b)], [x for k in keys for x in k], [d for d in sigs for _ in range(b)]],
    )
    try:
        con.execute("INSERT INTO doc_bands SELECT CAST(band AS SMALLINT), key, doc_id FROM lk_new_bands")
        pairs = con.execute(
            "SELECT DISTINCT n.doc_id, o.doc_id FROM lk_new_bands n JOIN doc_bands o "
            "ON o.band = n.band AND o.key = n.key AND o.doc_id <> n.doc_id"
        ).fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS lk_new_bands")
    partners = {o for _, o in pairs if o not in sigs}
    if partners:
        for doc_id, sig in con.execute(
            "SELECT doc_id, signature FROM doc_minhash WHERE list_contains(?, doc_id)", [sorted(partners)]
        ).fetchall():
            sigs[doc_id] = np.asarray(sig, dtype=np.uint32)
    union = _Union()
    for doc_id, _ in new:
        union.find(doc_id)
    for a, o in pairs:
        if similarity(sigs[a], sigs[o]) >= THRESHOLD:
            union.union(a, o)
    merged = _assign(con, union, {d for d, _ in new}, partners)
    return FamilyUpdate(len(new), merged)


def _assign(con: duckdb.DuckDBPyConnection, union: _Union, new: set[str], partners: set[str]) -> dict[str, str]:
    """Write the families of the new reports: a group that reaches existing families joins the
    first of them (by id), and the others it bridges are merged into it (returned: merged -> kept)."""
    existing: dict[str, str] = {}
    if partners:
        existing = dict(
            con.execute(
                "SELECT doc_id, family_id FROM doc_families WHERE list_contains(?, doc_id)", [sorted(partners)]
            ).fetchall()
        )
    groups: dict[str, list[str]] = {}
    for doc_id in union.parent:
        groups.setdefault(union.find(doc_id), []).append(doc_id)
    rows: list[tuple[str, str]] = []
    touched: set[str] = set()
    merged: dict[str, str] = {}
    for members in groups.values():
        old = sorted({existing[d] for d in members if d in existing})
        family = old[0] if old else min(members)
        for gone in old[1:]:
            con.execute("UPDATE doc_families SET family_id = ? WHERE family_id = ?", [family, gone])
            con.execute("DELETE FROM families WHERE family_id = ?", [gone])
            merged[gone] = family
        rows.extend((d, family) for d in members if d in new)
        touched.add(family)
    con.execute(
        "INSERT INTO doc_families SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]) ON CONFLICT DO NOTHING",
        [[r[0] for r in rows], [r[1] for r in rows]],
    )
    _refresh(con, touched)
    return merged


def _refresh(con: duckdb.DuckDBPyConnection, family_ids: Iterable[str]) -> None:
    """Recompute the canonical report and size of these families."""
    ids = sorted(family_ids)
    con.execute("DELETE FROM families WHERE list_contains(?, family_id)", [ids])
    con.execute(
        """
        INSERT INTO families
        SELECT f.family_id,
               arg_min(f.doc_id, (d.published IS NULL, d.published, d.stored_at, f.doc_id)) AS canonical_doc_id,
               count(*) AS size
        FROM doc_families f JOIN documents d USING (doc_id)
        WHERE list_contains(?, f.family_id)
        GROUP BY f.family_id
        """,
        [ids],
    )
