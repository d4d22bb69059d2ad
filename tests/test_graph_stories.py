"""Syndicated copies (graph/stories.py): every copy of tests/copies.py in its original's story, no two
different articles in one, story ids that do not depend on reading order, short texts never folded,
and the real pages of tests/data/real/articles left apart."""
from __future__ import annotations

import random
import tracemalloc
from functools import cache

import pytest
from copies import Apart, Text, apart, corpus, original, score

from graph.stories import MIN_SHINGLES, THRESHOLD, Duplicate, StoryIndex, find_stories, shingles

COPIES = [item for item in corpus() if item.how != "original"]
ORIGINALS = [item for item in corpus() if item.how == "original"]


def _index(texts: list[Text] | tuple[Text, ...]) -> StoryIndex:
    index = StoryIndex()
    for item in texts:
        index.add(item.id, item.text)
    return index


@cache
def _stories() -> dict[str, str]:
    return _index(corpus()).stories()


@pytest.mark.parametrize(("text", "expected"), [
    ("Jia met Lu on Nov 29.", {"jia met lu on nov", "met lu on nov 29"}),
    ("JIA met\nLu, on   Nov 29!", {"jia met lu on nov", "met lu on nov 29"}),  # case, breaks, punctuation
    ("Lu’s “view” of Jia was …", {"lu s view of jia", "s view of jia was"}),  # curly quotes as straight
    ("Lu's \"view\" of Jia was ...", {"lu s view of jia", "s view of jia was"}),
    ("ＣＭＧＢ and HIT signed the deal", {"cmgb and hit signed the", "and hit signed the deal"}),  # NFKC
    ("four words only here", set()),
])
def test_shingles_are_five_word_phrases_of_lowercased_words(text: str, expected: set[str]) -> None:
    assert shingles(text) == expected


@pytest.mark.parametrize("copy", COPIES, ids=[item.id for item in COPIES])
def test_every_copy_is_folded_with_its_original(copy: Text) -> None:
    assert copy.text != original(copy.original)
    assert _stories()[copy.id] == _stories()[copy.original]


def test_no_two_different_articles_are_folded() -> None:
    originals: dict[str, set[str]] = {}
    for item in corpus():
        originals.setdefault(_stories()[item.id], set()).add(item.original)
    assert {story: stems for story, stems in originals.items() if len(stems) > 1} == {}
    assert len(originals) == len(ORIGINALS)


@pytest.mark.parametrize("pair", apart(), ids=[f"{pair.first[:3]}-{pair.second[:3]}-{pair.kind}"
                                              for pair in apart()])
def test_hard_pairs_of_different_articles_stay_apart(pair: Apart) -> None:
    assert _stories()[pair.first] != _stories()[pair.second]


def test_the_story_id_is_the_smallest_id_of_its_cluster() -> None:
    clusters: dict[str, list[str]] = {}
    for article_id, story in _stories().items():
        clusters.setdefault(story, []).append(article_id)
    assert all(story == min(members) for story, members in clusters.items())
    stem = "221_harbin_cmgb"
    assert {article_id for article_id, story in _stories().items() if story == stem} == {
        stem, *(item.id for item in COPIES if item.original == stem)}


def test_reading_order_does_not_change_the_story_ids() -> None:
    texts = list(corpus())
    shuffled = texts.copy()
    random.Random(0).shuffle(shuffled)
    assert _index(texts[::-1]).stories() == _stories()
    assert _index(shuffled).stories() == _stories()


def test_a_copy_read_first_gets_the_smaller_id_of_the_original() -> None:
    story = " ".join(f"word{i}" for i in range(60))
    assert find_stories([("zz-copy", f"Home | News\n{story}\nEditor: Li Na"), ("aa-original", story)]) == {
        "aa-original": "aa-original", "zz-copy": "aa-original"}


def _text(phrases: int) -> str:
    """A text of exactly `phrases` five-word phrases."""
    return " ".join(f"w{i}" for i in range(phrases + 4))


def test_short_texts_are_never_folded() -> None:
    short, enough = _text(MIN_SHINGLES - 1), _text(MIN_SHINGLES)
    assert len(shingles(short)) == MIN_SHINGLES - 1 and len(shingles(enough)) == MIN_SHINGLES
    stories = find_stories([("a", short), ("b", short), ("c", enough), ("d", enough), ("e", ""), ("f", "")])
    assert stories == {"a": "a", "b": "b", "c": "c", "d": "c", "e": "e", "f": "f"}


def test_a_shared_boilerplate_sentence_does_not_fold_two_short_texts() -> None:
    boilerplate = ("This article was first published by China Daily and is republished here with the "
                   "permission of the newspaper for readers")  # 20 words: 16 phrases
    first = boilerplate + " " + " ".join(f"a{i}" for i in range(MIN_SHINGLES - 16))
    second = boilerplate + " " + " ".join(f"b{i}" for i in range(MIN_SHINGLES - 16))
    assert find_stories([("first", first), ("second", second)]) == {"first": "first", "second": "second"}


def test_an_article_added_twice_is_an_error() -> None:
    index = StoryIndex()
    index.add("a", _text(50))
    with pytest.raises(ValueError, match="article 'a' was added twice"):
        index.add("a", _text(50))


@pytest.mark.parametrize("threshold", [THRESHOLD - 0.05, THRESHOLD, THRESHOLD + 0.05])
def test_the_threshold_has_a_margin_on_both_sides(threshold: float) -> None:
    """The corpus comes out right not only at THRESHOLD but 0.05 below it and above it."""
    row = score(threshold)
    assert (row.found, row.missed, row.wrong, row.real) == (len(COPIES), 0, 0, 0)


def test_outside_the_margin_the_corpus_goes_wrong() -> None:
    """The corpus is hard enough to tell thresholds apart: at 0.25 two different stories fold (two
    short pages in the same chrome), at 0.5 copies are missed."""
    assert score(0.25).wrong > 0
    assert score(0.5).missed > 0


def test_the_real_pages_hold_no_copies_of_each_other() -> None:
    """The 128 real pages come from 119 sites; three are China Daily texts on other sites (221, 319,
    321), but of stories not in the set. By eye: the pairs sharing most phrases (233 and 305, FAW and
    the Changchun auto clusters; 365 and 376; 302 and 376) are different stories whose exact
    similarity is under 0.04, so the module must find no pair."""
    index = _index(ORIGINALS)
    assert index.duplicates() == []
    assert index.stories() == {item.id: item.id for item in ORIGINALS}


def test_duplicates_are_the_confirmed_pairs_with_their_similarity() -> None:
    index = _index([item for item in corpus() if item.original == "221_harbin_cmgb"])
    pairs = index.duplicates()
    assert pairs == sorted(pairs, key=lambda pair: (pair.first, pair.second))
    assert all(isinstance(pair, Duplicate) and pair.first < pair.second and THRESHOLD <= pair.similarity <= 1
               for pair in pairs)
    assert ("221_harbin_cmgb", "221_harbin_cmgb~edit-typo") in {(pair.first, pair.second) for pair in pairs}


def test_only_signatures_are_kept_not_texts() -> None:
    """Memory grows by the same amount an article whether its text has 100 words or 2,000."""
    def growth(words: int) -> float:
        rng = random.Random(words)
        texts = [" ".join(f"w{rng.randrange(10**6)}" for _ in range(words)) for _ in range(50)]
        index = StoryIndex()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for number, text in enumerate(texts):
            index.add(f"a{number}", text)
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return (after - before) / len(texts)

    small, large = growth(100), growth(2000)
    assert large < small + 2048  # a 2,000-word text alone is 14 KB
    assert small < 40 * 1024
