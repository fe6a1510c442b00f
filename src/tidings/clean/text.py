"""Find the article body in already-extracted text that still carries a page's debris.

A crawl's plain-text dump has one block per line: navigation items, share bars, forms, teaser
lists, footers, and somewhere among them the report. Each line is judged on its own features
(known debris phrases, script tokens, length, stopword density, sentence punctuation, repeats)
and the body is the stretch of lines with the highest score (a maximum-sum segment, as jusText
weighs a block by its neighbours): prose lines add their length, navigation-like runs cost more
the longer they go on, and after a line that closes an article ("Share this", "34 Comments",
"Tags:") later prose counts for less, so comments and teasers do not outweigh the report.
Inside the body, debris lines are still dropped. Every dropped line is kept for audit as
``Span(text, reason)``. Paragraph layout (blank lines or single newlines) is kept.

Short texts with no prose line long enough to anchor a body (a single sentence, a wire brief)
keep every line that is not debris.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from tidings.errors import DataFileError
from tidings.records import Span
from tidings.yamlfile import load_yaml

# Script and style fragments: tokens that prose never has.
_SCRIPT = re.compile(
    r"document\.\w+|window\.\w+|function\s*\(|\bvar\s+\w+\s*=|=>|\}\s*\)|\.innerHTML|\.style\.|!==|===|"
    r"</?(?:div|span|p|a|script|style|img|br|iframe|ul|ol|li|strong|em|b|i|h[1-6]|table|tr|td|form|input|"
    r"button|noscript|svg|meta|link)\b[^>]*>|&(?:amp;)?lt;/?[a-z]+"
)
_CODE_CHARS = set("{};=<>()$`")
_WORD = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", '."', "''", ".”", "?”", "!”", "”", '"', ".'", "。", "…", ")")
_INVISIBLE = "\u200b\u200c\u200d\ufeff\xa0 \t"
# Reasons for lines dropped by position rather than by a pattern.
OUTSIDE = "outside-body"
REPEATED = "repeated"


@dataclass(frozen=True, slots=True)
class Weights:
    """The body finder's weights, tuned on the extraction benchmark's dev pages (text/)."""

    prose_words: int = 10  # a prose line has at least this many words ...
    prose_stop: float = 0.3  # ... and, on an English page, this share of stopwords
    long_line: int = 25  # a line this long counts as prose without closing punctuation
    medium_words: int = 3  # a sentence-like short line (subhead, Q&A) costs little
    medium_stop: float = 0.3
    medium_cost: float = 1.0
    list_words: int = 2  # a sentence-case list item counts as medium
    short_cost: float = 5.0  # a navigation-like line costs this plus one per word,
    short_per_word: float = 1.0
    run_growth: float = 0.5  # growing by half for each line of a run, up to
    run_cap: int = 3  # this many steps
    debris_cost: float = 20.0
    repeat_cost: float = 5.0
    repeat_words: int = 3  # a line this long seen earlier on the page is a repeat (a second copy)
    end_cost: float = 40.0
    after_end: float = 0.3  # weight of prose after an end-of-article line ...
    end_needs: int = 50  # ... once this many prose words came before it
    isolated: float = 0.3  # weight of a prose line with no prose neighbour (a teaser's summary)


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    debris: tuple[Rule, ...]
    end_of_article: tuple[Rule, ...]
    any_length: tuple[Rule, ...] = ()  # debris whatever the line's length (a tagged teaser headline)


def _rules(rows: object, path: str, section: str) -> tuple[Rule, ...]:
    if not isinstance(rows, list):
        raise DataFileError(f"{path}: section {section!r} must be a list of {{reason, pattern}} rows")
    out = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(Rule(re.compile(rf"\s*(?:{row['pattern']})\s*", re.IGNORECASE), str(row["reason"])))
        except (KeyError, TypeError, re.error) as exc:
            raise DataFileError(f"{path}: {section} row {n} is not a valid pattern: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("tidings.clean") / "data" / "debris.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected the sections 'debris' and 'end_of_article'")
    return Lexicon(
        _rules(data.get("debris", []), str(path), "debris"),
        _rules(data.get("end_of_article", []), str(path), "end_of_article"),
        _rules(data.get("any_length", []), str(path), "any_length"),
    )


def _match(rules: tuple[Rule, ...], line: str) -> str | None:
    for rule in rules:
        if rule.pattern.fullmatch(line):
            return rule.reason
    return None


# Lines that are debris at any length: an author's bio closing the page, a gallery caption.
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: \([^)]{1,60}\))? is (?:a|an|the) [^.]{0,80}?"
    r"\b(?i:writer|editor|reporter|correspondent|contributor|columnist|journalist|producer|author|analyst)\b"
)
_CAPTION = re.compile(
    r"^(?:\d+\s?of\s?\d+(?=[A-Z])|(?:in )?this [^,]{0,40}(?:file )?photo\b)|"
    r"\((?:AP|AFP|Reuters|Getty|EPA)[^)]{0,20}(?:Photo|Images)[^)]{0,60}\)\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"^\((?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b", re.IGNORECASE)
_AFFILIATE = re.compile(
    r"\bwe (?:may )?(?:receive|earn) (?:a )?(?:small )?(?:share|commission|affiliate)", re.IGNORECASE
)


def _verdict(stripped: str) -> tuple[str | None, bool]:
    """(reason to drop, whether the line closes an article) for a stripped, non-empty line."""
    lex = lexicon()
    # Debris phrases are short; a body sentence that merely contains "store" is never dropped.
    if len(stripped.split()) <= 12:
        reason = _match(lex.end_of_article, stripped)
        if reason:
            return reason, True
        reason = _match(lex.debris, stripped)
        if reason:
            return reason, False
    reason = _match(lex.any_length, stripped)
    if reason:
        return reason, False
    if _AUTHOR_BIO.match(stripped):
        return "author-box", True
    if _CREDIT.match(stripped):
        return "byline", True
    if _CAPTION.search(stripped):
        return "photo-credit", False
    if _AFFILIATE.search(stripped):
        return "promo", False
    hits = len(_SCRIPT.findall(stripped))
    code_share = sum(ch in _CODE_CHARS for ch in stripped) / len(stripped)
    if hits >= 2 or (hits and code_share > 0.03) or code_share > 0.12:
        return "script", False
    return None, False


def line_verdict(line: str) -> str | None:
    """The reason to drop ``line`` wherever it stands, or None when only its position can tell."""
    stripped = line.strip(_INVISIBLE)
    return _verdict(stripped)[0] if stripped else None


def _english_page(lines: list[str]) -> bool:
    words = [w.lower() for ln in lines for w in _WORD.findall(ln)]
    return bool(words) and sum(w in STOP_WORDS for w in words) / len(words) > 0.15


def _title_case(words: list[str]) -> bool:
    content = [x for x in words if len(x) >= 4 and x.isalpha()]
    return not content or sum(x[0].isupper() for x in content) / len(content) >= 0.5


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    kind: str  # blank, prose, medium, short, debris, end, repeated
    words: int
    reason: str | None = None


def _judge(text: str, english: bool, w: Weights) -> _Line:
    if not text:
        return _Line(text, "blank", 0)
    reason, closes = _verdict(text)
    words = _WORD.findall(text)
    n = len(words)
    if reason:
        return _Line(text, "end" if closes else "debris", n, reason)
    if n == 0:
        return _Line(text, "short", 0)
    if n >= 3 and sum(map(str.isupper, text)) > 0.6 * sum(map(str.isalpha, text)):
        return _Line(text, "short", n)  # an all-capitals line is a teaser headline or a label
    stop = sum(x.lower() in STOP_WORDS for x in words) / n
    ends = text.endswith(_SENTENCE_END)
    if not (english and stop < w.prose_stop) and n >= w.prose_words and (ends or n >= w.long_line):
        return _Line(text, "prose", n)
    if n >= w.medium_words and (ends or stop >= w.medium_stop):
        return _Line(text, "medium", n)
    if n >= w.list_words and not _title_case(words):
        # "Eat every 2–3 hours", "Optical heart sensor": sentence case, so an item of the body's own
        # list rather than a menu entry ("Clean Eating", "Meal Plans").
        return _Line(text, "medium", n)
    return _Line(text, "short", n)


def _isolated(lines: list[_Line]) -> set[int]:
    """Prose lines standing alone between non-prose lines: the summaries of a teaser list
    (headline, summary, headline, summary) rather than an article's run of paragraphs."""
    idx = [i for i, ln in enumerate(lines) if ln.kind != "blank"]
    out = set()
    for k, i in enumerate(idx):
        if lines[i].kind != "prose" or k == 0 or k == len(idx) - 1:
            continue
        before, after = lines[idx[k - 1]], lines[idx[k + 1]]
        if before.kind != "prose" and after.kind != "prose" and not _is_sentence(before) and not _is_sentence(after):
            out.add(i)
    return out


def _scores(lines: list[_Line], w: Weights) -> list[float]:
    isolated = _isolated(lines)
    scores: list[float] = []
    run = 0
    prose_seen = 0
    weight = 1.0
    for i, ln in enumerate(lines):
        if ln.kind in ("short", "debris", "repeated"):
            run += 1
        elif ln.kind not in ("blank", "medium"):
            run = 0
        if ln.kind == "prose":
            scores.append(ln.words * weight * (w.isolated if i in isolated else 1.0))
            prose_seen += ln.words
        elif ln.kind == "blank":
            scores.append(0.0)
        elif ln.kind == "medium":
            scores.append(-w.medium_cost)
        elif ln.kind == "end":
            scores.append(-w.end_cost)
            if prose_seen >= w.end_needs:
                weight = w.after_end
        elif ln.kind == "repeated":
            scores.append(-w.repeat_cost - ln.words)
        elif ln.kind == "debris":
            scores.append(-w.debris_cost - ln.words)
        else:
            scores.append(-(w.short_cost + w.short_per_word * ln.words) * (1 + w.run_growth * min(run - 1, w.run_cap)))
    return scores


def _best_segment(scores: list[float]) -> tuple[int, int] | None:
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, value in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _is_sentence(ln: _Line) -> bool:
    return ln.kind in ("medium", "prose") and ln.text.endswith(_SENTENCE_END)


def _widen(lines: list[_Line], start: int, end: int) -> tuple[int, int]:
    """Take in the short sentences the body's edges cut off ("He did not elaborate."): a line that
    ends like a sentence is prose, however short; a headline or a menu entry does not."""
    i = start - 1
    while i >= 0 and (lines[i].kind == "blank" or _is_sentence(lines[i])):
        if lines[i].kind != "blank":
            start = i
        i -= 1
    i = end + 1
    while i < len(lines) and (lines[i].kind == "blank" or _is_sentence(lines[i])):
        if lines[i].kind != "blank":
            end = i
        i += 1
    return start, end


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The body's text, the lines before it (where a title and dateline live) and the dropped lines."""

    text: str
    head: tuple[str, ...]
    dropped: tuple[Span, ...]


def clean_text(text: str, weights: Weights | None = None) -> Cleaned:
    w = weights or Weights()
    raw = [ln.strip(_INVISIBLE) for ln in text.split("\n")]
    english = _english_page(raw)
    lines: list[_Line] = []
    seen: set[str] = set()
    for text_line in raw:
        judged = _judge(text_line, english, w)
        if judged.kind in ("prose", "medium", "short") and judged.words >= w.repeat_words and text_line in seen:
            judged = _Line(text_line, "repeated", judged.words, REPEATED)
        seen.add(text_line)
        lines.append(judged)
    span = _best_segment(_scores(lines, w))
    if span is None or not any(ln.kind == "prose" for ln in lines):
        start, end = 0, len(lines) - 1  # no body to anchor on: keep everything that is not debris
    else:
        start, end = _widen(lines, *span)
    kept: list[str] = []
    dropped: list[Span] = []
    head: list[str] = []
    for i, ln in enumerate(lines):
        if start <= i <= end:
            if ln.kind in ("debris", "end"):
                dropped.append(Span(ln.text, ln.reason or ln.kind))
            else:
                kept.append(ln.text)
        elif ln.kind == "blank":
            continue
        elif i < start and ln.kind not in ("debris", "end", "repeated"):
            head.append(ln.text)  # the caller takes a title and a dateline from here, and drops the rest
        else:
            dropped.append(Span(ln.text, ln.reason or OUTSIDE))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(body, tuple(head), tuple(dropped))
