"""The tree matcher finds exactly what spaCy's DependencyMatcher finds with the same patterns."""
from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extract.verbs import verb_matcher, verb_table

SENTENCES = (
    "Zhou Lin met with Gao Yan and held talks with the executives of Lanxin Group in Xining.",
    "A delegation led by Qian Wei paid a visit to the Xiamen Software Park and then travelled to Quanzhou.",
    "The Changsha Expo will be held at the exhibition center in Changsha, and 40 firms will take part in it.",
    "Tianrui Group signed an agreement with the Luoyang government to build a plant, and will invest in "
    "the Luoyang Robot Valley, which consists of three zones.",
    "The cooperation between Nanning and Yida Holdings began with an agreement between the two parties.",
)


@pytest.mark.model
@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_matches_as_spacy_dependency_matcher(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    table = verb_table()
    reference = DependencyMatcher(nlp.vocab)
    groups = {**table["patterns"], **{f"pairs:{key}": value for key, value in table["pairs"].items()}}
    for key, patterns in groups.items():
        reference.add(key, patterns)
    expected = {(nlp.vocab.strings[key], tuple(ids)) for key, ids in reference(doc)}
    found = set()
    for key, nodes in verb_matcher()(doc[:]):
        order = next(pattern for pattern in groups[key]
                     if [node["RIGHT_ID"] for node in pattern] == list(nodes))
        found.add((key, tuple(nodes[node["RIGHT_ID"]].i for node in order)))
    assert expected, "the sentences exercise the patterns"
    assert found == expected
