"""Whole articles written in the genre of the seeds (tests/data/genre/articles), against hand-made gold.

tests/data/genre/gold/*.json follow the gold GUIDELINES.md format. A predicted triple matches a gold one
when its subject and object are among the names the gold gives the entities (case-insensitive).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA
from extract import extract_articles, read_article

pytestmark = pytest.mark.model
SYMMETRIC = {"signed_agreement_with", "cooperates_with"}


def _gold(path: Path) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = {name.lower(): entity["id"] for entity in data["entities"] for name in entity["names"]}
    return ids, {_key(t["s"], t["p"], t.get("o") or t.get("value", "").split()[0]) for t in data["triples"]}


def _key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    return (*sorted((subject, obj)), predicate) if predicate in SYMMETRIC else (subject, obj, predicate)


GENRE = DATA / "genre"


@pytest.mark.parametrize("path", sorted((GENRE / "articles").glob("*.txt")), ids=lambda path: path.stem)
def test_article_triples_match_the_gold(nlp, path: Path) -> None:  # type: ignore[no-untyped-def]
    ids, gold = _gold(GENRE / "gold" / f"{path.stem}.json")
    [extraction] = extract_articles([read_article(path)], nlp)
    found = set()
    for triple in extraction.triples:
        obj = triple.object.split()[0] if triple.predicate == "has_value" else ids.get(triple.object.lower(), "?")
        found.add(_key(ids.get(triple.subject.lower(), "?"), triple.predicate, obj))
    missed, extra = gold - found, found - gold
    assert len(extra) == 0, extra
    assert len(missed) <= len(gold) // 10, missed
