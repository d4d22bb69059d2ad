"""has_value: a money amount tied to what it measures ("an annual output value of 30 billion yuan").

An amount counts where a value noun of the lexicon ("output value", "total investment", "contract
amount") stands just before it and a currency word is in it, or where it is written before a project's
noun ("a 9.8-billion-yuan project"). What it measures is, where the value
noun belongs to a verb, that verb's subject ("the park ..., which X built in Z, will achieve an output
value of"), or for "with" after the verb its object ("X will build Y with a total investment of"),
where the object is unnamed ("X will build a base with ..."), the project it stands for; else the
nearest project, event or company named (or referred to: "the conference") before it in the
sentence; else the project the article is about: the one named most often. An amount in brackets
right after a project's name measures it ("Bori's assembly base (700 million yuan)").
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Span, Token

from . import ontology
from .context import Candidate, Context, governing_verb, subjects_of
from .entities import Mention
from .lexicon import lexicon
from .names import SPANS_KEY

_MEASURED = (ontology.PROJECT, ontology.EVENT, ontology.COMPANY)
_REACH = 4


def _amounts(sent: Span, context: Context) -> list[Span]:
    """Sums of money: the name ruler's amounts, else NER's MONEY spans that name a currency (found once per
    article, then read by sentence)."""
    if "amounts" not in context.cache:
        doc, words = context.doc, lexicon()
        ruled = [span for span in doc.spans.get(SPANS_KEY, ()) if span.label_ == ontology.AMOUNT]
        taken = {i for span in ruled for i in range(span.start, span.end)}
        recognized = [ent for ent in doc.ents if ent.label_ == "MONEY" and
                      any(token.lower_ in words.currency for token in ent) and
                      not taken.intersection(range(ent.start, ent.end))]
        amounts = sorted(ruled + recognized, key=lambda span: span.start)
        context.cache["amounts"] = amounts, [span.start for span in amounts]
    amounts, starts = context.cache["amounts"]
    return [span for span in amounts[bisect_left(starts, sent.start):bisect_right(starts, sent.end)]
            if span.end <= sent.end]


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
    "enterprises with a revenue of", "deals worth" where the parse took "deals" for a verb, "a cluster
    worth"): a plural noun above it, or a plural or indefinite one right before its "worth", that no name
    stands for."""
    doc = amount.doc
    if amount.start >= 2 and doc[amount.start - 1].lower_ == "worth" and context.at(doc[amount.start - 2]) is None:
        start = amount.start - 2
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in {"ADJ", "NOUN"}:
            start -= 1
        if doc[amount.start - 2].lower_.endswith("s") or start > 0 and doc[start - 1].lower_ in {"a", "an"}:
            return True
    token = amount.root
    for _ in range(4):
        token = token.head
        if token.tag_ == "NNS" and context.at(token) is None:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return False
    return False


def _an_example(mention: Mention, context: Context) -> bool:
    """Whether a name is only one of the examples of a plural ("signed agreements with 12 companies,
    including A and B, with a total investment of"): an amount after it measures the many, not it."""
    token = context.doc[mention.start:mention.end].root
    while token.dep_ in {"conj", "appos"}:
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in lexicon().example_words and prep.head.tag_ == "NNS"


def _clause_owner(amount: Span, context: Context) -> tuple[bool, Mention | None]:
    """What the verb of the amount's value noun says has it, and whether the verb says: the subject of
    "have", "achieve" or "reach" ("the park is expected to achieve an output value of"); for a "with"
    before the verb the subject ("the project, with an investment of N, will cover"), after it the object
    ("build Y with a total investment of") or what the object agreement is about ("signed an agreement on
    Y, with"), where that is a project, event or company; for a "with" on
    a noun, what the noun names or describes ("Y, a project with"). An unnamed project has it too: then
    the project it stands for, if any ("build a base in Z with a total investment of")."""
    of = amount.root.head
    if of.lower_ != "of" or of.head.pos_ != "NOUN":
        return False, None
    noun = of.head
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        owners = subjects_of(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with":
        verb = _bearer(noun.head, context)
        if verb.pos_ not in {"VERB", "AUX"} or context.at(verb):
            described = verb.head if verb.dep_ == "appos" else verb
            owner = context.at(described) or context.project_meant(described)
            if owner and owner.type == ontology.COMPANY:
                owner = _clause_project(described, context) or owner
            return (True, owner) if owner and owner.type in _MEASURED else (False, None)
        objects = [_subject_matter(child) for child in verb.children if child.dep_ == "dobj"]
        named = next((m for m in context.mentions_of(objects) if m.type in _MEASURED), None)
        if named and noun.i > verb.i:
            return True, named
        if objects and noun.i > verb.i and lexicon().head_type(objects[0].lower_) == ontology.PROJECT:
            return True, context.project_meant(objects[0], topic=True)
        owners = subjects_of(verb)
    else:
        return False, None
    owner = next((m for m in context.mentions_of(owners) if m.type in _MEASURED), None)
    return owner is not None, owner


def _clause_project(token: Token, context: Context) -> Mention | None:
    """The project the clause of a company's name is about ("The base will be built by X, a subsidiary of
    Y, with a total investment of": the base)."""
    verb = governing_verb(token)
    if verb is None:
        return None
    arguments = subjects_of(verb) + [child for child in verb.children if child.dep_ == "dobj"]
    return next((m for m in context.mentions_of(arguments) if m.type == ontology.PROJECT), None)


def _modified_project(amount: Span, context: Context) -> Mention | None:
    """The project an amount written before a project's noun measures ("the X Station, a 9.8-billion-yuan
    project in Z"; "will build a 5-billion-yuan plant" where the article names one plant)."""
    noun = amount.root.head
    if amount.root.dep_ not in {"compound", "nmod", "amod"} or lexicon().head_type(noun.lower_) != ontology.PROJECT:
        return None
    owner = context.at(noun) or (context.at(noun.head) if noun.dep_ == "appos" else context.project_meant(noun))
    return owner if owner and owner.type == ontology.PROJECT else None


def _subject_matter(noun: Token) -> Token:
    """What an agreement is about ("clinched an agreement on Y, with ..." -> Y); any other noun itself."""
    if noun.lower_ in lexicon().agreement_nouns:
        return next((pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"on", "for"}
                     for pobj in prep.children if pobj.dep_ == "pobj"), noun)
    return noun


def _bearer(with_: Token, context: Context) -> Token:
    """The word a "with" phrase describes, past a place it was hung on ("a base in Suining with ...")."""
    token = with_.head
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and (mention := context.at(token)) is not None \
            and mention.type == ontology.PLACE:
        token = token.head.head
    return token


def _bracketed_after(amount: Span, context: Context) -> Mention | None:
    """The project an amount in brackets right after it measures ("Bori's assembly base (700 million yuan)")."""
    doc = amount.doc
    if amount.start < 2 or doc[amount.start - 1].text != "(" or amount.end >= len(doc) or doc[amount.end].text != ")":
        return None
    named = context.ending_at(amount.start - 1)
    return named if named is not None and named.type in _MEASURED else None


def values(sent: Span, context: Context) -> Iterator[Candidate]:
    """has_value for each amount the sentence ties to a value noun, or in brackets after a project."""
    for amount in _amounts(sent, context):
        modified = None if _after_value_noun(amount) else \
            _modified_project(amount, context) or _bracketed_after(amount, context)
        if modified:
            text = amount.text.replace("-", " ")  # "9.8-billion-yuan" as a sum: "9.8 billion yuan"
            yield Candidate(modified, "has_value", Mention(amount.start, amount.end, text, ontology.AMOUNT, name=text),
                            "value")
            continue
        if not _after_value_noun(amount) or _of_unnamed_things(amount, context):
            continue
        earlier = [m for m in context.in_span(sent) if m.end <= amount.start and m.type in _MEASURED]
        said, owner = _clause_owner(amount, context)
        if not said and earlier and _an_example(earlier[-1], context):
            continue
        measured = owner if said else earlier[-1] if earlier else context.topic_project()
        if measured:
            value = Mention(amount.start, amount.end, amount.text, ontology.AMOUNT, name=amount.text)
            yield Candidate(measured, "has_value", value, "value")
