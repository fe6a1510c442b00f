"""The ``tidings`` command. Each verb lives in its own module; this file only registers them."""

from __future__ import annotations

import sys

import typer

from tidings.cli import actors, clean, demo, evaluate, export, link, merge, read, report, run, serve, show, timex
from tidings.errors import TidingsError

app = typer.Typer(
    no_args_is_help=True, add_completion=False, help="tidings: political event data from raw news reports."
)
app.command("run")(run.run_cmd)
app.command("events")(read.events_cmd)
app.command("quotes")(read.quotes_cmd)
app.command("rejections")(read.rejections_cmd)
app.command("show")(show.show_cmd)
app.command("merge")(merge.merge_cmd)
app.command("demo")(demo.demo_cmd)
app.command("clean")(clean.clean_cmd)
app.command("timex")(timex.timex_cmd)
app.command("clusters")(link.clusters_cmd)
app.command("families")(link.families_cmd)
app.command("dyad")(link.dyad_cmd)
app.command("serve")(serve.serve_cmd)
app.command("report")(report.report_cmd)
app.command("link")(link.link_cmd)
app.command("export")(export.export_cmd)
app.add_typer(evaluate.app, name="evaluate")
app.add_typer(actors.app, name="actors")


def main() -> None:
    try:
        app()
    except TidingsError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(2)
