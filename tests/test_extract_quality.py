"""Extraction quality on the three article sets with gold, scored by score.py (tests/quality.py).

The thresholds are the product's: the sample articles and the articles written in their genre at
triple F1 0.95 or more; real news pages (tests/data/real, 128 pages copied unedited from 119 sites, gold written
before the extractor first saw them) at the level the rules reach after correction, with precision
kept high. First-contact figures on new real pages are measured apart (README, Extraction quality).
"""
from __future__ import annotations

from typing import Any

import pytest
from quality import SETS, measure

pytestmark = pytest.mark.model
# set: (least triple F1, least triple precision)
FLOORS = {"seeds": (0.95, 0.95), "genre": (0.95, 0.95), "real": (0.60, 0.74)}


@pytest.fixture(scope="module")
def results(nlp: Any) -> dict[str, dict[str, Any]]:
    return {name: measure(article_set, nlp) for name, article_set in SETS.items()}


@pytest.mark.parametrize("name", list(SETS))
def test_each_set_reaches_its_floor(results: dict[str, dict[str, Any]], name: str) -> None:
    least_f1, least_precision = FLOORS[name]
    triples = results[name]["triples"]
    errors = [f"{kind} {article} {key}" for article, kind, key in results[name]["errors"]]
    assert triples["f1"] >= least_f1, errors
    assert triples["precision"] >= least_precision, errors


def test_the_real_set_is_large_and_varied() -> None:
    articles = sorted(SETS["real"].articles.glob("*.txt"))
    gold = sorted(SETS["real"].gold.glob("*.json"))
    assert [path.stem for path in articles] == [path.stem for path in gold]
    assert len(articles) >= 32
