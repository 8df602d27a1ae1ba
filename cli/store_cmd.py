"""Commands that read and write the database: ingest, export, places, stats, demo.

``register(group)`` adds them to the ``conflictmap`` group. Library errors become
clean messages (``friendly_errors``); ``ingest`` exits non-zero when any input failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.errors import friendly_errors
from core.errors import InputRejected

if TYPE_CHECKING:
    from store.types import IngestResult

__all__ = ["register"]


def _open(db: str | None, *, for_reading: bool = False):  # type: ignore[no-untyped-def]
    from store import open_store

    return open_store(db, for_reading=for_reading)


def failure_line(origin: str | None, reason: str | None) -> str:
    """One failed input as ``origin: reason``, naming the file once.

    Readers' messages already start with the file name (``big.txt: 30.0 MB, over
    ...``); only the others (an analysis or a write failure) get it prefixed.
    """
    reason = reason or "failed"
    if origin and not reason.startswith(origin):
        return f"{origin}: {reason}"
    return reason


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    from store.types import parse_date

    try:
        return parse_date(value)
    except InputRejected as err:
        raise click.BadParameter(str(err)) from err


db_option = click.option("--db", "db", default=None, metavar="URL",
                         help="Database URL (default: DATABASE_URL or the SQLite file in "
                              "the data directory).")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", default=None, help="Source name for files that do not state one.")
@click.option("--published", default=None, callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for files that do not state one.")
@click.option("--conflict", default=None, help="Conflict key (e.g. libya) for these articles.")
@click.option("--url", default=None, help="URL for files that do not state one.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes analysing articles in parallel (local engine).")
@click.option("--follow-symlinks", is_flag=True,
              help="In directories, follow symbolic links that lead outside the directory "
                   "given (by default they are reported and not read).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="local: this machine's process pool; dask: "
              "dask.distributed (a LocalCluster, or --scheduler).")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="Worker processes of the Dask LocalCluster (default: one per core).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Address of an existing Dask scheduler (instead of a LocalCluster).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True,
              help="Articles per Dask task (one transaction per batch).")
@db_option
@friendly_errors
def ingest_cmd(paths: tuple[Path, ...], source: str | None, published: date | None,
               conflict: str | None, url: str | None, quiet: bool, jobs: int,
               follow_symlinks: bool, engine: str, workers: int | None,
               scheduler: str | None, batch_size: int, db: str | None) -> None:
    """Ingest articles: .txt .md .html .pdf .jsonl .jsonl.gz files and directories of them.

    Options fill in what a file does not state itself. Every article is stored once
    (duplicates are reported) and atomically; a bad file is reported and the batch goes
    on. A full disk or a damaged database stops it at once, with one message. The exit
    status is 1 when anything failed.
    """
    from store.ingest.shards import iter_inputs

    if engine == "local" and (workers or scheduler):
        raise click.UsageError("--workers and --scheduler need --engine dask")
    store = _open(db)
    items = iter_inputs(paths, source=source, published=published, conflict=conflict,
                        url=url, follow_symlinks=follow_symlinks)
    if engine == "dask":
        import logging

        from store.ingest.dask_engine import ingest_dask

        logging.getLogger("distributed").setLevel(logging.WARNING)  # not per-worker chatter
        results = ingest_dask(store.url, items, workers=workers, scheduler=scheduler,
                              batch_size=batch_size)
    elif jobs == 1:
        results = store.ingest_many(items)
    else:
        from store.ingest.parallel import ingest_parallel

        results = ingest_parallel(store.url, items, jobs=jobs)
    _report(results, quiet=quiet)


def _report(results: Iterable[IngestResult], *, quiet: bool) -> None:
    """Count results with progress (a bar on a terminal, plain lines otherwise); summarize."""
    from cli.progress import Progress
    from store.dberrors import DatabaseUnusable

    counts = {"stored": 0, "duplicate": 0, "failed": 0}
    claims = 0
    failures: list[str] = []
    stopped: DatabaseUnusable | None = None
    with Progress(disabled=quiet) as progress:
        try:
            for result in results:
                counts[result.status] += 1
                claims += result.claims
                if result.status == "failed":
                    failures.append(failure_line(result.origin or result.title or "?",
                                                 result.reason))
                progress.update(counts)
        except DatabaseUnusable as err:
            stopped = err
    click.echo(f"stored {counts['stored']} ({claims} claims), duplicates "
               f"{counts['duplicate']}, failed {counts['failed']}"
               + (" before the batch stopped" if stopped else ""))
    for line in failures:
        click.echo(f"  failed: {line}", err=True)
    if stopped is not None:
        raise click.ClickException(f"stopped: {stopped}")
    if failures:
        sys.exit(1)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["geojson", "csv", "gpkg"]),
              default="geojson", show_default=True)
@click.option("--since", default=None, callback=_date, metavar="YYYY-MM-DD")
@click.option("--until", default=None, callback=_date, metavar="YYYY-MM-DD")
@click.option("--source", "sources", multiple=True, help="Only these sources (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Only these actors (repeatable).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["control", "distance"]))
@click.option("--conflict", default=None)
@click.option("--bbox", default=None, metavar="W,S,E,N",
              help="Only claims inside this box (degrees: west,south,east,north).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output file (default: standard output; required for gpkg).")
@click.option("--layer", type=click.Choice(["claims", "fronts"]), default="claims",
              show_default=True, help="claims: one feature per claim; fronts: areas of control "
              "(actor) and front lines (actors, claims) on --date, from --source claims only.")
@click.option("--date", "on", default=None, callback=_date, metavar="YYYY-MM-DD",
              help="Day of the fronts layer (with --layer fronts).")
@db_option
@friendly_errors
def export_cmd(fmt: str, since: date | None, until: date | None, sources: tuple[str, ...],
               actors: tuple[str, ...], kinds: tuple[str, ...], conflict: str | None,
               bbox: str | None, output: Path | None, layer: str, on: date | None,
               db: str | None) -> None:
    """Export claims as GeoJSON, GeoPackage or CSV in ACLED's column layout, or the fronts."""
    from store.export import export_bytes, write_export
    from store.types import ClaimFilter

    if layer == "fronts":
        _export_fronts(db, on, fmt, sources, conflict, output)
        return
    if fmt == "gpkg" and output is None:
        raise click.UsageError("--format gpkg needs -o FILE")
    frame = _open(db, for_reading=True).claims_frame(ClaimFilter(
        since=since, until=until, sources=sources, actors=actors, kinds=kinds,
        conflict=conflict, bbox=bbox))
    if output is None:
        sys.stdout.buffer.write(export_bytes(frame, fmt))
        sys.stdout.flush()
        return
    write_export(frame, fmt, output)
    click.echo(f"wrote {len(frame)} claims to {output}", err=True)


def _export_fronts(db: str | None, on: date | None, fmt: str, sources: tuple[str, ...],
                   conflict: str | None, output: Path | None) -> None:
    """Write the areas of control and front lines of one day as GeoJSON."""
    from geo.fronts import fronts_at, fronts_geojson
    from store.export import write_file_atomically
    from store.types import ClaimFilter

    if on is None:
        raise click.UsageError("--layer fronts needs --date YYYY-MM-DD")
    if fmt != "geojson":
        raise click.UsageError("--layer fronts is exported as --format geojson")
    frame = _open(db, for_reading=True).claims_frame(
        ClaimFilter(until=on, kinds=("control",), conflict=conflict))
    fronts = fronts_at(frame, on, sources=list(sources) or None, conflict=conflict)
    data = json.dumps(fronts_geojson(fronts), ensure_ascii=False).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data + b"\n")
        sys.stdout.flush()
        return
    write_file_atomically(output, data)
    click.echo(f"wrote {len(fronts.areas)} areas and {len(fronts.lines)} front lines to {output}",
               err=True)


@click.group("places")
def places_group() -> None:
    """Places added by analysts (merged into the gazetteer)."""


@places_group.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--feature-code", default="PPL", show_default=True,
              help="GeoNames feature code (PPL, PPLX, ADM2, AIRB, RGN, SEA ...).")
@click.option("--country", default=None, help="Two-letter ISO country code.")
@click.option("--radius-km", type=float, default=0.0, help="Rough extent, for areas.")
@db_option
@friendly_errors
def places_add(name: str, lat: float, lon: float, aliases: tuple[str, ...], feature_code: str,
               country: str | None, radius_km: float, db: str | None) -> None:
    """Add a place NAME at LAT LON (decimal degrees; south and west are negative)."""
    place = _open(db).add_place(name, lat, lon, aliases=aliases, feature_code=feature_code,
                                country=country, radius_km=radius_km)
    click.echo(f"added {place.id} {place.name} ({place.lat:.5f}, {place.lon:.5f}) "
               f"{place.feature_code} {place.precision}")


@places_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@friendly_errors
def places_list(as_json: bool, db: str | None) -> None:
    """List the places analysts added."""
    from dataclasses import asdict

    for place in _open(db).places():
        if as_json:
            click.echo(json.dumps(asdict(place), ensure_ascii=False))
        else:
            click.echo(f"{place.id}\t{place.name}\t{place.lat:.5f}\t{place.lon:.5f}\t"
                       f"{place.feature_code}\t{place.country_code or ''}")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@friendly_errors
def stats_cmd(as_json: bool, db: str | None) -> None:
    """Show counts of articles, mentions, claims, sources, places and corrections."""
    stats = _open(db, for_reading=True).stats()
    if as_json:
        click.echo(json.dumps(stats, default=str, indent=2))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "-"
        click.echo(f"{key:<16}{value if value is not None else '-'}")


@click.command("corrections")
@click.option("--article", "article_id", type=int, default=None, help="Only this article id.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@friendly_errors
def corrections_cmd(article_id: int | None, as_json: bool, db: str | None) -> None:
    """Show the audit trail of corrections, newest first."""
    for row in _open(db).corrections(article_id):
        if as_json:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
            continue
        to = row["to_value"] or {}
        click.echo(f"{row['at']:%Y-%m-%d %H:%M}  {row['who']}  {row['target']} "
                   f"{row['target_id']} (article {row['article_id']})  {row['field']}: "
                   f"{(row['from_value'] or {}).get('name', row['from_value'])} -> "
                   f"{to.get('name', to) if isinstance(to, dict) else to}"
                   + (f"  [{row['note']}]" if row["note"] else ""))


@click.command("demo")
@db_option
@friendly_errors
def demo_cmd(db: str | None) -> None:
    """Load the demo dataset (Libya 2019-2020); running it again adds nothing."""
    store = _open(db)
    added = store.load_demo()
    click.echo(f"demo dataset: {added} claims added, {store.stats()['claims']} in the database")


@click.command("rebuild-aggregates")
@db_option
@friendly_errors
def rebuild_aggregates_cmd(db: str | None) -> None:
    """Recompute the map's per-cell claim counts (claim_summary) from every claim."""
    from store.aggregates import rebuild
    from store.engine import write_connection

    store = _open(db)
    with write_connection(store.engine) as conn, conn.begin():
        rows = rebuild(conn)
    click.echo(f"claim summary rebuilt: {rows:,} rows for {store.stats()['claims']:,} claims")


def register(group: click.Group) -> None:
    """Add the store commands to the ``conflictmap`` group."""
    for command in (ingest_cmd, export_cmd, places_group, stats_cmd, corrections_cmd,
                    demo_cmd, rebuild_aggregates_cmd):
        group.add_command(command)
