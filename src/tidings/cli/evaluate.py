"""``tidings evaluate ...``: scores on the field's data sets, one line of figures each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tidings.errors import InputNotFound

app = typer.Typer(no_args_is_help=True, help="Score tidings on a data set (one line of figures per part).")


@app.command("extraction")
def extraction_cmd(
    data_dir: Annotated[Path, typer.Argument(help="Holds ground-truth.json with html/ and/or text/ beside it.")],
) -> None:
    """Main-text extraction: the HTML path on html/, the text cleaner on text/ (F1 over word 4-grams)."""
    from tidings.evaluate.extraction import evaluate_extraction

    if not (data_dir / "ground-truth.json").is_file():
        raise InputNotFound(f"{data_dir}/ground-truth.json not found: give the benchmark's directory.")
    for name, score in evaluate_extraction(data_dir).items():
        print(score.line(name))


@app.command("actors")
def actors_cmd(
    gold: Annotated[
        Path,
        typer.Argument(
            help="PLOVER gold records (JSONL with source/target actorText and code), or a news_events_gold folder."
        ),
    ],
    news: Annotated[
        Path | None,
        typer.Option(help="news_events_gold folder for dyad P/R/F1 (default: beside GOLD's folder, when there)."),
    ] = None,
) -> None:
    """Actor resolution: country and sector agreement with the PLOVER gold actors, and dyad P/R/F1
    (distinct source–target country pairs per report) on whole reports coded by hand."""
    from tidings.evaluate.actors import evaluate_actors
    from tidings.evaluate.dyads import evaluate_news

    if gold.is_dir() and (gold / "events.jsonl").is_file():
        news, gold_records = gold, None
    elif gold.is_file():
        gold_records = gold
        beside = gold.parent.parent / "news_events_gold"
        news = news or (beside if (beside / "events.jsonl").is_file() else None)
    else:
        raise InputNotFound(f"{gold} not found: give the PLOVER gold records (records.jsonl) or news_events_gold/.")
    if gold_records is not None:
        print(evaluate_actors(gold_records).line())
    if news is not None:
        if not (news / "events.jsonl").is_file() or not (news / "documents.jsonl").is_file():
            raise InputNotFound(f"{news} holds no events.jsonl and documents.jsonl: give a news_events_gold folder.")
        print(evaluate_news(news).line())


@app.command("quotes")
def quotes_cmd(
    dataset: Annotated[
        Path, typer.Argument(help="PolNeAR records: a JSONL file, or the data set's folder (its dev.jsonl is read).")
    ],
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    textacy: Annotated[bool, typer.Option(help="Also score textacy's direct-quotation extractor.")] = True,
) -> None:
    """Quote attribution: content P/R/F1 (all, direct, indirect) and speaker accuracy, beside textacy."""
    from tidings.evaluate.quotes import evaluate_quotes, textacy_available

    gold = dataset / "dev.jsonl" if dataset.is_dir() else dataset
    if not gold.is_file():
        raise InputNotFound(f"{gold} not found: give PolNeAR records (dev.jsonl) or their folder.")
    if textacy and not textacy_available():
        print("textacy is not installed (pip install textacy): scoring tidings alone.")
    for name, score in evaluate_quotes(gold, limit=limit, with_textacy=textacy).items():
        print(score.line(name))


@app.command("timex")
def timex_cmd(
    dataset: Annotated[
        Path,
        typer.Argument(
            help="TIMEX3 gold: a documents.jsonl (doc_id, dct, text or text_tokenized, timex3) or its folder."
        ),
    ],
) -> None:
    """Temporal expressions: value precision, recall and F1 (span overlap and equal TIMEX3 value)."""
    from tidings.evaluate.timex import evaluate_timex

    gold = dataset / "documents.jsonl" if dataset.is_dir() else dataset
    if not gold.is_file():
        raise InputNotFound(f"{gold} not found: give a TIMEX3 gold documents.jsonl or its folder.")
    for name, score in evaluate_timex(gold).items():
        print(score.line(name))


@app.command("events")
def events_cmd(
    dataset: Annotated[
        Path, typer.Argument(help="Gold records: a records.jsonl (PLOVER or CAMEO codings) or its folder.")
    ],
    all_: Annotated[
        bool, typer.Option("--all", help="Score every coded event, as `tidings events --all` lists them.")
    ] = False,
) -> None:
    """Event coding: type accuracy, (type, source, target) triple P/R/F1 and a confusion table by type."""
    from tidings.evaluate.events import evaluate_events

    gold = dataset / "records.jsonl" if dataset.is_dir() else dataset
    if not gold.is_file():
        raise InputNotFound(f"{gold} not found: give a data set's records.jsonl or its folder.")
    score = evaluate_events(gold, include_all=all_)
    print(score.line(gold.parent.name))
    print("confusion (gold type: what tidings coded):")
    for line in score.confusion_table():
        print(line)
