"""Errors with codes and a next step, and the reasons a document can be rejected."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a document was turned away. Stored verbatim and counted in the run summary."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too-large"
    TOO_SHORT = "too-short"
    NOT_ENGLISH = "not-english"
    NO_TEXT = "no-article-text"
    BAD_RECORD = "bad-record"
    TRUNCATED = "truncated"
    STAGE_ERROR = "stage-error"


class TidingsError(Exception):
    """Base class: ``code`` is stable (``T001``…), the message says what to do next."""

    code = "T000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputNotFound(TidingsError):
    code = "T001"


class StoreError(TidingsError):
    code = "T002"


class ModelNotInstalled(TidingsError):
    code = "T003"


class DataFileError(TidingsError):
    """A knowledge file (lexicon, actor table, ontology) has a bad row; the message names file:line."""

    code = "T004"


class StageError(TidingsError):
    code = "T005"


class EngineError(TidingsError):
    """An engine cannot run as asked: Ray is not installed, or it was given standard input."""

    code = "T007"
