"""Property tests of extraction (hypothesis): random and mutated articles never raise, and every triple's
evidence is the text at its offsets, in the file as a user reads it.

Each example is written to a file and goes the way a build takes it: read_article, then
extract_articles with the real pipeline. A file may be refused (ArticleError: binary, blank), never
anything else. In CI the examples are few and fixed (derandomized); for a long run, random:

    .venv/bin/python tests/fuzz_extract.py --examples 100000

which sets NEWSGRAPH_FUZZ_EXAMPLES (examples per test) and NEWSGRAPH_FUZZ_RANDOM, then runs this file.
"""
from __future__ import annotations

import codecs
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from extract import ArticleError, extract_articles, read_article
from extract.ontology import AMOUNT, ENTITY_TYPES, PREDICATES

pytestmark = pytest.mark.model

FUZZING = os.environ.get("NEWSGRAPH_FUZZ_RANDOM") == "1"


def _settings(examples: int) -> settings:
    """`examples` in CI, reproducible run to run; in a fuzzing run, as many as asked for, random."""
    return settings(max_examples=int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES") or examples), deadline=None,
                    derandomize=not FUZZING, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


SEED_PARAGRAPHS = [[part for part in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if part.strip()]
                   for path in sorted(SEEDS.glob("*.txt"))]
REFUSALS = ("binary file, not text", "no article text")

# Characters that have broken text tools: controls, a NUL, zero-width and direction marks, a BOM inside
# the text, combining marks, astral characters, typographic quotes and dashes, brackets, CJK, line and
# paragraph separators.
TRICKY = list("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\u00ad\u200b\u200d\u200e\u202e\u2028\u2029\ufeff\u0301"
              "\U0001f600\U00020000\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u3000\u3002\uff0c\u91d1\u534e"
              "()[]{}<>\"'`\\/|&;:,.!?-_*#@%$~^=+\t\r\n ")
WORDS = ["Secretary", "Party", "Committee", "Zhang", "Jifu", "met", "with", "signed", "Co.,", "Ltd.", "Group",
         "Park", "visited", "the", "of", "and", "in", "billion", "yuan", "RMB", "On", "June", "3rd", "Mr.", "said"]

texts = st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",))),
                max_size=40)
tokens = st.one_of(texts, st.sampled_from(WORDS), st.sampled_from(TRICKY))


def _at(draw: Callable[..., Any], text: str) -> int:
    return int(draw(st.integers(0, len(text))))


def _insert(draw: Callable[..., Any], text: str) -> str:
    where = _at(draw, text)
    return text[:where] + draw(tokens) + text[where:]


def _delete(draw: Callable[..., Any], text: str) -> str:
    where = _at(draw, text)
    return text[:where] + text[where + draw(st.integers(1, 200)):]


def _replace(draw: Callable[..., Any], text: str) -> str:
    where = _at(draw, text)
    return text[:where] + draw(tokens) + text[where + draw(st.integers(1, 20)):]


def _long_token(draw: Callable[..., Any], text: str) -> str:
    where = _at(draw, text)
    token = draw(st.sampled_from(["x", "ab", "Zhang", "(", '"', "-", ".", "\u91d1", "1,000"])) * draw(
        st.integers(50, 3000))
    return text[:where] + token + text[where:]


def _duplicate_sentence(draw: Callable[..., Any], text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    picked = draw(st.integers(0, len(sentences) - 1))
    sentences[picked:picked + 1] = [sentences[picked]] * draw(st.integers(2, 6))
    return " ".join(sentences)


def _unbalance(draw: Callable[..., Any], text: str) -> str:
    where = _at(draw, text)
    return text[:where] + draw(st.sampled_from(["(", ")", "((", "[", "]", "{", "\u201c", '"', "'", "<script>",
                                                 "</b>", "(Zhang Jifu", "\u300a", "\u300b"])) + text[where:]


def _line_ends(draw: Callable[..., Any], text: str) -> str:
    return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", " ", "\u2028"])))


MUTATIONS = [_insert, _delete, _replace, _long_token, _duplicate_sentence, _unbalance, _line_ends]


@st.composite
def mutated_articles(draw: Callable[..., Any]) -> str:
    """The headline and a few paragraphs of a seed article, mutated a few times over."""
    paragraphs = draw(st.sampled_from(SEED_PARAGRAPHS))
    first = draw(st.integers(1, len(paragraphs) - 1))
    text = "\n\n".join([paragraphs[0], *paragraphs[first:first + draw(st.integers(1, 3))]]) + "\n"
    for _ in range(draw(st.integers(0, 6))):
        text = draw(st.sampled_from(MUTATIONS))(draw, text)
    return text


NAMES = ["Zhang Jifu", "Alex Ju", "Chindata Group", "Jinhua Municipal Party Committee", "Shanxi Province",
         "Huayun Data Co., Ltd.", "Jinhua Development Zone", "Beijing", "the company", "he", "she"]
words = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(WORDS), st.sampled_from(NAMES),
                  tokens)


@st.composite
def random_articles(draw: Callable[..., Any]) -> str:
    """A headline and sentences of seed words, names, tricky characters and any other characters."""
    sentences = draw(st.lists(st.lists(words, min_size=1, max_size=30), min_size=1, max_size=12))
    ends = draw(st.lists(st.sampled_from([". ", ".\n\n", "! ", "\n", "; ", ""]), min_size=len(sentences),
                         max_size=len(sentences)))
    return "".join(" ".join(sentence) + end for sentence, end in zip(sentences, ends))


def _check(text: str, bom: bool, nlp: Any) -> None:
    """Write the text as a UTF-8 file (with a byte-order mark if `bom`), read it and extract from it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
        try:
            item = read_article(path)
        except ArticleError as error:
            assert error.problem in REFUSALS, error
            event(f"refused: {error.problem}")
            return
        with open(path, encoding="utf-8", newline="") as handle:
            as_read = handle.read()
    [extraction] = extract_articles([item], nlp)
    event("triples found" if extraction.triples else "no triples")
    assert extraction.article == item.article
    for triple in extraction.triples:
        assert 0 <= triple.start < triple.end <= len(item.text), triple
        assert as_read[triple.start:triple.end] == triple.evidence == item.text[triple.start:triple.end]
        assert triple.predicate in PREDICATES, triple
        assert triple.subject and triple.object, triple
        assert triple.subject_type in ENTITY_TYPES and triple.object_type in (*ENTITY_TYPES, AMOUNT), triple


@_settings(150)
@given(text=mutated_articles(), bom=st.booleans())
def test_mutated_seed_articles(nlp: Any, text: str, bom: bool) -> None:
    _check(text, bom, nlp)


@_settings(100)
@given(text=random_articles(), bom=st.booleans())
def test_random_articles(nlp: Any, text: str, bom: bool) -> None:
    _check(text, bom, nlp)
