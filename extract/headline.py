"""Relations of a headline written in title case ("Inspur and Jinan Sign Strategic Cooperation Agreement",
"Chen Long Visits Shenzhen"), where the parser takes the capitalised verb for part of a name.

The verb is found by its word form (verbs.json "headline"); its subjects are the names listed just before
it; its object is the name just after it, or after "with" a few words on. A signing or cooperation with no
object relates its subjects to each other ("A and B Sign ..."). Headlines in sentence case are parsed well
enough for the verb patterns and are left to them.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations

from spacy.tokens import Span

from .context import Candidate, Context
from .entities import Mention
from .lexicon import lexicon, read_pattern_file

_WITH_REACH = 4
_TITLE_SHARE = 0.7


@lru_cache(maxsize=1)
def _headline_verbs() -> dict[str, str]:
    """Each headline verb form and its predicate."""
    table = read_pattern_file("verbs.json")["headline"]
    return {form: predicate for predicate, forms in table.items() if not predicate.startswith("_")
            for form in forms}


def _in_title_case(sent: Span) -> bool:
    """Whether most words of a sentence, less short function words, are capitalised."""
    stopwords = lexicon().name_stopwords
    words = [token for token in sent if token.is_alpha and token.lower_ not in stopwords]
    return len(words) > 2 and sum(token.is_title or token.is_upper for token in words) >= _TITLE_SHARE * len(words)


def _object_after(i: int, sent: Span, context: Context) -> Mention | None:
    """The name right after token i (unless it only modifies the common words after it: "signs AI
    computing deal with X"), or after a "with" a few words on."""
    following = context.starting_at(i + 1)
    doc = context.doc
    if following and not (following.end < sent.end and doc[following.end].is_lower and doc[following.end].is_alpha):
        return following
    for j in range(i + 1, min(i + 1 + _WITH_REACH, sent.end - 1)):
        if context.doc[j].lower_ == "with":
            return context.starting_at(j + 1 + (context.doc[j + 1].lower_ == "the"))
    return None


def headline_relations(sent: Span, context: Context) -> Iterator[Candidate]:
    """Triples of the article's first sentence where it is a headline in title case."""
    if sent.start != context.sentences()[0].start or not _in_title_case(sent):
        return
    verbs = _headline_verbs()
    group = frozenset(read_pattern_file("verbs.json")["group"])
    for token in context.tokens_of(sent):
        predicate = verbs.get(token.lower_)
        before = context.ending_at(token.i)
        if predicate is None or before is None or token.pos_ == "VERB":
            continue
        subjects = context.coordinated(before)
        obj = _object_after(token.i, sent, context)
        if obj is not None:
            for subject in subjects:
                yield Candidate(subject, predicate, obj, "headline")
        elif predicate in group:
            for left, right in combinations(subjects, 2):
                yield Candidate(left, predicate, right, "headline")
