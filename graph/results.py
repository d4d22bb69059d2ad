"""Query results as text: an aligned table for people; SPARQL 1.1 CSV, TSV or JSON for tools; Turtle.

CSV, TSV and JSON are written by Oxigraph's serializers. In a table, IRIs are shortened with the
project's prefixes and an ASK answer is `true` or `false`. CONSTRUCT and DESCRIBE results are Turtle.
"""
from __future__ import annotations

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    serialize,
)

from .query import QUERY_PREFIXES, QueryResult

SERIALIZERS: dict[str, QueryResultsFormat] = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
}
FORMATS = ("table", *SERIALIZERS)


def render(result: QueryResult, fmt: str = "table") -> str:
    """A query result as text in one of FORMATS (Turtle for CONSTRUCT and DESCRIBE, whatever `fmt`)."""
    if isinstance(result, QueryTriples):
        return turtle(result)
    if fmt == "table":
        return table(result)
    return (result.serialize(format=SERIALIZERS[fmt]) or b"").decode("utf-8")


def table(result: QuerySolutions | QueryBoolean) -> str:
    """SELECT solutions as an aligned table with a row count; an ASK answer as `true` or `false`."""
    if isinstance(result, QueryBoolean):
        return f"{str(bool(result)).lower()}\n"
    names = [variable.value for variable in result.variables]
    rows = [[cell(solution[name]) for name in names] for solution in result]
    widths = [max(map(len, column)) for column in zip(names, *rows, strict=True)]
    lines = [names, ["-" * width for width in widths], *rows]
    aligned = ["  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip()
               for line in lines]
    return "\n".join(aligned) + f"\n({len(rows)} row{'' if len(rows) == 1 else 's'})\n"


def cell(term: NamedNode | BlankNode | Literal | None) -> str:
    """One term as a table shows it: a prefixed name or <IRI>, a literal's text on one line, or blank.

    >>> cell(NamedNode("https://newsgraph.example/id/person/chen-long")), cell(Literal("two\\nlines"))
    ('person:chen-long', 'two lines')
    """
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return compact(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return " ".join(term.value.split())
    return str(term)


def compact(iri: str) -> str:
    """An IRI as a prefixed name where one of the project's prefixes covers it, else as <IRI>."""
    for prefix, namespace in QUERY_PREFIXES.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return f"<{iri}>"


def turtle(triples: QueryTriples) -> str:
    """CONSTRUCT or DESCRIBE triples as Turtle, in a stable order, declaring only the prefixes they use."""
    found = sorted(triples, key=str)
    text = "\n".join(map(str, found))
    used = {prefix: namespace for prefix, namespace in QUERY_PREFIXES.items() if namespace in text}
    text = (serialize(found, format=RdfFormat.TURTLE, prefixes=used) or b"").decode("utf-8")
    return text if text.endswith("\n") or not text else text + "\n"
