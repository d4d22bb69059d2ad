"""Named-entity mentions of one article: found by the name ruler and spaCy's NER, typed by ontology.

The name ruler (names.py) finds names by their head word and so knows their type; spaCy's NER adds
names the ruler cannot see ("Tencent", "Alex Ju"), typed by the head lexicon, the gazetteer, or its
own label. Where the two overlap the longer span wins, the ruler's on a tie. Lower-case repetitions
of a name found elsewhere in the article ("the eastern new district") are mentions of it too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from . import ontology
from .lexicon import lexicon
from .names import NAME, PERSON_OR_PLACE, SPANS_KEY

NER_TYPES = {"PERSON": ontology.PERSON, "ORG": ontology.ORGANIZATION, "GPE": ontology.PLACE,
             "LOC": ontology.PLACE}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_HEAD_FIRST = frozenset({ontology.GOVERNMENT_BODY, ontology.ORGANIZATION, ontology.EVENT, ontology.COMPANY})
_JOINERS = {"and", "of", "&", "-", "for", "'s", "’s"}
_QUOTES = {"\"", "“", "”", "'", "‘", "’"}
_TITLE_LINKS = frozenset({"-", "secretary", "director", "deputy", "vice"})  # a title word goes on after these
_PROJECT_REACH = 7  # words of a project named by its owner's possessive and common nouns
_ACRONYM = re.compile(r"^[A-Z]{3,8}$")
_EDGE_PUNCT = {",", "-", "—", "——", "(", ")", "\"", "“", "”", "'", "’", ":", ";", "."}


@dataclass(frozen=True)
class Mention:
    """A span of the doc that names an entity: token offsets, its text, its type, and the name it resolves to.

    `strong` is true where the type comes from the name itself (a head word, the gazetteer), false
    where only NER's label gave it; `source` tells which step found the mention.
    """

    start: int
    end: int
    text: str
    type: str
    name: str = ""
    strong: bool = True
    source: str = "name"

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def last_ending_by(mentions: list[Mention], starts: list[int], position: int) -> Mention | None:
    """The last of some mentions in text order (with `starts`, their starts) that ends by token `position`:
    found by bisection, looking back only past those that run over it."""
    for k in range(bisect_right(starts, position) - 1, -1, -1):
        if mentions[k].end <= position:
            return mentions[k]
    return None


def type_of_name(span: Span, head_first: bool = True) -> tuple[str | None, bool]:
    """The entity type a span's words give, and whether it is certain: a gazetteer place; the type of a
    body's head word followed by "of", "for" or "on" ("Institute of Semiconductors", "Management
    Committee of the X New District"), or a project's followed by "of" a place ("the Optics Valley of
    China"); else the type of the last word."""
    words = lexicon()
    text = span.text.lower()
    if text in words.places:
        return ontology.PLACE, True
    for token in span[:-1] if head_first else ():
        kind = words.head_type(token.lower_)
        if not token.is_title or span.doc[token.i + 1].lower_ not in {"of", "for", "on"}:
            continue
        if kind in _HEAD_FIRST or kind == ontology.PROJECT and _names_a_place(span.doc[token.i + 2:span.end]):
            return kind, True
    last = span[-1]
    if last.text == ")":  # "China Mobile (Rizhao)": typed by the word before its brackets
        opening = max((i for i in range(span.start, span.end) if span.doc[i].text == "("), default=span.start)
        if opening > span.start:
            return type_of_name(span.doc[span.start:opening], head_first)
    kind = words.head_type(last.lower_)
    if last.lower_ in words.event_body_heads and _event_opener(span):
        return ontology.EVENT, True
    if kind and len(span) > 1 and (last.lower_ not in words.title_case_heads or last.is_title):
        return kind, True
    return None, False


def _event_opener(span: Span) -> bool:
    """Whether a "Congress" is a gathering: its name opens with a year or "World" ("the 2026 World
    Intelligence Congress") and has no level word ("the 17th Municipal People's Congress" is a body)."""
    words = lexicon()
    opened = [token for token in span if token.lower_ != "the"][:2]
    return any(t.lower_ in words.event_openers or t.like_num for t in opened) and \
        not any(t.lower_ in words.levels for t in span)


def _names_a_place(span: Span) -> bool:
    """Whether a span is a gazetteer place, after an article ("the Optics Valley of China")."""
    words = [token.lower_ for token in span]
    return " ".join(words[words[:1] == ["the"]:]) in lexicon().places


def _trim(span: Span, person: bool) -> Span:
    """Drop leading articles and punctuation, a trailing possessive, for people anything from "'s" on
    or a trailing verb of a headline ("Zhang Jifu Meets"), and for others trailing title words that are
    no head ("Corvane Chief Executive" -> "Corvane")."""
    doc, start, end = span.doc, span.start, span.end
    stopwords = lexicon().name_stopwords
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space
                           or doc[start].text in _EDGE_PUNCT or doc[start].text.startswith("—")
                           or start > 0 and doc[start - 1].lower_ in _TITLE_LINKS and
                           doc[start].lower_ in lexicon().title_words
                           or start > 0 and doc[start].lower_ == "of" and doc[start - 1].lower_ in lexicon().title_words):
        start += 1  # "Secretary-General of X", "Secretary General of X": X, no "General of X"
    if person:
        cut = next((i for i in range(start, end) if doc[i].text in _POSSESSIVE), end)
        end = cut
    words = lexicon()
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_space
                           or doc[end - 1].text in _EDGE_PUNCT and not _closes_inner_bracket(doc, start, end)
                           or (doc[end - 1].lower_ in words.title_case_heads and doc[end - 1].is_lower)
                           or (person and doc[end - 1].lower_ in stopwords)
                           or (not person and end - start > 1 and doc[end - 1].lower_ in words.title_words
                               and words.head_type(doc[end - 1].lower_) is None)):
        end -= 1
    return doc[start:end]


def _closes_inner_bracket(doc: Doc, start: int, end: int) -> bool:
    """Whether a name's last token closes a bracket opened inside it ("China Mobile (Rizhao)")."""
    return doc[end - 1].text == ")" and any(doc[i].text == "(" for i in range(start + 1, end - 1))


def _is_person_name(span: Span) -> bool:
    """A Chinese personal name: a surname of the lexicon and a given name."""
    return len(span) == 2 and span[0].lower_ in lexicon().surnames and _looks_like_person(span)


def _looks_like_person(span: Span) -> bool:
    """Capitalised words, no title, head or stop word among them, at most three of them, a given name
    written with a hyphen counting as one ("Kim Dong-sup", "Xi Jin-ping")."""
    words = lexicon()
    names = [token for token in span if token.text != "-" and not (token.i > span.start and
                                                                    span.doc[token.i - 1].text == "-")]
    if not all(token.text[:1].isupper() and not token.text[1:].isupper() for token in names):
        return False
    if any(token.lower_ in words.title_words or token.lower_ in words.head_types
           or token.lower_ in words.name_stopwords for token in names):
        return False
    if len(names) == 1:
        return span[0].lower_ in words.surnames
    return len(names) <= 3 and span.text.lower() not in words.places


def _without_subunit(span: Span) -> Span:
    """"Standing Committee of the Municipal Party Committee" names the committee's committee: the mention
    is the body after "of", and the sub-unit words are left to the title they belong to."""
    words = lexicon()
    for token in span[1:-1]:
        if token.lower_ == "of" and span.doc[token.i - 1].lower_ in words.subunits:
            rest = span.doc[token.i + 1 + (span.doc[token.i + 1].lower_ == "the"):span.end]
            if len(rest) and type_of_name(rest)[0] in {ontology.GOVERNMENT_BODY, ontology.ORGANIZATION,
                                                       ontology.COMPANY}:
                return rest
            break
    return span


def _ruler_mentions(doc: Doc) -> list[Mention]:
    """The name ruler's spans, a name with a possessive inside split where its first part is a name itself
    ("North China's Shanxi province", "southwest China's Sichuan Province": a place that starts before
    the span), one with "and" inside where either part is ("Zhang Lei and ...", "... Committee and
    Zhang Qiang", "Baidu and Tianjin Port Group": where NER finds a part alone elsewhere), and one
    ending "of" a place that owns what follows ("X Park of | Chongqing's Shapingba district")."""
    found = []
    elsewhere = {}  # NER's names by text, with where they stand
    for ent in doc.ents:
        elsewhere.setdefault(ent.text, []).append(ent)
    for match in map(_person_or_place, doc.spans.get(SPANS_KEY, ())):
        if match.label_ == ontology.AMOUNT:
            continue
        span = _trim(match, match.label_ == ontology.PERSON)
        if not len(span):
            continue
        tail = []
        if len(span) > 3 and match.label_ != ontology.PERSON and _is_person_name(span[-2:]) and \
                lexicon().head_type(span[-3].lower_):  # "the District People's Congress Lu Huadong"
            tail, span = [span[-2:]], span[:-2]
        parts = [_without_subunit(span)]
        for i in range(span.start + 1, span.end - 1):
            left = doc[span.start:i]
            if doc[i].text in _POSSESSIVE and type_of_name(left, head_first=False)[0] and \
                    not _belongs_to_place(left, doc[i + 1:span.end], match):
                wider = doc[span.start - 1:i] if span.start > 0 else left
                parts = [wider if wider.text.lower() in lexicon().places else left, doc[i + 1:span.end]]
                break
            right = doc[i + 1 + (doc[i + 1].lower_ == "the"):span.end]
            if doc[i].lower_ == "of" and (span.end < len(doc) and doc[span.end].text in _POSSESSIVE and
                                          _names_a_place(right) or _is_person_name(left)):
                parts = [left, right]  # "X Park of | Chongqing's Y district", "President Xiong Sidong of | A"
                break
            if doc[i].lower_ == "and" and match.label_ != ontology.PERSON and \
                    (any(_stands_alone(part, span, elsewhere) for part in (left, right)) or
                     _second_body(left, right) or _ends_a_list(span) and (len(left) == 1 or type_of_name(left)[0])):
                parts = [_without_subunit(left), right]
                break
        parts += tail
        kinds = [match.label_ if (part.start, part.end) == (span.start, span.end) and match.label_ != NAME else
                 ontology.PERSON if _is_person_name(part) else type_of_name(part)[0] or _type_alone(part, elsewhere)
                 for part in parts]
        for part, kind in zip(parts, kinds):
            if kind and (_scope_noun(part) or _indefinite(part)):
                continue
            if kind:
                named = (part.start, part.end) == (span.start, span.end) and match.label_ != NAME or \
                    _is_person_name(part) or type_of_name(part)[0] is not None
                found.append(Mention(part.start, part.end, part.text, kind, strong=named))
            elif len(parts) == 2 and doc[part.end].lower_ == "and" and kinds[1]:  # "Zhixin and Qingdao Port Group"
                found.append(Mention(part.start, part.end, part.text, kinds[1], strong=False))
    return found


def _person_or_place(match: Span) -> Span:
    """A surname and a place's name ("Wang Jinhua") is a person where NER reads one there, else the place."""
    if match.label_ != PERSON_OR_PLACE:
        return match
    if all(token.ent_type_ == "PERSON" for token in match):
        return Span(match.doc, match.start, match.end, label=ontology.PERSON)
    return Span(match.doc, match.end - 1, match.end, label=ontology.PLACE)


def _belongs_to_place(left: Span, right: Span, match: Span) -> bool:
    """Whether a name after a possessive is a body or organization of the place before it, named with it
    ("Japan's Trade Promotion Agency", "Zhejiang province's New Energy Vehicle Industry Group", "Optics
    Valley's administrative committee"), rather than a name of its own ("Singapore's Sembcorp")."""
    if match.label_ == ontology.GOVERNMENT_BODY:
        return True
    return type_of_name(left, head_first=False)[0] == ontology.PLACE and \
        type_of_name(right)[0] in {ontology.GOVERNMENT_BODY, ontology.ORGANIZATION}


def _ends_a_list(span: Span) -> bool:
    """Whether a name with "and" inside ends a list of names ("A Holdings, Siemens and Ciming Group"): its
    "and" joins the list's last two names."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].text[:1].isupper()


def _second_body(left: Span, right: Span) -> bool:
    """"the Yichang Municipal Party Committee and Government": two bodies, the second named by its head
    word (and a level word) alone, its place the first's."""
    words = lexicon()
    return type_of_name(left)[0] == ontology.GOVERNMENT_BODY and 0 < len(right) <= 3 and \
        words.head_type(right[-1].lower_) == ontology.GOVERNMENT_BODY and \
        all(t.lower_ in words.levels or words.head_type(t.lower_) == ontology.GOVERNMENT_BODY for t in right)


def _scope_noun(span: Span) -> bool:
    """Whether a span is a country's or region's name, or a nationality, before a common noun, which says
    where something reaches or comes from rather than names it ("its China headquarters", "the
    Asia-Pacific hub", "Danish shipping company X", but not "Haidian district" that NER took for a
    nationality); so is any place's after "its", but for a project ("its Vientiane office", not "its
    Wuhan plant")."""
    words = lexicon()
    place = words.places.get(span[:-1].text.lower())
    owned = span.start > 0 and span.doc[span.start - 1].lower_ in words.possessive_determiners
    return len(span) > 1 and span[-1].is_lower and (
        place in {"countries", "regions"} or owned and words.head_type(span[-1].lower_) != ontology.PROJECT
        and (place or all(t.ent_type_ == "GPE" for t in span[:-1])) or
        all(token.ent_type_ == "NORP" for token in span[:-1])
        and words.head_type(span[-1].lower_) != ontology.PLACE)


def _indefinite(span: Span) -> bool:
    """Whether a span with a common noun for head follows "a" or "an", with at most a quantity between: some
    such thing, not a name ("an R&D center", "a 50 GWh plant")."""
    i = span.start - 1
    while i > span.start - 4 and i > 0 and (span.doc[i].like_num or span.doc[i].text == "-"):
        i -= 1
    return span[-1].is_lower and i >= 0 and span.doc[i].lower_ in {"a", "an"}


def _stands_alone(part: Span, span: Span, elsewhere: dict[str, list[Span]]) -> bool:
    """Whether a part of a ruler's span is a name of its own: a person's, a place's, or one the article
    writes alone elsewhere (NER's name there, or the same words with no capitalised word after them)."""
    if _is_person_name(part) or part.text.lower() in lexicon().places or \
            any(not (span.start <= ent.start < span.end) for ent in elsewhere.get(part.text, ())):
        return True
    doc, size = part.doc, len(part)
    words = [token.text for token in part]
    texts = _texts(doc)
    return any(texts[k:k + size] == words and (k == 0 or _apart(doc[k - 1])) and
               (k + size == len(doc) or _apart(doc[k + size]))
               for k in _where_written(doc).get(words[0], ())
               if k <= len(doc) - size and not span.start <= k < span.end)


def _texts(doc: Doc) -> list[str]:
    """The doc's token texts, listed once per doc."""
    if "texts" not in doc.user_data:
        doc.user_data["texts"] = [token.text for token in doc]
    texts: list[str] = doc.user_data["texts"]
    return texts


def _where_written(doc: Doc) -> dict[str, list[int]]:
    """The doc's token texts, each with the tokens where it stands, listed once per doc."""
    if "where_written" not in doc.user_data:
        where: dict[str, list[int]] = {}
        for i, text in enumerate(_texts(doc)):
            where.setdefault(text, []).append(i)
        doc.user_data["where_written"] = where
    found: dict[str, list[int]] = doc.user_data["where_written"]
    return found


def _apart(token: Token) -> bool:
    """Whether a word next to a name leaves it a name of its own: no capitalised word or joining word."""
    return not token.is_title and token.lower_ not in _JOINERS


def _type_alone(part: Span, elsewhere: dict[str, list[Span]]) -> str | None:
    """The type NER gives a name where it stands alone ("Baidu"), for a part split off a ruler's span."""
    labels = [ent.label_ for ent in elsewhere.get(part.text, ()) if ent.label_ in NER_TYPES]
    return _ner_type(labels[0], part) if labels else None


def _ner_type(label: str, span: Span) -> str:
    """The type NER's label gives a name; an acronym NER took for a place is an organization ("XXCIG")."""
    kind = NER_TYPES[label]
    return ontology.ORGANIZATION if kind == ontology.PLACE and _acronym(span) else kind


def _not_a_name(span: Span) -> bool:
    """NER spans that are no name: words of a headline (with a verb, or one adjective), or only title and
    level words ("Party")."""
    words = lexicon()
    return any(token.tag_.startswith("VB") for token in span) or (len(span) == 1 and span[0].tag_ == "JJ") \
        or all(token.lower_ in words.title_words or token.lower_ in words.levels for token in span)


def _ner_mentions(doc: Doc) -> list[Mention]:
    """NER's names, typed by their words where they can be, by NER's label otherwise."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in NER_TYPES:
            continue
        person = ent.label_ == "PERSON"
        span = _after_description(_trim(ent, person))
        if not len(span) or not span[0].text[:1].isupper():
            continue
        split = next((i for i in range(span.start + 1, span.end - 1) if doc[i].lower_ == "and" and
                      _second_body(doc[span.start:i], doc[i + 1:span.end])), None)
        for part in [span] if split is None else [doc[span.start:split], doc[split + 1:span.end]]:
            kind, strong = type_of_name(part) if split is None else (ontology.GOVERNMENT_BODY, True)
            if kind is None:
                if person and not _looks_like_person(part) or _not_a_name(part):
                    continue
                kind = _ner_type(ent.label_, part)
            found.append(Mention(part.start, part.end, part.text, kind, strong=strong, source="ner"))
    return found


def _acronym(span: Span) -> bool:
    """A word of three capitals or more that is no place of the gazetteer ("XXCIG", but not "USA")."""
    return len(span) == 1 and span.text.isupper() and len(span.text) >= 3 and span.text.lower() not in lexicon().places


def _after_description(span: Span) -> Span:
    """An NER span less a description it ran over ("Kazakh energy company QazNur Services" -> "QazNur
    Services"): what follows its last common word, where capitalised words follow."""
    stopwords = lexicon().name_stopwords
    common = [t.i for t in span[:-1] if t.is_lower and t.is_alpha and t.lower_ not in stopwords]
    return span.doc[common[-1] + 1:span.end] if common else span


def _merge(ruled: list[Mention], recognized: list[Mention]) -> list[Mention]:
    """The ruler's mentions, and NER's where they overlap none of them; a name that NER found longer than
    the ruler did replaces the ruler's where it is a person's ("Dao Feng" for "Feng"), or goes on after
    the ruler's to end in a head word of the same type ("Ministry of Science and Technology")."""
    kept = list(ruled)
    replaced: set[int] = set()  # places in `kept` of the names a longer one replaced
    over: dict[int, list[int]] = {}  # by token: the places in `kept` of the names over it (none is empty)
    for k, mention in enumerate(kept):
        for i in range(mention.start, mention.end):
            over.setdefault(i, []).append(k)
    for mention in recognized:
        places = {k for i in range(mention.start, mention.end) for k in over.get(i, ()) if k not in replaced}
        overlapped = [kept[k] for k in places]
        if not all(other.type == mention.type and other.end - other.start < mention.end - mention.start and
                   (mention.type == ontology.PERSON or mention.strong and other.start == mention.start)
                   for other in overlapped):
            continue  # it overlaps a name it does not replace
        replaced.update(places)
        for i in range(mention.start, mention.end):
            over.setdefault(i, []).append(len(kept))
        kept.append(mention)
    return sorted((m for k, m in enumerate(kept) if k not in replaced), key=lambda m: m.start)


def _repetitions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of the article repeated where neither the ruler nor NER saw them: names of two words or
    more in any case ("the eastern new district"), one-word names as written ("Tencent"), a company's
    name without its suffix ("Tencent" for "Tencent Co., Ltd."), its brand after a leading place ("Xinrui"
    of "Zhuzhou Xinrui Rail Transit Equipment Co., Ltd."), and the surname of a person whose name puts it
    last ("Harmon" for "Lisa Harmon")."""
    forms: dict[str, dict[tuple[str, ...], tuple[str, Mention]]] = {}
    generic = lexicon().generic_name_words
    for mention in mentions:
        if mention.type == ontology.PERSON:
            family = western_surname(mention.text)
            if family:
                forms.setdefault(family.lower(), {}).setdefault((family.lower(),), (family, mention))
            continue
        tokens = doc[mention.start:mention.end]
        words = tuple(token.lower_ for token in tokens)
        core = tuple(token.lower_ for token in tokens if token.lower_ not in generic and not token.is_punct)
        forms.setdefault(words[0], {}).setdefault(words, (mention.text, mention))
        if mention.type == ontology.COMPANY and core and core != words:
            forms.setdefault(core[0], {}).setdefault(core, (" ".join(t.text for t in tokens
                                                                     if t.lower_ in core), mention))
        if mention.type == ontology.COMPANY and len(tokens) > 1 and _brand(tokens[0]):
            forms.setdefault(words[0], {}).setdefault(words[:1], (tokens[0].text, mention))
        elif mention.type == ontology.COMPANY and len(tokens) > 2 and words[0] in lexicon().places and \
                _brand(tokens[1]):
            forms.setdefault(words[1], {}).setdefault(words[1:2], (tokens[1].text, mention))
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    found = []
    for token in doc:
        if token.i in taken:
            continue
        for words, (text, mention) in sorted(forms.get(token.lower_, {}).items(), key=lambda item: -len(item[0])):
            end = token.i + len(words)
            span = doc[token.i:end]
            if end > len(doc) or taken & set(range(token.i, end)) or tuple(t.lower_ for t in span) != words:
                continue
            if len(words) == 1 and span.text != text.split()[0]:
                continue
            found.append(Mention(token.i, end, text, mention.type, strong=len(words) > 1, source="repeat"))
            taken.update(range(token.i, end))
            break
    return found


def western_surname(name: str) -> str | None:
    """The surname of a name written given name first ("Lisa Harmon" -> "Harmon"): a name of two or three
    words that does not start with a Chinese surname."""
    words = name.split()
    return words[-1] if 1 < len(words) <= 3 and words[0].lower() not in lexicon().surnames else None


def _brand(token: Token) -> bool:
    """Whether a company name's first word can stand for the company alone ("Kunpeng" of "Kunpeng Data
    Group"): a proper noun that is a brand word."""
    return token.pos_ == "PROPN" and not token.is_stop and is_brand_word(token.lower_)


def is_brand_word(word: str) -> bool:
    """Whether a word can be a company's brand: no place, level, name head or common word."""
    words = lexicon()
    return word not in words.places and word not in words.levels and words.head_type(word) is None \
        and word not in words.name_stopwords and word not in words.title_words \
        and word not in words.generic_name_words


def _retyped(mentions: list[Mention]) -> list[Mention]:
    """NER's names retyped by the article's other names: an "organization" written elsewhere as a place is
    that place ("Vientiane Mayor X" after "Vientiane, the capital of Laos"); a one-word name that is the
    surname of a person named in full ("Whitby" of "Daniel Whitby") is that person's; a "person" whose
    words begin a company's name, after a place ("Rheinfeld Chemie" of "Rheinfeld Chemie GmbH", "Qirui
    Robot" of "Anhui Qirui Robot Co., Ltd."), or another organization's ("Nordhavn Line" of "Nordhavn Line
    A/S"), is of its type."""
    surnames = {western_surname(m.text) for m in mentions if m.type == ontology.PERSON} - {None}
    places = lexicon().places
    companies = [(words[1:] if words[0].lower() in places else words, m.type) for m, words in
                 ((m, m.text.split()) for m in mentions
                  if m.type == ontology.ORGANIZATION or m.type == ontology.COMPANY and m.source != "ner")]
    places = {m.text for m in mentions if m.type == ontology.PLACE}
    by_first: dict[str, list[tuple[list[str], str]]] = {}  # the companies by their first word
    for company in companies:
        by_first.setdefault(company[0][0] if company[0] else "", []).append(company)
    found = []
    for mention in mentions:
        if mention.source == "ner" and mention.type == ontology.ORGANIZATION and mention.text in places:
            mention = replace(mention, type=ontology.PLACE)
        elif mention.source == "ner" and mention.text in surnames:
            mention = replace(mention, type=ontology.PERSON)
        elif mention.source == "ner" and mention.type == ontology.PERSON:
            words = mention.text.split()
            kind = next((kind for longer, kind in (by_first.get(words[0], []) if words else companies)
                         if len(longer) >= len(words) and longer[:len(words)] == words), None)
            mention = replace(mention, type=kind) if kind else mention
        found.append(mention)
    return found


def _place_led_short_forms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A company's first two words written alone where the first is a place ("Shenzhen Kangyue" of
    "Shenzhen Kangyue Biological Products Co., Ltd."): one weak mention of a company, not a place and
    another name."""
    places = lexicon().places
    forms = {tuple(t.text for t in doc[m.start:m.start + 2]) for m in mentions
             if m.type == ontology.COMPANY and m.end - m.start > 2 and doc[m.start].lower_ in places}
    found = []
    over: dict[int, list[int]] = {}  # by token: the places in `mentions` of those over it (none is empty)
    dropped: set[int] = set()  # places in `mentions` of those a short form replaced
    for first, second in pairwise(doc):
        if (first.text, second.text) not in forms:
            continue
        if not over:
            for k, mention in enumerate(mentions):
                for i in range(mention.start, mention.end):
                    over.setdefault(i, []).append(k)
        inside = {k for i in (first.i, second.i) for k in over.get(i, ()) if k not in dropped}
        if all(mentions[k].start >= first.i and mentions[k].end <= second.i + 1 for k in inside):
            dropped.update(inside)
            found.append(Mention(first.i, second.i + 1, f"{first.text} {second.text}", ontology.COMPANY,
                                 strong=False, source="repeat"))
    return sorted([m for k, m in enumerate(mentions) if k not in dropped] + found, key=lambda m: m.start)


def find_mentions(doc: Doc) -> list[Mention]:
    """Every named-entity mention in the doc that has an ontology type, in text order (names unresolved)."""
    mentions = _place_led_short_forms(doc, _retyped(_merge(_ruler_mentions(doc), _ner_mentions(doc))))
    mentions += _repetitions(doc, mentions)
    mentions += _acronyms(doc, mentions)
    mentions += _possessive_projects(doc, mentions)
    return sorted((m for m in mentions if not _names_an_agreement(doc[m.start:m.end])), key=lambda m: m.start)


def _names_an_agreement(span: Span) -> bool:
    """Whether a name is an agreement's title ("Framework Agreement for Co-development of X", "the Strategic
    Cooperation Agreement"): a document, which is no entity."""
    agreements = lexicon().agreement_nouns
    return any(token.lower_ in agreements and token.text[:1].isupper() for token in span)


def _acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Acronyms that neither the ruler nor NER named ("BIIP's vice general managers"): organizations, where
    the article writes them in a sentence (not a line in capitals) and they are no common abbreviation
    (lexicon common_acronyms: "GDP", "CEO"), place or currency."""
    words = lexicon()
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    found = []
    capitals: dict[int, bool] = {}  # by sentence start: whether the sentence is a line in capitals
    for i, text in enumerate(_texts(doc)):
        if i in taken or not _ACRONYM.match(text) or text.lower() in words.common_acronyms or \
                text.lower() in words.places or text.lower() in words.title_words or text.lower() in words.currency:
            continue
        sent = doc[i].sent
        if sent.start not in capitals:
            capitals[sent.start] = sum(t.is_upper for t in sent) * 2 > sum(t.is_alpha for t in sent)
        if capitals[sent.start]:
            continue
        token = doc[i]
        found.append(Mention(token.i, token.i + 1, token.text, ontology.ORGANIZATION, strong=False, source="acronym"))
    return found


def with_names(mentions: list[Mention], names: dict[tuple[str, str], tuple[str, str]]) -> list[Mention]:
    """Set each mention's resolved name and type from `names`: (text, type) -> (name, type); drop the
    mentions that resolve to nothing."""
    resolved = []
    for mention in mentions:
        target = names.get((mention.text, mention.type))
        if target:
            resolved.append(replace(mention, name=target[0], type=target[1]))
    return resolved


def _possessive_projects(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A company's project named by its head noun: "Huawei Technologies Co's coal mining headquarters",
    "the Sungrow Power Supply Co., Ltd. energy storage headquarters project" (the company's name
    modifying the noun)."""
    words = lexicon()
    found = []
    for mention in mentions:
        i = mention.end
        owner = mention.type == ontology.COMPANY or mention.type == ontology.ORGANIZATION and not mention.strong
        if not owner or i >= len(doc):
            continue
        first = i + (doc[i].text in _POSSESSIVE)
        end = None
        for j in range(first, min(first + _PROJECT_REACH, len(doc))):
            if not (doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ", "VERB", "PROPN", "CCONJ"} or
                    doc[j].text in {"R&D", "&"}) or doc[j].tag_ == "JJS":  # "Bori's smart grid R&D and assembly
                break  # base", not "its largest base"
            if words.head_type(doc[j].lower_) == ontology.PROJECT:
                end = j + 1
        if end and (first > i or doc[mention.start:mention.end].root.head.i in range(first, end)):
            found.append(Mention(mention.start, end, doc[mention.start:end].text, ontology.PROJECT,
                                 source="possessive"))
    return found


def owner_prefixes(doc: Doc, mentions: list[Mention],
                   names: dict[tuple[str, str], tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """"Alibaba Cloud X Center and Y Base": the company's name that starts the first of two coordinated
    projects starts the second one's full name too; "the Yichang Municipal Party Committee and Government":
    the place that starts the first of two bodies starts the second's ("Yichang Government")."""
    prefixes = {m.text for m in mentions if m.type == ontology.COMPANY}
    starters = prefixes | {names.get((m.text, m.type), (m.text, m.type))[0] for m in mentions
                           if m.type == ontology.COMPANY}
    found = {}
    for first, second in pairwise(mentions):
        if first.type != second.type or second.start != first.end + 1 or doc[first.end].lower_ != "and":
            continue
        if first.type == ontology.GOVERNMENT_BODY and _second_body(doc[first.start:first.end],
                                                                   doc[second.start:second.end]):
            place = _leading_place(doc[first.start:first.end])
            if place:
                found[(second.text, second.type)] = (f"{place} {second.text}", second.type)
            continue
        if first.type != ontology.PROJECT:
            continue
        owner = next((first.text[:i] for i in range(len(first.text) - 1, -1, -1)  # the longest company's name
                      if first.text[i] == " " and first.text[:i] in prefixes), None)
        if owner and not any(second.text[:i] in starters for i in range(len(second.text) + 1)):
            found[(second.text, second.type)] = (f"{owner} {second.text}", second.type)
    return found


def _leading_place(span: Span) -> str | None:
    """The place a name starts with, with the level word after it ("Yichang Municipal")."""
    words = lexicon()
    end = span.start
    while end < span.end and span.doc[end].text[:1].isupper() and span.doc[end].lower_ not in words.levels and \
            words.head_type(span.doc[end].lower_) is None:
        end += 1
    if end == span.start or span.doc[span.start:end].text.lower() not in words.places and \
            span.doc[span.start].ent_type_ != "GPE":
        return None
    while end < span.end and span.doc[end].lower_ in words.levels - {"party"}:
        end += 1
    return span.doc[span.start:end].text


def bracketed_aliases(doc: Doc, mentions: list[Mention],
                      names: dict[tuple[str, str], tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """"China Electronics Corporation (CEC)", "Inspur Group Co., Ltd. ("Inspur")", "Ma Huateng (Pony Ma)":
    a name in brackets right after another is another name of the same entity."""
    starts = {m.start: m for m in mentions}
    found = {}
    for mention in mentions:
        i = mention.end
        if i + 2 >= len(doc) or doc[i].text != "(":
            continue
        i += doc[i + 1].text in _QUOTES
        alias = starts.get(i + 1)
        if alias is None or alias.end + 1 >= len(doc) or \
                doc[alias.end + (doc[alias.end].text in _QUOTES)].text != ")":
            continue
        if alias.type == mention.type or not alias.strong and mention.type != ontology.PERSON \
                and alias.type != ontology.PERSON:
            found[(alias.text, alias.type)] = names.get((mention.text, mention.type), (mention.text, mention.type))
    return found
