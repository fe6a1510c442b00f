"""The API's guards: injection through every filter, path traversal, the ingestion token, the body
limit, CORS off by default, foreign Host headers, and loopback as the default address."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_store import app_for, copy_of_store, examples_store
from fastapi.testclient import TestClient

from tidings.cli.serve import is_loopback, read_token
from tidings.store import open_store

pytestmark = pytest.mark.model

TOKEN = "a-test-token-of-some-length"
INJECTIONS = [
    "' OR '1'='1",
    "IRN' OR 1=1 --",
    "IRN'); DROP TABLE events; --",
    '" OR ""="',
    "1; DELETE FROM documents",
    "IRN' UNION SELECT * FROM documents --",
    "\\' OR 1=1 --",
]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(app_for(examples_store())) as c:  # type: ignore[arg-type]
        yield c


def _filters(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every (path, where, name) of a text parameter of a GET endpoint, from the OpenAPI spec."""
    out = []
    for path, ops in spec["paths"].items():
        for p in ops.get("get", {}).get("parameters", []):
            schema = p["schema"]
            kinds = {s.get("type") for s in schema.get("anyOf", [schema])}
            if "string" in kinds and "enum" not in schema and "format" not in str(schema):
                out.append((path, p["in"], p["name"]))
    return out


def _counts() -> dict[str, int]:
    with open_store(examples_store()) as store:
        return store.counts()


def test_injection_through_every_filter_matches_nothing_and_changes_nothing(client: TestClient) -> None:
    before = _counts()
    filters = _filters(client.get("/openapi.json").json())
    names = {(p, n) for p, _, n in filters}
    # every text filter of the contract is tried (the spec is where they are listed)
    assert {("/events", "actor"), ("/events", "type"), ("/events", "source"), ("/events", "target")} <= names
    assert {("/quotes", "speaker"), ("/quotes", "relay"), ("/quotes", "contains"), ("/actors", "q")} <= names
    assert {("/dyads/{a}/{b}", "a"), ("/documents/{doc_id}", "doc_id"), ("/clusters", "actor")} <= names
    tried = 0
    for path, where, name in filters:
        for payload in INJECTIONS:
            url, params = path, {}
            if where == "path":
                url = re.sub(
                    r"\{[^}]+\}", lambda m, n=name, v=payload: v if m.group(0) == "{" + n + "}" else "IRN", path
                )
            else:
                url = re.sub(r"\{[^}]+\}", "IRN", path)
                params = {name: payload}
            r = client.get(url, params=params)
            tried += 1
            assert r.status_code in (200, 404, 422, 503), (url, params, r.status_code, r.text[:300])
            if r.status_code == 200 and "items" in r.json() and path != "/actors":
                # no row holds these strings: a filter that was read as SQL would match some
                assert r.json()["total"] == 0, (url, params)
    assert tried >= len(filters) * len(INJECTIONS)
    assert _counts() == before


TRAVERSALS = [
    "/documents/../../../../etc/passwd",
    "/documents/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/documents/%2Fetc%2Fpasswd",
    "/documents//etc/passwd",
    "/documents/....//....//etc/passwd",
    "/static/../../../../etc/passwd",
    "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/%2e%2e/%2e%2e/app.py",
    "/static/..%5c..%5capp.py",
    "/static/plotly.min.js/../../app.py",
    "/clusters/..%2F..%2Fetc%2Fpasswd",
    "/dyads/..%2F..%2Fetc/passwd",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_no_path_reaches_the_filesystem(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404, 422, 503), (url, r.status_code)
    assert "root:" not in r.text and "create_app" not in r.text


def test_static_files_only_from_their_folder(client: TestClient) -> None:
    assert client.get("/static/plotly.min.js").status_code == 200
    assert client.get("/static/app.py").status_code == 404


def test_ingestion_is_off_without_a_token(client: TestClient) -> None:
    r = client.post("/documents", json={"text": "Iran criticized Azerbaijan on Tuesday.", "published": "2021-10-09"})
    assert r.status_code == 403 and "off" in r.json()["detail"]


def test_ingestion_needs_the_right_token_then_stores(tmp_path: Path) -> None:
    db = copy_of_store(tmp_path)
    report = {
        "id": "posted-1",
        "text": "Turkey condemned Armenia on Monday, the foreign ministry in Ankara said.",
        "published": "2022-03-07",
    }
    with TestClient(app_for(db, token=TOKEN)) as c:  # type: ignore[arg-type]
        assert c.post("/documents", json=report).status_code == 401
        bad = {"Authorization": "Bearer not-" + TOKEN}
        assert c.post("/documents", json=report, headers=bad).status_code == 401
        before = c.get("/events", params={"source": "TUR", "target": "ARM"}).json()["total"]
        ok = c.post("/documents", json=[report], headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["stored"] == 1 and ok.json()["events"] >= 1
        after = c.get("/events", params={"source": "TUR", "target": "ARM"}).json()
        assert after["total"] == before + ok.json()["events"]
        again = c.post("/documents", json=report, headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert again["stored"] == 0 and again["skipped"] == 1
        too_many = c.post("/documents", json=[report] * 101, headers={"Authorization": f"Bearer {TOKEN}"})
        assert too_many.status_code == 422


def test_request_body_over_the_limit_is_refused(tmp_path: Path) -> None:
    with TestClient(app_for(copy_of_store(tmp_path), token=TOKEN, max_body=1000)) as c:  # type: ignore[arg-type]
        big = {"text": "Iran met Russia. " * 200}
        r = c.post("/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
            yield b'{"text": "'
            for _ in range(100):
                yield b"Iran met Russia. "
            yield b'"}'

        r = c.post("/documents", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413


def test_cors_is_off_by_default_and_on_when_asked(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    plain = client.get("/events", headers=origin).headers
    assert "access-control-allow-origin" not in plain
    assert plain["x-content-type-options"] == "nosniff" and plain["x-frame-options"] == "DENY"
    pre = client.options("/events", headers={**origin, "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    with TestClient(app_for(examples_store(), cors_origins=("https://elsewhere.example",))) as c:  # type: ignore[arg-type]
        assert c.get("/events", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]


def test_foreign_host_header_is_refused() -> None:
    from tidings.api.config import LOOPBACK_NAMES

    with TestClient(app_for(examples_store()), base_url="http://rebound.example") as c:  # type: ignore[arg-type]
        assert c.get("/events").status_code == 400
    with TestClient(app_for(examples_store(), allowed_hosts=LOOPBACK_NAMES)) as c:  # type: ignore[arg-type]
        for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:1"):
            assert c.get("/events", headers={"Host": host}).status_code == 200, host
        for host in ("127.0.0.1.rebound.example", "localhost.example:8000", "[::2]:8000", ""):
            assert c.get("/events", headers={"Host": host}).status_code == 400, host


def test_loopback_by_default_and_token_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect

    from tidings.cli.serve import serve_cmd

    assert inspect.signature(serve_cmd).parameters["host"].default == "127.0.0.1"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    assert read_token(None) is None
    short = tmp_path / "short"
    short.write_text("abc\n")
    with pytest.raises(Exception, match="16 characters"):
        read_token(str(short))
    good = tmp_path / "good"
    good.write_text(TOKEN + "\n")
    assert read_token(str(good)) == TOKEN
