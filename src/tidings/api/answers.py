"""Answers remembered per copy of the store: a copy never changes, so the same GET gets the same
answer as long as the copy is served. Bounded in bytes (least recently asked first out); a Parquet
dataset, which grows under its views, is not cached. A hit carries ``X-Tidings-Cache: hit``."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings.api.snapshot import Snapshot

# The most bytes of answers one copy keeps, and the largest answer kept.
MAX_BYTES = 64_000_000
MAX_ANSWER = 4_000_000
# Paths whose answers are never kept: the files (already cheap) and the API's own description.
SKIPPED = ("/static/", "/docs", "/openapi.json", "/redoc")


class Answers:
    """One copy's remembered answers: (status, headers, body) by path and query."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple[int, list[Any], bytes]] = OrderedDict()
        self._bytes = 0

    def get(self, key: str) -> tuple[int, list[Any], bytes] | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, status: int, headers: list[Any], body: bytes) -> None:
        if len(body) > MAX_ANSWER:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (status, headers, body)
            self._bytes += len(body)
            while self._bytes > MAX_BYTES and self._items:
                _, (_, _, old) = self._items.popitem(last=False)
                self._bytes -= len(old)


class AnswerCache:
    def __init__(self, app: ASGIApp, snapshot: Snapshot) -> None:
        self.app = app
        self.snapshot = snapshot

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(SKIPPED) or path == "/":
            await self.app(scope, receive, send)
            return
        answers = self.snapshot.answers()
        if answers is None:
            await self.app(scope, receive, send)
            return
        key = path + "?" + scope.get("query_string", b"").decode("latin-1")
        hit = answers.get(key)
        if hit is not None:
            status, headers, body = hit
            await send(
                {"type": "http.response.start", "status": status, "headers": [*headers, (b"x-tidings-cache", b"hit")]}
            )
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keeping_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    answers.put(key, 200, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keeping_send)
