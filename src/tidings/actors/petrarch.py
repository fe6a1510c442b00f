"""Read the field's dictionary format: TABARI/PETRARCH ``.actors.txt`` and ``.agents.txt`` files.

Actors: an entry is ``NAME [CODE]``, or ``NAME`` followed by ``+SYNONYM`` lines and indented code
lines. Underscores join words; a trailing underscore asks for the exact word, otherwise the last
word is a stem ("ARGENTIN" matches "Argentina" and "Argentine"). A code may carry a date
restriction: ``[CODE <yymmdd]`` (before), ``[CODE >yymmdd]`` (from), ``[CODE yymmdd-yymmdd]``;
dates have 6 or 8 digits. ``#`` starts a comment; ``<!-- ... -->`` lines are comments too. Codes
made only of ``-``, ``+`` or ``#`` are the format's "do not code" markers and are skipped. An
undated code beside dated ones is the entry's default: it holds whenever no dated code does. A code
whose date restriction cannot be read (``[ARMUNR 9008223-911221]``) is skipped rather than read as
undated, which would make a term of office last for ever.

Agents: ``WORD [~SEC]`` (a role word giving a sector) or ``WORD [SEC~]``; ``{PLURAL}`` lists
irregular plurals; ``!MACRO! = A, B`` lines define substitutions used in later words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# Leading three letters of a code that name a kind of actor rather than a state.
NON_STATE = {"IGO", "NGO", "NGM", "IMG", "MNC", "UNO", "REB", "INS", "PTY", "UAF", "SPY", "EEC", "IMF", "G77"}
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = r"(\d{6}|\d{8})"
_RANGE = re.compile(rf"^\s*{_DATE}\s*-\s*{_DATE}\s*$")
_BEFORE = re.compile(rf"^\s*<\s*{_DATE}\s*$")
_AFTER = re.compile(rf"^\s*>\s*{_DATE}\s*$")


@dataclass(frozen=True, slots=True)
class CodedSpan:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None  # exclusive


@dataclass
class ActorEntry:
    names: list[str] = field(default_factory=list)  # as written: words joined by "_"
    codes: list[CodedSpan] = field(default_factory=list)


def _day(text: str) -> date:
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    yy = int(text[:2])
    # Two-digit years: PETRARCH2's Phoenix files write years before 1931 with four digits
    # (births such as 19270101) and 31-99 for 1931-1999, so 00-30 are this century.
    return date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))


def _coded(inside: str) -> CodedSpan | None:
    parts = inside.strip().split(None, 1)
    if not parts:
        return None
    code = parts[0].split("/")[0].strip().upper()  # "ELR/GAL": the first of alternatives
    if not code or set(code) <= set("-+#"):
        return None
    rest = parts[1] if len(parts) > 1 else ""
    try:
        if (m := _RANGE.match(rest)) is not None:  # the format's ranges include their last day
            return CodedSpan(code, _day(m.group(1)), _day(m.group(2)) + timedelta(days=1))
        if (m := _BEFORE.match(rest)) is not None:
            return CodedSpan(code, None, _day(m.group(1)))
        if (m := _AFTER.match(rest)) is not None:
            return CodedSpan(code, _day(m.group(1)), None)
    except ValueError:  # a day that does not exist ("020230")
        return None
    if any(c.isdigit() for c in rest):
        return None  # a restriction that cannot be read: not a default for all time
    return CodedSpan(code)


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return line.split("#", 1)[0].rstrip()


def parse_actors(text: str) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        codes = [c for c in (_coded(m) for m in _CODE.findall(line)) if c is not None]
        had_code = bool(_CODE.search(line))
        name = _CODE.sub("", line).strip()
        if line[:1] in (" ", "\t") and not name:  # an indented code line of the current entry
            if current is not None:
                current.codes.extend(codes)
            continue
        if name.startswith("+"):
            if current is not None:
                current.names.append(name[1:].strip())
                current.codes.extend(codes)
            continue
        name = name.split("{", 1)[0].strip()
        if not name:
            continue
        current = ActorEntry([name], codes)
        if had_code and not codes:
            current.codes = []  # a "do not code" entry: kept so its synonyms attach to it, then dropped
        entries.append(current)
    return [e for e in entries if e.codes]


def parse_agents(text: str) -> dict[str, str]:
    """Role word (lower case, spaces) → sector code (three letters)."""
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if (m := re.match(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", line)) is not None:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        found = _CODE.search(line)
        if found is None:
            continue
        code = found.group(1).strip().split()[0] if found.group(1).strip() else ""
        sector = code.replace("~", "")[:3].upper()
        if len(sector) != 3 or not sector.isalpha():
            continue
        head = line[: found.start()]
        plurals = re.findall(r"\{([^}]*)\}", head)
        word = re.sub(r"\{[^}]*\}", "", head).strip()
        words = [word, *(p.strip() for p in plurals if p.strip())]
        for w in words:
            for expanded in _expand(w, macros):
                out[expanded.replace("_", " ").strip().lower()] = sector
    return {k: v for k, v in out.items() if k}


def _expand(word: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", word)
    if m is None or m.group(0) not in macros:
        return [word]
    return [x for sub in macros[m.group(0)] for x in _expand(word.replace(m.group(0), sub, 1), macros)]


def to_records(entries: list[ActorEntry], source: str) -> list[dict[str, object]]:
    """Entries in tidings' import format (``actors/data/imported`` YAML): one record per entry."""
    out: list[dict[str, object]] = []
    for e in entries:
        first = e.codes[0].code
        dated = any(c.start or c.end for c in e.codes)
        rec: dict[str, object] = {"code": first, "names": e.names}
        if dated:
            rec["terms"] = [
                {
                    "code": c.code,
                    "from": c.start.isoformat() if c.start else None,
                    "to": c.end.isoformat() if c.end else None,
                }
                for c in e.codes
            ]
        out.append(rec)
    return out


def import_file(path: Path) -> tuple[str, dict[str, object]]:
    """(kind, document) for a dictionary file: kind is ``actors`` or ``agents`` (from the name or content)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    name = path.name.lower()
    if "agent" in name or (re.search(r"\[~|~\]", text) and "actor" not in name):
        return "agents", {"source": str(path), "agents": parse_agents(text)}
    return "actors", {"source": str(path), "actors": to_records(parse_actors(text), str(path))}


def import_into(path: Path, folder: Path) -> tuple[str, int, Path]:
    """Convert one dictionary file into ``folder/<stem>.yaml`` (what ``load_kb`` reads later):
    (kind, how many entries, the file written)."""
    import yaml

    kind, doc = import_file(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.name.removesuffix('.txt')}.yaml"
    header = f"# Imported by `tidings actors import` from {path.name}; re-import to refresh.\n"
    target.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    entries = doc[kind]
    return kind, len(entries) if isinstance(entries, list | dict) else 0, target
