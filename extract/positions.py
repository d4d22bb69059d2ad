"""holds_position from title chains: the titles set beside or before a person's name.

- after the name: "X, member of the Standing Committee of A and Secretary of B" (one triple per
  organization, sub-units such as "the Standing Committee" or "the strategic development department"
  kept in the role); "X, founder, chairman and CEO of A" (titles joined by "and", or by commas where
  the first has no organization, share the organization);
  "X, Executive Deputy Mayor, ..." (a city title with no organization takes the article's city);
  "X, A's chairman"; "X is the director of A"; "X was appointed as chairman of A"; "X, president of
  Japanese machine tool maker A"; a chain stops at a title followed by another person's
  name, whose title it is ("X, Secretary of A Y");
- before the name: "Vice Mayor X", "Tencent vice president X", "A's chairman X",
  "Secretary of the A Committee X"; "Its president, X" (the organization the text is about).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from . import ontology
from .context import Candidate, Context
from .entities import Mention
from .lexicon import lexicon

_HOLDERS = frozenset({ontology.COMPANY, ontology.GOVERNMENT_BODY, ontology.ORGANIZATION, ontology.PLACE})
_LINKS = frozenset({"who", "is", "was", "serves", "served", "as", "also", "currently", "now", "the", "a", "an",
                    "respectively", "recently", "appointed", "named", "elected"})
_SUBUNIT_REACH = 6


def _title_end(doc: Doc, start: int, limit: int) -> int:
    """The end of the run of title words from `start` ("Executive Deputy Mayor", "founder and CEO")."""
    words = lexicon()
    i = start
    while i < limit:
        word = doc[i].lower_
        if word in words.title_words and word not in {"of", "and", "-"} or \
                word in {"and", "-", "&"} and i + 1 < limit and doc[i + 1].lower_ in words.title_words \
                and doc[i + 1].lower_ not in {"of", "and", "-"}:
            i += 1
        else:
            break
    return i if any(doc[j].lower_ in words.titles for j in range(start, i)) else start


def _implied_holder(role: str, context: Context) -> Mention | None:
    words = lexicon()
    if role.lower() in words.city_titles:
        return context.home_place("city")
    if role.lower() in words.province_titles:
        return context.home_place("province")
    return None


def _organization_after_of(doc: Doc, of: int, limit: int, context: Context) -> tuple[Mention | None, int]:
    """The organization named after "of", skipping sub-units ("of the high-tech department of A");
    returns it and the index where the role ends."""
    words = lexicon()
    role_end = of
    i = of
    while i < limit and doc[i].lower_ == "of":
        j = i + 1 + (i + 1 < limit and doc[i + 1].lower_ == "the")
        holder = context.starting_at(j) or context.starting_at(i + 1) or _after_description(doc, j, limit, context)
        if holder:
            return (holder if holder.type in _HOLDERS else None), role_end
        nxt = next((k for k in range(j, min(j + _SUBUNIT_REACH, limit)) if doc[k].lower_ == "of"), None)
        if nxt is None or doc[nxt - 1].lower_ not in words.subunits or \
                any(context.at(doc[k]) for k in range(j, nxt)):
            return None, role_end
        role_end = i = nxt
    return None, role_end


def _after_description(doc: Doc, i: int, limit: int, context: Context) -> Mention | None:
    """The name after a description of it ("of Japanese machine tool maker X"): common words and
    nationalities, then the name."""
    words = lexicon()
    j = i
    while j < min(i + _SUBUNIT_REACH, limit) and (doc[j].ent_type_ == "NORP" or doc[j].is_lower and doc[j].is_alpha
                                                   and doc[j].lower_ not in words.name_stopwords | words.subunits):
        j += 1
    return context.starting_at(j) if j > i else None


def _chain_after(person: Mention, sent: Span, context: Context) -> Iterator[Candidate]:
    doc, limit = context.doc, sent.end
    i = person.end
    alias = context.bracket_end(i, 1) if i < limit else None  # "Ma Huateng (Pony Ma), chairman of ..."
    if alias is not None and alias + 1 < limit and doc[alias + 1].text == ",":
        i = alias + 1
    separated = i < limit and doc[i].text in {",", "("}
    i += separated
    while i < limit and doc[i].lower_ in _LINKS:
        separated = separated or doc[i].lower_ in {"is", "was", "serves", "served", "as"}
        i += 1
    if not separated:
        return
    pending: int | None = None  # where a title with no organization of its own started ("founder, ...")
    while i < limit:
        possessor = context.starting_at(i)
        if possessor and possessor.type in _HOLDERS:
            after = possessor.end + (possessor.end < limit and doc[possessor.end].text in {"'s", "’s"})
            end = _title_end(doc, after, limit)
            if end == after:
                return
            yield Candidate(person, "holds_position", possessor, "title", doc[after:end].text)
            i = end
        else:
            end = _title_end(doc, i, limit)
            if end == i:
                return
            role = doc[i:end].text
            if end < limit and doc[end].lower_ == "of":
                holder, role_end = _organization_after_of(doc, end, limit, context)
                if holder is None or _names_a_person(holder.end, context):
                    return
                start = i if pending is None else pending
                yield Candidate(person, "holds_position", holder, "title", doc[start:role_end].text)
                end, pending = holder.end, None
            else:
                holder = None if _names_a_person(end, context) else _implied_holder(role, context)
                if holder:
                    yield Candidate(person, "holds_position", holder, "title_implied", role)
                pending = None if holder else (i if pending is None else pending)
        following = _next_title(doc, end, limit)
        if following is None:
            return
        i = following


def _names_a_person(i: int, context: Context) -> bool:
    """Whether a person's name starts at token i: the title before it is that
    person's ("Vice Governor Wang Xiao, Secretary-General of the Provincial Government Fang Weifeng")."""
    mention = context.starting_at(i)
    return mention is not None and mention.type == ontology.PERSON


def _next_title(doc: Doc, i: int, limit: int) -> int | None:
    """Where the next title of the same chain starts, after "," / "and" / ", and", or None."""
    words = lexicon()
    j = i
    while j < limit and doc[j].lower_ in {",", "and", "the", "a", "an", "also"}:
        j += 1
    if j == i or j >= limit:
        return None
    return j if doc[j].lower_ in words.title_words or doc[j].is_title and doc[i].text == "," else None


def _chain_before(person: Mention, sent: Span, context: Context) -> Iterator[Candidate]:
    doc = context.doc
    words = lexicon()
    end = person.start - (person.start > sent.start and doc[person.start - 1].text == ",")
    start = end
    while start > sent.start and doc[start - 1].lower_ in words.title_words | {"-", "&"} \
            and doc[start - 1].lower_ != "of" and (doc[start - 1].lower_ != "and" or start - 1 > sent.start and
                                                  doc[start - 2].lower_ in words.title_words - {"of", "and"}):
        start -= 1
    while start < end and doc[start].lower_ in {"-", "&"}:
        start += 1
    if start == end or _title_end(doc, start, end) != end:
        holder = context.ending_at(person.start)
        if holder and holder.type in _HOLDERS:
            title_end = holder.start - (doc[holder.start - 1].lower_ == "the")
            if title_end > sent.start and doc[title_end - 1].lower_ == "of":
                title_start = title_end - 1
                while title_start > sent.start and doc[title_start - 1].lower_ in words.title_words:
                    title_start -= 1
                while doc[title_start].lower_ in {"and", "of", "-", "&"} and title_start < title_end - 1:
                    title_start += 1
                if _title_end(doc, title_start, title_end - 1) == title_end - 1:
                    yield Candidate(person, "holds_position", holder, "title_before",
                                    doc[title_start:title_end - 1].text)
        return
    role = doc[start:end].text
    possessive = start > sent.start and doc[start - 1].text in {"'s", "’s"}
    holder = context.ending_at(start - possessive) if start > sent.start else None
    if start > sent.start and doc[start - 1].lower_ in {"its", "their"}:
        holder = context.salient(_HOLDERS - {ontology.PLACE}, start - 1)
    if holder and holder.type in _HOLDERS:
        yield Candidate(person, "holds_position", holder, "title_before", role)
    elif not possessive:
        implied = _implied_holder(role, context)
        if implied:
            yield Candidate(person, "holds_position", implied, "title_implied", role)


def positions(sent: Span, context: Context) -> Iterator[Candidate]:
    """Every holds_position stated by a title chain in the sentence."""
    for person in context.in_span(sent):
        if person.type == ontology.PERSON:
            yield from _chain_after(person, sent, context)
            yield from _chain_before(person, sent, context)
