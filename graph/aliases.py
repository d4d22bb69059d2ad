"""The user's corrections to entity resolution: an aliases file of same-as and not-same-as pairs.

A CSV file, one pair a line, after a header line; lines starting with "#" and blank lines are skipped.
Quote a name that holds a comma:

    # type,name,relation,other
    type,name,relation,other
    Company,"Alibaba (China) Co., Ltd.",not_same_as,Alibaba Group
    Person,Zhang Ji-fu,same_as,Zhang Jifu

`same_as` makes the two names one entity; `not_same_as` keeps the entities of the two names apart
even where the names or the articles would merge them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from networkx.utils import UnionFind

from extract.errors import NewsgraphError
from extract.ontology import ENTITY_TYPES

from .names import exact_key

HEADER = ("type", "name", "relation", "other")
RELATIONS = ("same_as", "not_same_as")


@dataclass(frozen=True)
class AliasPair:
    """Two names of one entity type that the user says are, or are not, one entity."""

    type: str
    name: str
    other: str


@dataclass(frozen=True)
class Aliases:
    """All the pairs of an aliases file."""

    same: tuple[AliasPair, ...] = ()
    apart: tuple[AliasPair, ...] = ()


NO_ALIASES = Aliases()


def _pair(fields: list[str], where: str) -> tuple[str, AliasPair]:
    if len(fields) != len(HEADER):
        raise NewsgraphError(f"{where}: expected 4 fields ({','.join(HEADER)}), found {len(fields)}")
    entity_type, name, relation, other = (field.strip() for field in fields)
    if entity_type not in ENTITY_TYPES:
        raise NewsgraphError(f"{where}: unknown type {entity_type!r}; choose one of: {', '.join(ENTITY_TYPES)}")
    if relation not in RELATIONS:
        raise NewsgraphError(f"{where}: unknown relation {relation!r}; choose one of: {', '.join(RELATIONS)}")
    if not name or not other:
        raise NewsgraphError(f"{where}: a name is empty")
    for text in (name, other):
        if not exact_key(text, entity_type):
            raise NewsgraphError(f"{where}: {text!r} is not a name (no letter or digit once legal forms are set aside)")
    if relation == "not_same_as" and exact_key(name, entity_type) == exact_key(other, entity_type):
        raise NewsgraphError(f"{where}: {name!r} and {other!r} are the same name, so they cannot be kept apart")
    return relation, AliasPair(entity_type, name, other)


def parse_aliases(text: str, source: str) -> Aliases:
    """Parse the text of an aliases file; `source` names it in errors ("aliases.csv:3: ...")."""
    pairs: dict[str, list[AliasPair]] = {relation: [] for relation in RELATIONS}
    lines: dict[AliasPair, str] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([line]))
        where = f"{source}:{number}"
        if not header_seen:
            if tuple(field.strip() for field in fields) != HEADER:
                raise NewsgraphError(f"{where}: the first line must be the header {','.join(HEADER)}")
            header_seen = True
            continue
        relation, pair = _pair(fields, where)
        pairs[relation].append(pair)
        lines[pair] = where
    _check_consistent(pairs["same_as"], pairs["not_same_as"], lines)
    return Aliases(same=tuple(pairs["same_as"]), apart=tuple(pairs["not_same_as"]))


def _check_consistent(same: list[AliasPair], apart: list[AliasPair], lines: dict[AliasPair, str]) -> None:
    """Refuse a not_same_as pair whose names the same_as pairs make one entity (directly or in a chain)."""
    def key(pair: AliasPair, name: str) -> tuple[str, str]:
        return pair.type, exact_key(name, pair.type)

    groups = UnionFind()
    for pair in same:
        groups.union(key(pair, pair.name), key(pair, pair.other))
    for pair in apart:
        if groups[key(pair, pair.name)] == groups[key(pair, pair.other)]:
            chain = sorted((lines[other].rsplit(":", 1)[1] for other in same
                            if groups[key(other, other.name)] == groups[key(pair, pair.name)]), key=int)
            raise NewsgraphError(f"{lines[pair]}: {pair.name!r} not_same_as {pair.other!r} contradicts the "
                                 f"same_as pairs of line{'s' if len(chain) > 1 else ''} {', '.join(chain)}")


def read_aliases(path: Path) -> Aliases:
    """Read an aliases file; any problem is a NewsgraphError naming the file (and the line)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise NewsgraphError(f"{path}: no such aliases file") from None
    except OSError as error:
        raise NewsgraphError(f"{path}: {error.strerror or 'cannot be read'}") from None
    except UnicodeDecodeError as error:
        raise NewsgraphError(f"{path}: not UTF-8 text (byte {error.start})") from None
    return parse_aliases(text, str(path))
