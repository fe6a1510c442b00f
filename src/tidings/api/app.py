"""The FastAPI application: the read and ingest routes, the dashboard's files, and the guards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from tidings.api import actor_routes, ingest, link_routes, read_routes
from tidings.api.answers import AnswerCache
from tidings.api.config import ApiConfig
from tidings.api.security import AllowedHosts, BodyLimit, SecurityHeaders
from tidings.api.snapshot import Snapshot

STATIC = Path(str(resources.files("tidings.api"))) / "static"
PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tidings</title></head>
<body><main><h1>tidings</h1><p>The dashboard's files are not installed in this build.
The API is here: <a href="/docs">/docs</a> (OpenAPI: <a href="/openapi.json">/openapi.json</a>).</p></main></body>
</html>
"""


def plotly_js() -> Path | None:
    """plotly's bundled JavaScript from the installed Python package (no CDN)."""
    try:
        path = Path(str(resources.files("plotly"))) / "package_data" / "plotly.min.js"
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def create_app(config: ApiConfig | None = None) -> FastAPI:
    config = config or ApiConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(actor_routes.knowledge_base)  # loaded once, not in a request
        yield
        app.state.snapshot.close()

    app = FastAPI(
        title="tidings",
        summary="Political event data read from news reports: events, clusters, dyads, actors, quotes, reports.",
        version="1",
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.snapshot = Snapshot(config.db, check_every=config.check_every)
    for module in (read_routes, link_routes, actor_routes, ingest):
        app.include_router(module.router)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        path = plotly_js()
        if path is None:
            return Response("plotly is not installed", status_code=404, media_type="text/plain")
        return FileResponse(path, media_type="text/javascript")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        return FileResponse(page, media_type="text/html") if page.is_file() else HTMLResponse(PLACEHOLDER)

    if STATIC.is_dir():  # the dashboard's files; a path outside the folder is refused by StaticFiles
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(AnswerCache, snapshot=app.state.snapshot)  # innermost: the guards run on hits too
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins), allow_methods=["GET"])
    app.add_middleware(AllowedHosts, names=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=config.max_body)
    return app
