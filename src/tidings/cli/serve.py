"""``tidings serve``: the HTTP API and the dashboard, on this machine only unless told otherwise."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.options import DB


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: str | None) -> str | None:
    """The ingestion token: the first line of ``token_file``, else ``TIDINGS_API_TOKEN`` (never a
    command-line value, which any user of the machine can read in the process list)."""
    if token_file:
        lines = Path(token_file).read_text(encoding="utf-8").strip().splitlines()
        if not lines or len(lines[0].strip()) < 16:
            raise typer.BadParameter(
                "the token file must hold a token of 16 characters or more", param_hint="--token-file"
            )
        return lines[0].strip()
    token = os.environ.get("TIDINGS_API_TOKEN", "").strip()
    if token and len(token) < 16:
        raise typer.BadParameter("TIDINGS_API_TOKEN must be 16 characters or more")
    return token or None


def serve_cmd(
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback by default (this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    db: str = DB,
    token_file: Annotated[
        str | None,
        typer.Option(help="A file whose first line is the token that turns on POST /documents (or TIDINGS_API_TOKEN)."),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="An origin allowed to read the API from its pages (repeatable); none by default."),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the dashboard (/) over the store; `tidings run` can write to
    the same store meanwhile (the server reads a copy, renewed when the store changes)."""
    import uvicorn

    from tidings.api.app import create_app
    from tidings.api.config import LOOPBACK_NAMES, ApiConfig

    token = read_token(token_file)
    loopback = is_loopback(host)
    if not loopback:
        print(f"warning: listening on {host}, not loopback: other machines can read this store.", file=sys.stderr)
    config = ApiConfig(
        db=db,
        token=token,
        cors_origins=tuple(cors_origin or ()),
        allowed_hosts=LOOPBACK_NAMES if loopback else ("*",),
    )
    print(
        f"tidings serve: {db} on http://{host}:{port}/ (API docs at /docs); ingestion "
        + ("on (token)" if token else "off"),
        file=sys.stderr,
    )
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", server_header=False)
