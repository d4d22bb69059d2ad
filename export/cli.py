"""The `newsgraph` command: a thin click layer over the stages' functions."""
from __future__ import annotations

import logging
import sys
from collections import Counter
from pathlib import Path

import click

from extract import DEFAULT_MODEL, NewsgraphError
from graph import load_graph
from graph.io import graph_file

from . import EXPORTERS, exporter
from .atomic import write_text
from .build import DEFAULT_FORMATS, BuildReport, build, extract_to_file
from .neighbourhood import focused_viewer

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUT = Path("out")
DEFAULT_ALIASES = Path("aliases.csv")  # read when present in the current folder

model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="PIPELINE",
                            help="Installed spaCy pipeline to parse with (package name or path).")


class Command(click.Command):
    """A click command that turns NewsgraphError into a one-line message and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsgraphError as error:
            click.echo(f"Error: {error}", err=True)
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


def _summary(report: BuildReport) -> str:
    entities, predicates = report.entities_by_type(), report.triples_by_predicate()
    lines = [
        f"articles  {report.articles} read, {len(report.skipped)} skipped, in {report.seconds:.1f} s",
        f"entities  {sum(entities.values())}: {_counts(entities) or 'none'}",
        f"relations {sum(predicates.values())} (from {report.triples} triples): {_counts(predicates) or 'none'}",
        "wrote     " + ", ".join(str(path) for path in report.outputs),
    ]
    return "\n".join(lines)


def _formats(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
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
def build_command(paths: tuple[Path, ...], out: Path, formats: str, aliases: Path | None, no_cache: bool,
                  model: str) -> None:
    """Extract, merge and export: the main job.

    PATHS are article files or folders of them (.txt, .md); with none, seeds/ is read. Writes
    OUT/triples.jsonl, OUT/graph.json (read by the other commands), OUT/graph.ttl and OUT/graph.html.
    Articles already extracted by an earlier build into OUT are taken from OUT/cache unless they changed.
    """
    if aliases is None and DEFAULT_ALIASES.is_file():
        aliases = DEFAULT_ALIASES
    report = build(paths or (DEFAULT_SEEDS,), out, model=model, formats=_formats(formats), aliases=aliases,
                   reuse_cache=not no_cache)
    click.echo(_summary(report))
    if any(path.suffix == ".html" for path in report.outputs):
        click.echo(f"open      {out / 'graph.html'} in a browser to explore the graph")


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="JSON lines file to write the triples to.")
@model_option
def extract_command(paths: tuple[Path, ...], output: Path, model: str) -> None:
    """Extract triples with their evidence from articles, as JSON lines (no graph)."""
    report = extract_to_file(paths, output, model=model)
    click.echo(f"{report.triples} triples from {report.articles} articles ({len(report.skipped)} skipped) "
               f"in {report.seconds:.1f} s -> {output}")


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


def main() -> None:
    cli(prog_name="newsgraph")
