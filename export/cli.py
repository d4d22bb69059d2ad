"""The `newsgraph` command: a thin click layer over the stages' functions."""
from __future__ import annotations

import logging
import signal
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from extract import DEFAULT_MODEL, NewsgraphError
from extract.dumps import DATE_NAMES, ID_NAMES, TEXT_NAMES, TITLE_NAMES, URL_NAMES, FieldNames
from graph import load_graph
from graph.io import graph_file
from graph.queries import ready_queries, ready_sparql
from graph.query import open_store, run_query
from graph.results import FORMATS, render

from . import EXPORTERS, exporter
from .atomic import write_text
from .build import DEFAULT_FORMATS, BuildReport, build, extract_to_file
from .neighbourhood import focused_viewer
from .serve import DEFAULT_QUEUE, default_workers, serve

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUT = Path("out")
DEFAULT_ALIASES = Path("aliases.csv")  # read when present in the current folder

model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="PIPELINE",
                            help="Installed spaCy pipeline to parse with (package name or path).")


USUAL_NAMES = {"text": TEXT_NAMES, "title": TITLE_NAMES, "date": DATE_NAMES, "url": URL_NAMES, "id": ID_NAMES}


def field_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--text-field, --title-field, ... : the fields of a news dump's records, where not the usual ones."""
    for name in reversed(FieldNames.__dataclass_fields__):
        usual = ", ".join(USUAL_NAMES[name][:4])
        command = click.option(f"--{name}-field", f"{name}_field", metavar="NAME",
                               help=f"Field of a dump's records that holds the {name} (default: found among "
                                    f"{usual}, ...; a.b for a nested one).")(command)
    return command


def _fields(options: dict[str, str | None]) -> FieldNames:
    return FieldNames(**{name: options.pop(f"{name}_field") for name in FieldNames.__dataclass_fields__})


class Command(click.Command):
    """A click command that turns NewsgraphError and OSError into a one-line message and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsgraphError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        except BrokenPipeError:  # the output was piped into a program that stopped reading (head)
            ctx.exit(1)
        except OSError as error:  # writing a file: atomic_path has left it as it was
            click.echo(f"Error: {error.filename or 'output'}: cannot write ({error.strerror or error}); "
                       "nothing was changed", err=True)
            ctx.exit(2)


class Group(click.Group):
    command_class = Command


@click.group(cls=Group)
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """Turn news articles into a knowledge graph of officials, companies and projects.

    Start with `newsgraph build`, which reads the sample articles in seeds/ and writes
    out/graph.html: open it in a browser.
    """
    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING, stream=sys.stderr)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _by_kind(counter: Counter[str], report: BuildReport) -> str:
    """' (txt 5, html 4)' where the run read more than one kind of file, else ''."""
    return f" ({_counts(counter)})" if counter and len(report.kinds | report.skipped_kinds) > 1 else ""


def _articles(report: BuildReport) -> str:
    """'12 read (txt 5, html 4, jsonl 3), 2 skipped (csv 2)'."""
    return (f"{report.articles} read{_by_kind(report.kinds, report)}, "
            f"{len(report.skipped)} skipped{_by_kind(report.skipped_kinds, report)}")


def _summary(report: BuildReport) -> str:
    entities, predicates = report.entities_by_type(), report.triples_by_predicate()
    lines = [
        f"articles  {_articles(report)}, {_counted(report.stories(), 'story')}, in {report.seconds:.1f} s",
        f"entities  {sum(entities.values())}: {_counts(entities) or 'none'}",
        f"relations {sum(predicates.values())} (from {report.triples} triples): {_counts(predicates) or 'none'}",
        "wrote     " + ", ".join(str(path) for path in report.outputs) + f" (build {report.build_id})",
    ]
    return "\n".join(lines)


def _formats(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--out", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
              show_default=True, help="Folder to write the outputs to.")
@click.option("--formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              help=f"Comma-separated formats to write besides triples.jsonl; one of: {', '.join(EXPORTERS)}.")
@click.option("--aliases", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="FILE",
              help=f"CSV of same_as / not_same_as name pairs that correct entity resolution "
                   f"[default: {DEFAULT_ALIASES} if present].")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Extract every article again instead of reusing OUT/cache (which is refreshed).")
@model_option
@field_options
def build_command(paths: tuple[Path, ...], out: Path, formats: str, aliases: Path | None, no_cache: bool,
                  model: str, **field_names: str | None) -> None:
    """Extract, merge and export: the main job.

    PATHS are article files or folders of them, read recursively: text (.txt, .md), saved HTML pages
    (.html, .htm), news dumps with one article a record (.jsonl, .ndjson, .json, .csv), and gzip of any
    (.gz); with none, seeds/ is read. Writes OUT/triples.jsonl, OUT/articles.jsonl, OUT/graph.json
    (read by the other commands), OUT/graph.ttl and OUT/graph.html.
    Articles already extracted by an earlier build into OUT are taken from OUT/cache unless they changed.
    """
    if aliases is None and DEFAULT_ALIASES.is_file():
        aliases = DEFAULT_ALIASES
    report = build(paths or (DEFAULT_SEEDS,), out, model=model, formats=_formats(formats), aliases=aliases,
                   reuse_cache=not no_cache, fields=_fields(field_names))
    click.echo(_summary(report))
    if any(path.suffix == ".html" for path in report.outputs):
        click.echo(f"open      {out / 'graph.html'} in a browser to explore the graph")


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="JSON lines file to write the triples to.")
@model_option
@field_options
def extract_command(paths: tuple[Path, ...], output: Path, model: str, **field_names: str | None) -> None:
    """Extract triples with their evidence from articles, as JSON lines (no graph).

    PATHS are as for `newsgraph build`."""
    report = extract_to_file(paths, output, model=model, fields=_fields(field_names))
    click.echo(f"{_counted(report.triples, 'triple')} from {_counted(report.articles, 'article')}"
               f"{_by_kind(report.kinds, report)} ({len(report.skipped)} skipped"
               f"{_by_kind(report.skipped_kinds, report)}) in {report.seconds:.1f} s -> {output}")


def _counted(number: int, noun: str) -> str:
    """"1 triple", "2 triples", "2 stories"."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def _format_list() -> str:
    return "\n".join(f"  {name:<9} {chosen.filename:<15} {chosen.description}" for name, chosen in EXPORTERS.items())


@cli.command("export", help=f"""Write the graph that `newsgraph build` made in another format.

GRAPH is a build's output folder or its graph.json. FILE defaults to the format's file name (below)
in GRAPH's folder; the neo4j format writes a folder.

\b
Formats (name, default file, what):
{_format_list()}
""")
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("-f", "--format", "format_name", required=True, metavar="FORMAT",
              help=f"One of: {', '.join(EXPORTERS)}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="FILE",
              help="File (or folder, for neo4j) to write.")
def export_command(graph_path: Path, format_name: str, output: Path | None) -> None:
    chosen = exporter(format_name)
    graph = load_graph(graph_path)
    output = output or (graph_path if graph_path.is_dir() else graph_path.parent) / chosen.filename
    chosen.write(graph, output)
    click.echo(f"wrote {output} ({format_name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


@cli.command("view")
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--entity", required=True, metavar="NAME",
              help="The entity to centre on: a name, an alias or an id.")
@click.option("--hops", type=click.IntRange(min=0), default=2, show_default=True,
              help="How many relations away from the entity to include.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="HTML file to write the viewer to.")
def view_command(graph_path: Path, entity: str, hops: int, output: Path) -> None:
    """Write a viewer of one entity's neighbourhood, the entity selected.

    GRAPH is a `newsgraph build` output folder or its graph.json.
    """
    graph = load_graph(graph_path)
    try:
        page = focused_viewer(graph, entity, hops=hops)
    except NewsgraphError as error:
        raise NewsgraphError(f"{graph_file(graph_path)}: {error}") from None
    write_text(output, page)
    click.echo(f"wrote     {output}: {entity!r} and what lies within {hops} hops; open it in a browser")
def _ready_list() -> str:
    lines = []
    for name, query in ready_queries().items():
        lines.append(textwrap.fill(query.description, 100, initial_indent=f"{name:<14}",
                                   subsequent_indent=" " * 14))
        lines.extend(f"{'':<14}--param {param}=VALUE: {what}" for param, what in query.params.items())
    return "\n".join(lines)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip("?$ "):
            raise NewsgraphError(f"--param takes NAME=VALUE, not {pair!r}")
        params[name.strip("?$ ")] = value
    return params


def _query_text(sparql: str | None, query_file: Path | None, name: str | None,
                params: dict[str, str]) -> str:
    given = [choice for choice in (sparql, query_file, name) if choice is not None]
    if len(given) != 1:
        raise NewsgraphError("give the query one way: as text after GRAPH, with --file FILE or with --name "
                             "NAME")
    if name is not None:
        return ready_sparql(name, params)
    if query_file is not None:
        try:
            return query_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NewsgraphError(f"{query_file}: no such query file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise NewsgraphError(f"{query_file}: cannot read the query ({error})") from None
    return str(sparql)


@cli.command("query")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read the query from this file (.rq).")
@click.option("-n", "--name", help="Run a ready query (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Give ?NAME this string value before the query runs (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="How to print SELECT and ASK results (SPARQL 1.1 CSV, TSV or JSON for tools).")
@click.option("--list", "list_queries", is_flag=True, help="List the ready queries and what each answers.")
def query_command(graph: Path | None, sparql: str | None, query_file: Path | None, name: str | None,
                  params: tuple[str, ...], fmt: str, list_queries: bool) -> None:
    """Run a SPARQL 1.1 query over a built graph.

    GRAPH is a build folder (its graph.ttl is read, else its graph.json), an RDF file (.ttl, .nt,
    .rdf, ...) or a graph.json. Give the query as text, with --file or as a ready query's --name.
    The prefixes rdf, rdfs, xsd, owl, ng, schema, org, prov, skos and person, company, place, ...
    (one per kind of resource) are declared already. SELECT prints a table (or --format
    csv/tsv/json), ASK prints true or false, CONSTRUCT and DESCRIBE print Turtle.

    \b
    Examples:
      newsgraph query out 'SELECT ?name WHERE { ?person a ng:Person ; rdfs:label ?name }'
      newsgraph query out --name officials --format csv
      newsgraph query out --name entity --param name="Chindata Group"
      newsgraph query --list
    """
    if list_queries:
        click.echo(_ready_list())
        return
    if graph is None:
        raise NewsgraphError("give GRAPH: a build folder (such as out) or an RDF file")
    values = _params(params)
    text = _query_text(sparql, query_file, name, values)
    click.echo(render(run_query(open_store(graph), text, params=values), fmt), nl=False)


@cli.command("serve")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="Stop any query that runs longer, answering 503.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers(), show_default=True,
              help="Queries that may run at once, each in a worker process.")
@click.option("--queue", type=click.IntRange(min=0), default=DEFAULT_QUEUE, show_default=True,
              help="Queries that may wait for a free worker; past them, a query is answered 503 at once.")
def serve_command(graph: Path, host: str, port: int, time_limit: float, workers: int, queue: int) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql and the graph viewer at /.

    GRAPH is a build folder, an RDF file or a graph.json (the viewer is the graph.html beside it).
    The endpoint answers GET and POST queries as the SPARQL 1.1 Protocol says, with results by
    content negotiation (JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD), refuses
    updates, and stops queries at the time limit. A slow query holds one worker, so fast ones keep
    being answered while fewer than --workers slow ones run. It listens on 127.0.0.1 only unless
    --host says otherwise. Ctrl-C stops it.
    """
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.default_int_handler)

    def ready(url: str) -> None:
        click.echo(f"serving   {url}/sparql (SPARQL endpoint) and {url}/ (viewer); "
                   f"time limit {time_limit:g} s; {workers} workers, queue {queue}; Ctrl-C stops")

    serve(graph, host=host, port=port, time_limit=time_limit, workers=workers, queue=queue, on_ready=ready)
    click.echo("stopped")


def main() -> None:
    cli(prog_name="newsgraph")
