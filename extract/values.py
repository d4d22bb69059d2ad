"""has_value: a money amount tied to what it measures ("an annual output value of 30 billion yuan").

An amount counts where a value noun of the lexicon ("output value", "total investment", "contract
amount") stands just before it and a currency word is in it. What it measures is, where the value
noun belongs to a verb, that verb's subject ("the park ..., which X built in Z, will achieve an output
value of"), or for "with" the verb's object ("X will build Y with a total investment of"); else the
nearest project, event or company named (or referred to: "the conference") before it in the
sentence; else the project the article is about: the one named most often.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Span

from . import ontology
from .context import Candidate, Context, subjects_of
from .entities import Mention
from .lexicon import lexicon
from .names import SPANS_KEY

_MEASURED = (ontology.PROJECT, ontology.EVENT, ontology.COMPANY)
_REACH = 4


def _amounts(sent: Span) -> list[Span]:
    """Sums of money: the name ruler's amounts, else NER's MONEY spans that name a currency."""
    words = lexicon()
    ruled = [span for span in sent.doc.spans.get(SPANS_KEY, ()) if span.label_ == ontology.AMOUNT
             and sent.start <= span.start and span.end <= sent.end]
    recognized = [ent for ent in sent.ents if ent.label_ == "MONEY" and
                  any(token.lower_ in words.currency for token in ent) and
                  not any(ent.start < span.end and span.start < ent.end for span in ruled)]
    return sorted(ruled + recognized, key=lambda span: span.start)


def _after_value_noun(amount: Span) -> bool:
    """Whether a value noun ends within a few words before the amount ("output value of")."""
    doc, words = amount.doc, lexicon()
    before = [token.lower_ for token in doc[max(amount.sent.start, amount.start - _REACH):amount.start]]
    while before and before[-1] in {"of", "about", "around", "nearly", "over", "than", "more", "reaching",
                                    "at", "to", "is", "was", "will", "be", "reach", "exceed", "exceeding", "up"}:
        before.pop()
    return any(tuple(before[-len(noun):]) == noun for noun in words.value_nouns)


def _of_unnamed_things(amount: Span, context: Context) -> bool:
    """Whether the amount measures things the article does not name ("12 projects worth 4 billion yuan",
    "enterprises with a revenue of"): a plural noun above it that no name stands for."""
    token = amount.root
    for _ in range(4):
        token = token.head
        if token.tag_ == "NNS" and context.at(token) is None:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return False
    return False


def _clause_owner(amount: Span, context: Context) -> Mention | None:
    """What the verb of the amount's value noun says has it: the subject of "have", "achieve" or "reach"
    ("the park is expected to achieve an output value of"), or the object of a verb whose "with" holds
    it ("build Y with a total investment of"), where that is a project, event or company."""
    of = amount.root.head
    if of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    noun = of.head
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        owners = subjects_of(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in {"VERB", "AUX"}:
        verb = noun.head.head
        owners = [child for child in verb.children if child.dep_ == "dobj"] + subjects_of(verb)
    else:
        return None
    return next((m for m in context.mentions_of(owners) if m.type in _MEASURED), None)


def topic_project(context: Context) -> Mention | None:
    """The project the article is about: named in its first sentence (the headline), and most often."""
    first = next(iter(context.doc.sents), None)
    headline = {m.name for m in context.in_span(first)} if first is not None else set()
    counts = Counter(m.name for m in context.mentions if m.type == ontology.PROJECT and m.name in headline)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(m for m in context.mentions if m.name == name)


def values(sent: Span, context: Context) -> Iterator[Candidate]:
    """has_value for each amount the sentence ties to a value noun."""
    for amount in _amounts(sent):
        if not _after_value_noun(amount) or _of_unnamed_things(amount, context):
            continue
        earlier = [m for m in context.in_span(sent) if m.end <= amount.start and m.type in _MEASURED]
        measured = _clause_owner(amount, context) or (earlier[-1] if earlier else topic_project(context))
        if measured:
            value = Mention(amount.start, amount.end, amount.text, ontology.AMOUNT, name=amount.text)
            yield Candidate(measured, "has_value", value, "value")
