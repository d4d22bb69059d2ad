"""SPARQL 1.1 over the graph's RDF, run on Oxigraph's engine, with the project's prefixes pre-declared.

rdflib's own SPARQL evaluator is pure Python and one to two orders of magnitude slower on large graphs
(tests/benchmarks/query_speed.py measures it), so queries run on a pyoxigraph Store, loaded straight
from the Turtle that `newsgraph build` writes (or from its graph.json where that is all there is). A
query may use every prefix of QUERY_PREFIXES without declaring it; its own PREFIX lines take precedence.
A query that cannot run raises a QueryError whose one-line message gives the line and column of the
problem, or the prefix that is not declared. Federated queries (SERVICE) are refused before they run:
Oxigraph would open a connection to any address the query names, so a query sent to `newsgraph serve`
by any web page could reach into the user's network.

>>> from graph import build_graph, rdf_store
>>> store = rdf_store(build_graph([]))
>>> bool(run_query(store, "ASK { ?person ng:metWith ?other }"))
False
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)
from rdflib import OWL, RDF, RDFS, XSD

from extract.errors import NewsgraphError

from .io import GRAPH_FILE, load_graph
from .rdf import rdf_quads
from .vocab import PREFIXES

QueryResult = QuerySolutions | QueryBoolean | QueryTriples
Term = TypeVar("Term", Variable, NamedNode)

RDF_FILE = "graph.ttl"

QUERY_PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
}

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
# What can hold a colon without being a prefixed name: strings, IRIs and comments; and the escaped
# characters of local names (ex:a\#b, ex:a\'b), which start neither a comment nor a string.
_NOT_CODE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|(?P<escape>\\[_~.\-!$&\'()*+,;=/?#@%])')
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PREFIXED_NAME = re.compile(r"(?<![\w?$.:-])([A-Za-z][\w.-]*)?:")
_MAX_PROBLEM = 120
# Oxigraph's parser recurses once per level of nesting, and a few thousand levels overflow its stack: a
# segmentation fault that ends the process. Real queries nest a handful of levels.
MAX_NESTING = 200
MAX_QUOTED_NESTING = 16  # Oxigraph's parse time grows steeply with nested << >>: 6 s at 100 levels
_BRACKET = re.compile(r"[{}()\[\]]")
_QUOTED = re.compile(r"<<|>>")
# The SERVICE keyword: not part of a variable, a prefixed name or a prefix declaration.
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE\b(?![\w.-]*:)", re.IGNORECASE)


class QueryError(NewsgraphError):
    """A query that cannot run: bad syntax, an undeclared prefix or a parameter it has no place for."""


def graph_source(path: Path) -> Path:
    """The file that `path` names: a build folder's graph.ttl (else its graph.json), or the file itself."""
    if path.is_dir():
        found = [path / name for name in (RDF_FILE, GRAPH_FILE) if (path / name).is_file()]
        file = found[0] if found else path / RDF_FILE
    else:
        file = path
    if not file.is_file():
        raise NewsgraphError(f"{file}: no such file; give a build folder (run `newsgraph build`) or an RDF "
                             "file")
    return file


def rdf_format(file: Path) -> RdfFormat:
    """The RDF syntax of a file, from its extension."""
    found = RdfFormat.from_extension(file.suffix.lstrip("."))
    if found is None:
        raise NewsgraphError(f"{file}: not an RDF file; use Turtle (.ttl), N-Triples (.nt) or another RDF "
                             "syntax")
    return found


def open_store(path: Path, *, location: Path | None = None) -> Store:
    """A Store holding the graph of a build folder, an RDF file or a graph.json: in memory, or on disk
    at `location`."""
    file = graph_source(path)
    store = Store(location)
    if file.suffix == ".json":
        store.bulk_extend(rdf_quads(load_graph(file)))
        return store
    syntax = rdf_format(file)
    try:
        store.bulk_load(path=file, format=syntax)
    except SyntaxError as error:
        raise NewsgraphError(f"{file}: not valid {syntax.name}: {_one_line(str(error))}") from None
    return store


def run_query(store: Store, sparql: str, *, params: Mapping[str, str] | None = None,
              default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> QueryResult:
    """Run a SPARQL 1.1 query with the project's prefixes pre-declared.

    `params` gives variables a string literal value before the query runs (SEP-0007 substitution: a
    value is a term, never query text); a SELECT query must select the variables it is given.
    `default_graphs` and `named_graphs` set the query's dataset, as the SPARQL protocol's
    default-graph-uri and named-graph-uri do.

    >>> from graph import build_graph, rdf_store
    >>> store = rdf_store(build_graph([]))
    >>> list(run_query(store, "SELECT ?name WHERE { ?node rdfs:label ?name }", params={"name": "Chen Long"}))
    []
    """
    substitutions: dict[Variable, NamedNode | BlankNode | Literal | Triple] = {
        _term(Variable, name, "variable name"): Literal(value) for name, value in (params or {}).items()}
    default_graph: list[NamedNode | BlankNode | DefaultGraph] = [
        _term(NamedNode, iri, "graph IRI") for iri in default_graphs]
    named: list[NamedNode | BlankNode] = [_term(NamedNode, iri, "graph IRI") for iri in named_graphs]
    refuse_deep_nesting(sparql)
    refuse_service(sparql)
    try:
        return store.query(sparql, prefixes=QUERY_PREFIXES, substitutions=substitutions or None,
                           default_graph=default_graph or None, named_graphs=named or None)
    except SyntaxError as error:
        raise syntax_error(sparql, str(error)) from None
    except RuntimeError as error:
        if not substitutions:
            raise
        raise QueryError(f"cannot set {', '.join(sorted(params or {}))}: {error}") from None


def _term(kind: Callable[[str], Term], text: str, what: str) -> Term:
    try:
        return kind(text)
    except ValueError as error:
        raise QueryError(f"not a {what}: {text!r} ({error})") from None


def syntax_error(sparql: str, message: str) -> QueryError:
    """One line for Oxigraph's syntax error `message`: where in the query, and what is wrong there."""
    unknown = undeclared_prefix(sparql)
    if unknown is not None:
        prefix, line, column = unknown
        return QueryError(f"query line {line}, column {column}: unknown prefix '{prefix}:'; declare it "
                          f"with PREFIX {prefix}: <IRI> or use one of: {', '.join(QUERY_PREFIXES)}")
    found = _POSITION.match(message)
    if found is None:
        return QueryError(f"query: {_one_line(message)}")
    line, column, problem = int(found[1]), int(found[2]), _one_line(found[3])
    if len(problem) > _MAX_PROBLEM:
        problem = problem[:_MAX_PROBLEM].rsplit(",", 1)[0] + ", …"
    lines = sparql.split("\n")
    before = " ".join(lines[line - 1][:column - 1].split()[-3:]) if line <= len(lines) else ""
    where = f', after "{before}"' if before else ""
    return QueryError(f"query line {line}, column {column}{where}: {problem}")


def refuse_service(sparql: str) -> None:
    """Raise QueryError where the query calls a remote endpoint with SERVICE (or SERVICE SILENT).

    >>> refuse_service('SELECT ?service WHERE { ?s <http://x/SERVICE> "SERVICE" }')
    >>> refuse_service('SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graph.query.QueryError: query line 1, column 12: federated queries (SERVICE) are not allowed here; ...
    """
    code = _code_only(sparql)
    found = _SERVICE.search(code)
    if found is not None:
        line, column = _position(code, found.start())
        raise QueryError(f"query line {line}, column {column}: federated queries (SERVICE) are not allowed "
                         "here; query the graph itself")


def refuse_deep_nesting(sparql: str, *, limit: int = MAX_NESTING) -> None:
    """Raise QueryError where groups, parentheses and brackets, counted together, nest deeper than `limit`,
    or quoted triples deeper than MAX_QUOTED_NESTING.

    >>> refuse_deep_nesting("ASK { FILTER (" + "(" * 200 + "true" + ")" * 201 + " }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graph.query.QueryError: query line 1, column 213: nested more than 200 levels deep ({, ( and [ ...
    """
    code = _code_only(sparql, brackets_in_iris=True)
    depth = 0
    for found in _BRACKET.finditer(code):
        if found[0] in "{([":
            depth += 1
            if depth > limit:
                line, column = _position(code, found.start())
                raise QueryError(f"query line {line}, column {column}: nested more than {limit} levels deep "
                                 "({, ( and [ together); write the query with fewer nested groups")
        else:
            depth = max(depth - 1, 0)
    _refuse_deep_quoting(_code_only(sparql))


def _refuse_deep_quoting(code: str) -> None:
    depth = 0
    for found in _QUOTED.finditer(code):
        depth = depth + 1 if found[0] == "<<" else max(depth - 1, 0)
        if depth > MAX_QUOTED_NESTING:
            line, column = _position(code, found.start())
            raise QueryError(f"query line {line}, column {column}: quoted triples (<< >>) nested more than "
                             f"{MAX_QUOTED_NESTING} levels deep; write the query with fewer")


def _code_only(sparql: str, *, brackets_in_iris: bool = False) -> str:
    """The query with its strings, IRIs and comments blanked out, line ends kept, and the escaped
    characters of local names made name characters (`_`), so that the name stays one word.

    With `brackets_in_iris`, what looks like an IRI keeps its brackets: in `FILTER (?n<(((1)))>0)` the
    IRI pattern matches a less-than and what follows it, which Oxigraph reads as nested parentheses.
    """
    def blank(match: re.Match[str]) -> str:
        if match["escape"]:
            return "__"
        kept = r"[^\n(){}\[\]]" if brackets_in_iris and match[0].startswith("<") else r"[^\n]"
        return re.sub(kept, " ", match[0])

    return _NOT_CODE.sub(blank, sparql)


def _position(code: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset."""
    return code.count("\n", 0, offset) + 1, offset - (code.rfind("\n", 0, offset) + 1) + 1


def undeclared_prefix(sparql: str) -> tuple[str, int, int] | None:
    """The first prefixed name whose prefix neither the query nor QUERY_PREFIXES declares, as
    (prefix, line, column), or None.

    >>> undeclared_prefix('SELECT * WHERE {\\n  ?x foo:bar "a:b" }')
    ('foo', 2, 6)
    """
    code = _code_only(sparql)
    declared = set(QUERY_PREFIXES) | {prefix or "" for prefix in _DECLARED.findall(code)}
    for match in _PREFIXED_NAME.finditer(code):
        prefix = match[1] or ""
        if prefix not in declared:
            return (prefix, *_position(code, match.start()))
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())
