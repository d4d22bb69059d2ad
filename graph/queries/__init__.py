"""Ready queries: the .rq files in this folder, each headed by comments saying what it answers.

A header line `# param NAME: what it is` declares a value the query needs (`newsgraph query --param
NAME=VALUE`); the other header lines are its description. Add a query by adding a file.

>>> ready_queries()["officials"].description.split(":")[0]
'Officials and their posts'
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..query import QueryError

_PARAM = re.compile(r"#\s*param\s+(\w+):\s*(.*)")


@dataclass(frozen=True)
class ReadyQuery:
    """A query shipped with newsgraph: its name (the file stem), what it answers, and its parameters."""

    name: str
    description: str
    sparql: str
    params: dict[str, str] = field(default_factory=dict)


def _parse(name: str, sparql: str) -> ReadyQuery:
    description, params = [], {}
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        if found := _PARAM.match(line):
            params[found[1]] = found[2]
        else:
            description.append(line.lstrip("#").strip())
    return ReadyQuery(name, " ".join(description), sparql, params)


@cache
def ready_queries() -> dict[str, ReadyQuery]:
    """Every ready query by name, in name order."""
    files = sorted(resources.files(__name__).iterdir(), key=lambda file: file.name)
    return {file.name[:-3]: _parse(file.name[:-3], file.read_text(encoding="utf-8"))
            for file in files if file.name.endswith(".rq")}


def ready_sparql(name: str, params: Mapping[str, str]) -> str:
    """The SPARQL of the ready query `name`, once `params` are checked to be the ones it takes."""
    queries = ready_queries()
    if name not in queries:
        raise QueryError(f"no ready query {name!r}; choose one of: {', '.join(queries)}")
    query = queries[name]
    if missing := sorted(set(query.params) - set(params)):
        raise QueryError(f"query {name!r} needs " + ", ".join(f"--param {param}=VALUE ({query.params[param]})"
                                                               for param in missing))
    if unknown := sorted(set(params) - set(query.params)):
        takes = ", ".join(query.params) or "none"
        raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}; it takes: {takes}")
    return query.sparql
