"""holds_position from title chains: the titles set beside or before a person's name.

- after the name: "X, member of the Standing Committee of A and Secretary of B" (one triple per
  organization, sub-units such as "the Standing Committee" or "the strategic development department"
  kept in the role); "X, founder, chairman and CEO of A" (titles joined by "and", or by commas where
  the first has no organization, share the organization); "X, Secretary of the Party Committee and
  President of A" (a body with no name of its own, "the Party Committee", is a part of the organization
  named next, and stays in the role); "X, chairman of A and B" (both); "X, vice president at A",
  "academician from A", "assistant to the chairman of A";
  "X, Executive Deputy Mayor, ..." (a city title with no organization takes the article's city);
  "X, A's chairman", "X, A's Secretary of the CPC Committee and Chairman"; "X is the director of A";
  "X was appointed as chairman of A"; "X, president of Japanese machine tool maker A"; "X and Y,
  vice-general managers of A" (both); a chain stops at a title followed by another person's name, whose
  title it is ("X, Secretary of A Y");
- before the name: "Vice Mayor X", "Tencent vice president X", "A's chairman X",
  "Secretary of the A Committee X", "Executive Vice Governor, Mr. X"; "Its president, X" (the
  organization the text is about).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from . import ontology
from .context import Candidate, Context, possible_types
from .coref import words_of
from .entities import Mention, last_ending_by
from .lexicon import lexicon

_HOLDERS = frozenset({ontology.COMPANY, ontology.GOVERNMENT_BODY, ontology.ORGANIZATION, ontology.PLACE})
_LINKS = frozenset({"who", "is", "was", "serves", "served", "as", "also", "currently", "now", "the", "a", "an",
                    "respectively", "recently", "appointed", "named", "elected", "two", "three", "both"})
_ROLE_LINKERS = frozenset({"of", "at", "from", "with"})  # "director of A", "vice president at A"
_HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "madam"})
_SUBUNIT_REACH = 6
_CHAIN_REACH = 24
_BACK_CHAIN_WORDS = frozenset({",", "and", "of", "the", "'s", "’s", "at", "from", "-"})
# The level word of a title ("District Governor") and the last words of the places of that level.
_LEVEL_PLACES = {"district": ("district", "area"), "county": ("county",), "town": ("town", "township"),
                 "township": ("township", "town"), "village": ("village",), "prefecture": ("prefecture",)}


def _can_hold(mention: Mention) -> bool:
    """Whether a name can be where a post is held: an organization, a body, a company or a place, by its
    own type or another its head word allows (a "Center" that is an institute)."""
    return mention.type != ontology.PERSON and any(kind in _HOLDERS for kind in possible_types(mention))


def _generic_body(mention: Mention) -> bool:
    """A body named by no name of its own ("the Party Committee", "the CPC Committee", "the board"): a part
    of the organization the chain names next, or before."""
    generic = lexicon().generic_bodies
    words = words_of(mention.name)
    return mention.type in {ontology.GOVERNMENT_BODY, ontology.ORGANIZATION} and bool(words) and \
        all(word in generic for word in words)


def _title_end(doc: Doc, start: int, limit: int) -> int:
    """The end of the run of title words from `start` ("Executive Deputy Mayor", "founder and CEO"), and of
    "to the" a title after it ("assistant to the chairman")."""
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
    if i == start or not any(doc[j].lower_ in words.titles for j in range(start, i)):
        return start
    if i + 1 < limit and doc[i].lower_ == "to":
        after = i + 1 + (doc[i + 1].lower_ == "the")
        further = _title_end(doc, after, limit)
        return further if further > after else i
    return i


def _held_elsewhere(person: Mention, role: str, context: Context) -> bool:
    """Whether the article has already said where the person holds this title ("Mayor of Matola ... Mayor
    Parruque": no other city's mayor)."""
    return any(found.role and found.role.lower() == role.lower() and found.rule != "title_implied"
               for found in context.stated("holds_position", person.name))


def _implied_holder(role: str, context: Context, before: int) -> Mention | None:
    """The place a title with no organization implies: the article's city for "Deputy Mayor", its province
    for "Vice Governor"; for a title with a level word ("District Mayor", "deputy county head") the last
    place of that level named before."""
    words = lexicon()
    if role.lower() in words.city_titles:
        return context.home_place("city")
    if role.lower() in words.province_titles:
        return context.home_place("province")
    level = next((word for word in words_of(role) if word in _LEVEL_PLACES), None)
    if level is None:
        return None
    key = f"level_places:{level}"  # the places of this level, and their starts, listed once per article
    if key not in context.cache:
        places = [m for m in context.mentions if m.type == ontology.PLACE and
                  words_of(m.name)[-1:][0] in _LEVEL_PLACES[level]]
        context.cache[key] = places, [m.start for m in places]
    places, starts = context.cache[key]
    return last_ending_by(places, starts, before) or (places[0] if places else None)


def _holder_after(doc: Doc, linker: int, limit: int, context: Context) -> tuple[Mention | None, int, int]:
    """The organization named after a linker ("of", "at", ...): skipping "the", words that describe it
    ("of Japanese machine tool maker A", "of the government-backed A"), unnamed sub-units ("of the
    high-tech department of A") and bodies with no name of their own ("of the Party Committee of A").
    Returns the holder (None where there is none, or only a body with no name), the index where the
    role ends, and the index after what was read."""
    words = lexicon()
    role_end = i = linker
    while i < limit and doc[i].lower_ in _ROLE_LINKERS:
        j = i + 1 + (i + 1 < limit and doc[i + 1].lower_ == "the")
        holder = context.starting_at(j) or context.starting_at(i + 1) or _after_description(doc, j, limit, context)
        if holder is not None and _generic_body(holder):
            role_end = i = holder.end
            if i < limit and doc[i].lower_ == "of":
                continue
            return None, role_end, holder.end
        if holder is not None and holder.end < limit and doc[holder.end].lower_ == "of" and \
                words_of(holder.text)[-1:][0] in words.subunits and \
                context.starting_at(holder.end + 1 + (doc[holder.end + 1].lower_ == "the")) is not None:
            role_end = i = holder.end  # "Manager of the Southwest Regional Headquarters of A"
            continue
        if holder is not None:
            holder = _company_named_after(holder, limit, context)
            return (holder if _can_hold(holder) else None), role_end, holder.end
        following = next((k for k in range(j, min(j + _SUBUNIT_REACH, limit)) if doc[k].lower_ == "of"), None)
        if following is None or any(context.at(doc[k]) for k in range(j, following)) or \
                doc[following - 1].lower_ not in words.subunits and \
                not all(doc[k].is_title for k in range(j, following)):  # "Director of Investment Promotion of A"
            return None, role_end, i
        role_end = i = following
    return None, role_end, i


def _company_named_after(holder: Mention, limit: int, context: Context) -> Mention:
    """A place followed by capitalised words that name nothing else is a company named after it ("president
    of Qingdao Kute Smart"): a mention made for it; otherwise the place."""
    doc, words = context.doc, lexicon()
    if holder.type != ontology.PLACE:
        return holder
    end = holder.end
    while end < limit and doc[end].is_alpha and doc[end].text[:1].isupper() and context.at(doc[end]) is None \
            and doc[end].lower_ not in words.title_words and doc[end].lower_ not in words.name_stopwords:
        end += 1
    if end == holder.end:
        return holder
    text = doc[holder.start:end].text
    return Mention(holder.start, end, text, ontology.COMPANY, name=text, strong=False, source="title")


def _after_description(doc: Doc, i: int, limit: int, context: Context) -> Mention | None:
    """The name after a description of it ("of Japanese machine tool maker X", "of the government-backed
    X"): common words, hyphens and nationalities, then the name."""
    words = lexicon()
    j = i
    while j < min(i + _SUBUNIT_REACH, limit) and (
            doc[j].ent_type_ == "NORP" or doc[j].text == "-" or doc[j].is_lower and doc[j].is_alpha
            and doc[j].lower_ not in words.name_stopwords | words.subunits):
        j += 1
    return context.starting_at(j) if j > i else None


def _coordinated_holders(doc: Doc, i: int, limit: int, context: Context) -> list[Mention]:
    """Further organizations joined to a title's first by "and" ("chairman of A and B"), where no title
    follows them."""
    found = []
    while i + 1 < limit and doc[i].lower_ == "and":
        holder = context.starting_at(i + 1 + (doc[i + 1].lower_ == "the"))
        if holder is None or not _can_hold(holder) or _generic_body(holder) or \
                holder.end < limit and (doc[holder.end].text in {"'s", "’s"} or
                                        doc[holder.end].lower_ in lexicon().title_words):
            break
        found.append(holder)
        i = holder.end
    return found


def _possessor_role_end(doc: Doc, end: int, limit: int, context: Context) -> int:
    """Where a title after an organization's possessive ends, with the bodies of no name of their own and
    the titles it goes on with: "A's Secretary of the CPC Committee and Chairman"."""
    while end < limit:
        if doc[end].lower_ == "of":
            body = context.starting_at(end + 1 + (end + 1 < limit and doc[end + 1].lower_ == "the"))
            if body is None or not _generic_body(body):
                return end
            end = body.end
        elif doc[end].lower_ == "and" and _title_end(doc, end + 1, limit) > end + 1:
            following = _title_end(doc, end + 1, limit)
            if following < limit and doc[following].lower_ in _ROLE_LINKERS:
                return end
            end = following
        else:
            return end
    return end


def _chain_after(person: Mention, sent: Span, context: Context) -> Iterator[Candidate]:
    """The titles after a person's name, less the last group of them (after a comma) where the chain runs
    into another person's name, whose titles they are ("A, Deputy Secretary of the District Committee and
    District Mayor B")."""
    found: list[Candidate] = []
    yield from found[:_read_chain_after(person, sent, context, found)]


def _read_chain_after(person: Mention, sent: Span, context: Context, found: list[Candidate]) -> int:
    """Read the chain of titles after a person's name into `found`; how many of them are the person's: all,
    or those before the last comma where the chain ends in another person's name."""
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
        return 0
    group = 0  # how many were found before the current group of titles (since the last comma)
    pending: int | None = None  # where a title with no organization of its own started ("founder, ...")
    while i < limit:
        possessor = context.starting_at(i)
        if possessor and _can_hold(possessor) and not _generic_body(possessor):
            after = possessor.end + (possessor.end < limit and doc[possessor.end].text in {"'s", "’s"})
            end = _title_end(doc, after, limit)
            if end == after:
                return len(found)
            end = _possessor_role_end(doc, end, limit, context)
            found.append(Candidate(person, "holds_position", possessor, "title", doc[after:end].text))
            i = end
        else:
            end = _title_end(doc, i, limit)
            if end == i:
                return len(found)
            role = doc[i:end].text
            if end < limit and doc[end].lower_ in _ROLE_LINKERS:
                holder, role_end, after = _holder_after(doc, end, limit, context)
                start = i if pending is None else pending
                if holder is None and role_end > end:  # "Secretary of the Party Committee and ..."
                    pending, end = start, after
                elif holder is None:
                    return len(found)
                elif _names_a_person(holder.end, context):
                    return group
                else:
                    for each in (holder, *_coordinated_holders(doc, holder.end, limit, context)):
                        found.append(Candidate(person, "holds_position", each, "title", doc[start:role_end].text))
                        end = each.end
                    pending = None
            else:
                if _names_a_person(end, context):
                    return group
                holder = _implied_holder(role, context, person.start)
                if holder:
                    found.append(Candidate(person, "holds_position", holder, "title_implied", role))
                pending = None if holder else (i if pending is None else pending)
        following = _next_title(doc, end, limit, context)
        if following is None:
            return len(found)
        if any(doc[k].text == "," for k in range(end, following)):
            group = len(found)
        i = following
    return len(found)


def _names_a_person(i: int, context: Context) -> bool:
    """Whether a person's name starts at token i: the title before it is that
    person's ("Vice Governor Wang Xiao, Secretary-General of the Provincial Government Fang Weifeng")."""
    mention = context.starting_at(i)
    return mention is not None and mention.type == ontology.PERSON


def _next_title(doc: Doc, i: int, limit: int, context: Context) -> int | None:
    """Where the next title of the same chain starts, after "," / "and" / ", and", or None."""
    words = lexicon()
    j = i
    while j < limit and doc[j].lower_ in {",", "and", "the", "a", "an", "also"}:
        j += 1
    if j == i or j >= limit:
        return None
    if doc[j].lower_ in words.title_words or doc[j].is_title and doc[i].text == ",":
        return j
    holder = context.starting_at(j)  # "Deputy Secretary of A and Xicheng District Mayor", ", B's General Manager"
    if holder is None or not _can_hold(holder):
        return None
    after = holder.end + (holder.end < limit and doc[holder.end].text in {"'s", "’s"})
    return j if _title_end(doc, after, limit) > after else None


def _chain_before(person: Mention, sent: Span, context: Context) -> Iterator[Candidate]:
    doc = context.doc
    words = lexicon()
    end = person.start
    if end > sent.start and doc[end - 1].lower_ in _HONORIFICS:  # "Executive Vice Governor, Mr. X"
        end -= 1
    end -= end > sent.start and doc[end - 1].text == ","
    start = end
    while start > sent.start and doc[start - 1].lower_ in words.title_words | {"-", "&"} \
            and doc[start - 1].lower_ != "of" and (doc[start - 1].lower_ != "and" or start - 1 > sent.start and
                                                  doc[start - 2].lower_ in words.title_words - {"of", "and"}):
        start -= 1
    while start < end and doc[start].lower_ in {"-", "&"}:
        start += 1
    inside = context.at(doc[start]) if start < end else None
    if inside is not None and inside.end < end:  # "Sinopec Group Chairman X": "Group" is the name's
        start = inside.end
    if end < person.start and _after_a_person(start, context):
        return  # "A, vice president of X, B": the title is A's
    if start == end or _title_end(doc, start, end) != end:
        holder = context.ending_at(end)
        if holder and _can_hold(holder):
            title_end = holder.start - (doc[holder.start - 1].lower_ == "the")
            if title_end > sent.start and doc[title_end - 1].lower_ == "of":
                title_start = title_end - 1
                while title_start > sent.start and doc[title_start - 1].lower_ in words.title_words:
                    title_start -= 1
                while doc[title_start].lower_ in {"and", "of", "-", "&", "the"} and title_start < title_end - 1:
                    title_start += 1
                if title_start < title_end - 1 and _title_end(doc, title_start, title_end - 1) == title_end - 1 and \
                        not (end < person.start and _after_a_person(title_start, context)):
                    yield Candidate(person, "holds_position", holder, "title_before",
                                    doc[title_start:title_end - 1].text)
        return
    role = doc[start:end].text
    possessive = start > sent.start and doc[start - 1].text in {"'s", "’s"}
    holder = context.ending_at(start - possessive) if start > sent.start else None
    if holder and possessive and end < person.start and _after_a_person(holder.start, context):
        return  # "A, X's Vice President, Y's General Manager, B": the titles are A's
    if start > sent.start and doc[start - 1].lower_ in {"its", "their"}:
        holder = context.salient(_HOLDERS - {ontology.PLACE}, start - 1)
    if holder and _can_hold(holder):
        yield Candidate(person, "holds_position", holder, "title_before", role)
    elif not possessive:
        named = _holder_after_name(person, context) or _holder_of_previous(start, sent, context)
        implied = named or (None if _held_elsewhere(person, role, context) else
                            _implied_holder(role, context, person.start))
        if implied:
            yield Candidate(person, "holds_position", implied, "title_before" if named else "title_implied", role)


def _after_a_person(i: int, context: Context) -> bool:
    """Whether token i goes on another person's title chain after a comma or "and" ("A, mayor of Z and
    secretary general of B, C"; "A, X's Vice President, Y's General Manager, C"): a title there is not C's."""
    doc = context.doc
    if i < 2 or doc[i - 1].lower_ not in {",", "and"}:
        return False
    j = i - 1
    while j > max(0, i - _CHAIN_REACH):
        mention = context.ending_at(j)
        if mention is not None:
            if mention.type == ontology.PERSON:
                return True
            j = mention.start
        elif doc[j - 1].lower_ in lexicon().title_words or doc[j - 1].lower_ in _BACK_CHAIN_WORDS:
            j -= 1
        else:
            return False
    return False


def _holder_of_previous(start: int, sent: Span, context: Context) -> Mention | None:
    """For a title after "and" and another titled name, that name's organization ("A Group Chairman X and
    President Y", "Secretary X of A and President Y": A for Y too)."""
    if start < 2 or context.doc[start - 1].lower_ != "and":
        return None
    before = context.ending_at(start - 1)
    if before is not None and before.type != ontology.PERSON and before.start > 1 and \
            context.doc[before.start - 1].lower_ == "of":  # "Secretary A of X and President B"
        before = context.ending_at(before.start - 1 - (context.doc[before.start - 2].lower_ == "the"))
    if before is None or before.type != ontology.PERSON:
        return None
    return next((found.object for found in _chain_before(before, sent, context)
                 if found.rule == "title_before"), None)


def _holder_after_name(person: Mention, context: Context) -> Mention | None:
    """The organization named after a titled name by "of" ("President X of A"), also for the first of two
    such names ("Secretary X and President Y of A": A for X too)."""
    doc = context.doc
    i = person.end
    if i + 2 < len(doc) and doc[i].lower_ == "and":
        following = _title_end(doc, i + 1, len(doc))
        other = context.starting_at(following) if following > i + 1 else None
        if other is None or other.type != ontology.PERSON:
            return None
        i = other.end
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    holder = context.starting_at(i + 1 + (doc[i + 1].lower_ == "the"))
    return holder if holder is not None and _can_hold(holder) else None


def _titled_before(person: Mention, context: Context) -> bool:
    """Whether a title stands right before the name ("Vice Mayor Li Bo"): the person's own."""
    i = person.start - 1
    return i >= 0 and context.doc[i].lower_ in lexicon().title_words - {"of", "and", "-"}


def _sharing_a_chain(person: Mention, context: Context) -> Mention | None:
    """The person whose titles this one shares: the next one, joined by "and" ("X and Y, vice-general
    managers of A")."""
    following = context.starting_at(person.end + 1) if person.end < len(context.doc) else None
    if following is None or following.type != ontology.PERSON or context.doc[person.end].lower_ != "and":
        return None
    return _sharing_a_chain(following, context) or following


def _plural(role: str) -> bool:
    """Whether a title is in the plural ("vice general managers", "deputy mayors")."""
    last = role.lower().split()[-1]
    return last in lexicon().titles and last.endswith(("s", "men"))


def _listed_after(person: Mention, context: Context) -> Mention | None:
    """The first person of a list this one is listed in after it ("managers, X and Y": X for Y)."""
    doc = context.doc
    if person.start < 2 or doc[person.start - 1].lower_ not in {"and", ","}:
        return None
    before = context.ending_at(person.start - 1)
    if before is None or before.type != ontology.PERSON:
        return None
    return _listed_after(before, context) or before


def positions(sent: Span, context: Context) -> Iterator[Candidate]:
    """Every holds_position stated by a title chain in the sentence; people listed after a plural title
    share it ("BIIP's vice general managers, X and Y")."""
    for person in context.in_span(sent):
        if person.type != ontology.PERSON:
            continue
        yield from _chain_after(person, sent, context)
        yield from _chain_before(person, sent, context)
        sharer = None if _titled_before(person, context) else _sharing_a_chain(person, context)
        for found in _chain_after(sharer, sent, context) if sharer is not None else ():
            yield Candidate(person, found.predicate, found.object, found.rule, found.role)
        first = _listed_after(person, context)
        for found in _chain_before(first, sent, context) if first is not None else ():
            if found.role and _plural(found.role):
                yield Candidate(person, found.predicate, found.object, found.rule, found.role)
