"""Dependency-tree patterns, written in spaCy's DependencyMatcher format, matched from their anchor word.

spaCy's DependencyMatcher runs a token Matcher over the whole doc for every node of every pattern and
walks each hit's ancestors; with our thirty patterns that cost more than the parse allows (the
extractor may add at most 30% to spaCy's time). The patterns we use are anchored on a verb or noun
given by LEMMA or LOWER, and relate nodes only by ">" (child) and ">>" (descendant), so they are
matched here by looking the anchor up in a dictionary and following the tree from it. The results are
the same as DependencyMatcher's, node for node (tests/test_extract_treematch.py checks it), and come
with the node names.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "DEP": "dep_", "POS": "pos_", "TEXT": "text", "TAG": "tag_"}
RELATIONS = (">", ">>")


def _test(spec: dict[str, Any]) -> list[tuple[str, frozenset[str]]]:
    """A node's RIGHT_ATTRS as (token attribute, allowed values) pairs."""
    tests = []
    for name, value in spec.items():
        if name not in _ATTRS:
            raise ValueError(f"tree patterns support {sorted(_ATTRS)}, not {name}")
        allowed = frozenset([value] if isinstance(value, str) else value["IN"])
        tests.append((_ATTRS[name], allowed))
    return tests


@dataclass(frozen=True)
class Node:
    name: str
    left: str | None
    relation: str | None
    tests: tuple[tuple[str, frozenset[str]], ...]

    def accepts(self, token: Token) -> bool:
        return all(getattr(token, attribute) in allowed for attribute, allowed in self.tests)


@dataclass(frozen=True)
class TreePattern:
    key: str
    nodes: tuple[Node, ...]


def compile_pattern(key: str, pattern: list[dict[str, Any]]) -> TreePattern:
    nodes = []
    for spec in pattern:
        relation = spec.get("REL_OP")
        if relation is not None and relation not in RELATIONS:
            raise ValueError(f"tree patterns support the relations {RELATIONS}, not {relation}")
        nodes.append(Node(spec["RIGHT_ID"], spec.get("LEFT_ID"), relation, tuple(_test(spec["RIGHT_ATTRS"]))))
    return TreePattern(key, tuple(nodes))


class TreeMatcher:
    """Patterns by key; index of anchors by the attribute value they require."""

    def __init__(self) -> None:
        self.by_anchor: dict[tuple[str, str], list[TreePattern]] = {}

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            compiled = compile_pattern(key, pattern)
            attribute, allowed = next(test for test in compiled.nodes[0].tests if test[0] in {"lemma_", "lower_"})
            for value in allowed:
                self.by_anchor.setdefault((attribute, value), []).append(compiled)

    def __call__(self, span: Span) -> Iterator[tuple[str, dict[str, Token]]]:
        """Every match in the span, as (key, {node name: token})."""
        for token in span:
            seen: set[int] = set()
            for lookup in (("lemma_", token.lemma_), ("lower_", token.lower_)):
                for pattern in self.by_anchor.get(lookup, ()):
                    if id(pattern) in seen or not pattern.nodes[0].accepts(token):
                        continue
                    seen.add(id(pattern))
                    for bound in _extend(pattern.nodes, 1, {pattern.nodes[0].name: token}):
                        yield pattern.key, bound


def _extend(nodes: tuple[Node, ...], index: int, bound: dict[str, Token]) -> Iterator[dict[str, Token]]:
    if index == len(nodes):
        yield dict(bound)
        return
    node = nodes[index]
    left = bound[node.left]  # type: ignore[index]
    candidates = left.children if node.relation == ">" else left.subtree
    for token in candidates:
        if token.i != left.i and token not in bound.values() and node.accepts(token):
            bound[node.name] = token
            yield from _extend(nodes, index + 1, bound)
            del bound[node.name]
