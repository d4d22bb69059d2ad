"""Coreference inside one article: every mention resolved to the fullest name the article gives.

- a surname alone ("Zhang said") is the full name that starts with it ("Zhang Jifu");
- a short form is the longer name it shortens: without generic words ("Chindata" for "Chindata Group",
  "Datong" for "Datong City"), by its first words ("Ubtech" for "Ubtech Robotics Co., Ltd.", but not
  for a project or place: "Tencent" is no short form of "Tencent South China Computing Center"), as a
  subsequence with the same first and last word ("Jinhua Development Zone"), or without a leading
  place or company ("Municipal Party Committee" for "Jinhua Municipal Party Committee");
- a body named by level only ("the Municipal Energy Bureau") takes the article's city or province;
- a definite noun ("the company", "our city", "the conference") is the nearest earlier name of its
  kind (for "the company", the subject of that name's sentence if it is one, but for "the new company"
  the name itself; also a name NER took for an organization without a head word to say so), and the
  city or province the article is about for "the city" and "the province";
  "he" and "she" are the person named last; "we" outside quotation marks (a government's work report)
  is the first government body the article names after its headline.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from spacy.tokens import Doc, Token

from . import ontology
from .entities import Mention, last_ending_by, western_surname
from .lexicon import lexicon

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Kinds of names that often begin with another entity's name ("Tencent South China Computing Center",
# "Szeged plant"), so a one-word name is not taken for their short form.
_NAMED_AFTER = frozenset({ontology.PROJECT, ontology.PLACE, ontology.EVENT})
_MODIFIER_POS = frozenset({"NOUN", "ADJ", "PROPN", "VERB"})  # lower-case words before a definite noun's head
_WIDER_PLACES = frozenset({"province", "region", "country", "state", "district", "county", "area", "zone"})
_QUOTES = frozenset({'"', "“", "”"})


@lru_cache(maxsize=65536)
def words_of(name: str) -> tuple[str, ...]:
    """A name's words in lower case, without punctuation: the form short forms are compared in."""
    return tuple(re.findall(r"[\w]+", name.lower().replace("’", "'").replace("'s", "")))


@lru_cache(maxsize=65536)
def core_words(name: str) -> tuple[str, ...]:
    """A name's words less generic ones ("Group", "Co., Ltd.", "City")."""
    generic = lexicon().generic_name_words
    return tuple(word for word in words_of(name) if word not in generic)


def _contiguous_in(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the short name's words stand together, in order, inside the longer name's."""
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


@dataclass(frozen=True)
class Home:
    """The city and the province an article is about (the most named of each), by their core names."""

    city: str | None
    province: str | None


def home_places(doc: Doc, mentions: list[Mention]) -> Home:
    """The city and the province named most often (a municipality, "Beijing", is both), directly, in the
    names of their bodies or at the start of other names, else the province that begins the most other names ("the Hunan Hydrogen Energy
    Base"); a place that only describes something else ("the Shenzhen-based company") does not count."""
    words = lexicon()
    counts: dict[str, Counter[str]] = {"cities": Counter(), "provinces": Counter(), "province_in_names": Counter()}
    for mention in mentions:
        if _in_compound(doc, mention.end - 1):
            continue
        core = " ".join(core_words(mention.text))
        level = words.places.get(core)
        first = words_of(mention.text)[:1]
        if len(words_of(mention.text)) > 1 and first and (words.places.get(first[0]) == "cities" or
                                                          first[0] in words.municipalities):
            counts["cities"][first[0]] += 1  # "Tianjin Binhai New Area", "Dalian Free Trade Zone"
        if mention.type == ontology.PLACE:
            if level in counts:
                counts[level][core] += 1
            if core in words.municipalities or words_of(mention.text)[-1:] == ("city",):
                counts["cities"][core] += 1
            elif words_of(mention.text)[-1:] == ("province",):
                counts["provinces"][core] += 1
        elif mention.type == ontology.GOVERNMENT_BODY:
            text = words_of(mention.text)
            for level_word, kind in (("municipal", "cities"), ("provincial", "provinces")):
                if level_word in text and text.index(level_word) > 0:
                    counts[kind][" ".join(text[:text.index(level_word)])] += 1
        elif words.places.get(" ".join(words_of(mention.text)[:1])) == "provinces":
            counts["province_in_names"][words_of(mention.text)[0]] += 1
    counts["provinces"] = counts["provinces"] or counts["province_in_names"]
    return Home(*(counts[kind].most_common(1)[0][0] if counts[kind] else None
                  for kind in ("cities", "provinces")))


def display_name(core: str, mentions: list[Mention]) -> str:
    """A core name as the article writes it ("datong" -> "Datong", also from "Datong Municipal Government")."""
    for mention in mentions:
        words = mention.text.split()
        for size in range(len(core.split()), 0, -1):
            if " ".join(core_words(" ".join(words[:size]))) == core:
                return " ".join(w for w in words[:size] if w.lower() not in lexicon().generic_name_words)
    return core.title()


Names = list[tuple[str, str, bool]]  # the article's names: (text, type, strong), each once, in text order
_NameIndex = dict[tuple[object, ...], list[int]]
# Up to this many names, each short form is compared with all of them: as quick as making the index.
_FEW_NAMES = 40


def _name_index(names: Names) -> _NameIndex:
    """The places in `names` of the names that may be longer forms of a short one, by what the short one
    shares with them (see _candidates): a long article's names are compared only with the few each may
    shorten, not with all the others."""
    index: _NameIndex = {}
    for number, (text, kind, _) in enumerate(names):
        long, core = words_of(text), core_words(text)
        keys: set[tuple[object, ...]] = {("core", core), ("core", _after_places(core)),
                                         ("core_but_last", core[:-1]), ("ends", long[:1], long[-1:])}
        for words in (long, _after_country(long), _after_places(long)):
            keys.update(("prefix", words[:size]) for size in range(1, len(words) + 1))
        keys.update(("suffix", long[-size:]) for size in range(1, len(long) + 1))
        if kind == ontology.GOVERNMENT_BODY:
            keys.update(("words3", long[i:i + 3]) for i in range(len(long) - 2))
        if kind == ontology.PROJECT:
            keys.update(("project_word", word) for word in long[:-1])
        for key in keys:
            index.setdefault(key, []).append(number)
    return index


def _candidates(text: str, kind: str, strong: bool, names: Names, index: _NameIndex | None) -> Names:
    """The names `text` may be a short form of, in text order: every name that passes one of the tests of
    _longer_forms shares with it what the test compares (its core words, first words, first and last word,
    three words in a row, last words or a word of a project's); with no index, all of them."""
    short, short_core = words_of(text), core_words(text)
    if index is None or not short:
        return names
    keys: list[tuple[object, ...]] = [("core", short_core), ("prefix", (*short, "of")), ("suffix", short)]
    if not strong:
        keys.append(("prefix", short))
    if kind == ontology.COMPANY:
        keys.append(("core_but_last", short_core))
    if len(short_core) > 1:
        keys.append(("ends", short[:1], short[-1:]))
    if kind == ontology.GOVERNMENT_BODY and len(short) > 2:
        keys.append(("words3", short[:3]))
    if kind == ontology.PROJECT and len(short) > 2:
        keys.append(("project_word", short[0]))
    return [names[number] for number in sorted({number for key in keys for number in index.get(key, ())})]


def _longer_forms(text: str, kind: str, strong: bool, names: Names,
                  leading: dict[str, list[tuple[str, ...]]]) -> list[str]:
    """The longer names of the article that `text` is a short form of, best first (the same words less
    a leading place and suffixes: "Qirui Robot" of "Anhui Qirui Robot Co., Ltd."; a company's name less
    its last word: "Pengcheng Cloud" of "Pengcheng Cloud Computing Co., Ltd."; a body's head words: "the
    Administrative Committee" of "Administrative Committee of the X Zone"); last, a company's first words
    after a leading place ("Xinrui" of "Zhuzhou Xinrui Rail Transit Equipment Co., Ltd.")."""
    short, short_core = words_of(text), core_words(text)
    by_core, by_prefix, by_subsequence, by_suffix, by_place_prefix = [], [], [], [], []
    for other, other_kind, other_strong in names:
        long = words_of(other)
        if len(long) <= len(short) or other == text or other.startswith((f"{text}'s ", f"{text}’s ")) or \
                text.isupper() and len(short) == 1 and long[0] == short[0]:
            continue  # "Huawei" is no short form of "Huawei's Cloud Business Group", but its owner; an acronym
            # stands for itself ("SCUN" beside "SCUN Museum of Ethnology")
        if kind != other_kind and (strong or other_kind == ontology.PERSON or not other_strong):
            continue
        if short_core and short_core in {core_words(other), _after_places(core_words(other))}:
            by_core.append(other)
        elif not strong and short in {long[:len(short)], _after_country(long)[:len(short)]} and \
                other_kind not in _NAMED_AFTER or \
                kind == other_kind and long[:len(short) + 1] == (*short, "of") or \
                kind == other_kind == ontology.COMPANY and len(short_core) > 1 and short == short_core and \
                core_words(other)[:len(short_core)] == short_core and len(core_words(other)) == len(short_core) + 1:
            by_prefix.append(other)
        elif len(short_core) > 1 and short[0] == long[0] and short[-1] == long[-1] and _is_subsequence(short, long):
            by_subsequence.append(other)
        elif kind == other_kind == ontology.GOVERNMENT_BODY and len(short) > 2 and _contiguous_in(short, long):
            by_subsequence.append(other)  # "Government of Guangming District" of "People's Government of ... of Shenzhen"
        elif long[-len(short):] == short and _made_of(long[:len(long) - len(short)], leading):
            by_suffix.append(other)
        elif not strong and kind == other_kind == ontology.COMPANY and _after_places(long)[:len(short)] == short:
            by_place_prefix.append(other)
        elif kind == other_kind == ontology.PROJECT and _same_project(short, long):
            by_subsequence.append(other)
    return by_core + by_prefix + by_subsequence + by_suffix + by_place_prefix


def _same_project(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether two names of a facility name one by other head words (lexicon facility_heads): the shorter's
    words but its head, two or more, are all in the longer's ("Lithium-ion Battery Plant" of "CATL New
    Lithium-ion Battery Project")."""
    facilities = lexicon().facility_heads
    if short[-1] not in facilities or long[-1] not in facilities:
        return False
    return len(short) > 2 and set(short[:-1]) <= set(long[:-1])


def _after_places(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words after the places that begin it ("anhui qirui robot" -> "qirui robot")."""
    places = lexicon().places
    i = 0
    while i < len(words) - 1 and words[i] in places:
        i += 1
    return words[i:]


def _after_country(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words after a country that begins it, its brand first ("china huaxin materials group" ->
    "huaxin materials group"); a city that begins a name marks a local unit ("Yueyang Moxun Electronics")."""
    return words[1:] if words and lexicon().places.get(words[0]) == "countries" else ()


def _made_of(words: tuple[str, ...], names: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether the words are one name or more of `names` (listed by their first word) in a row ("halden
    lingang": a company's and a place's)."""
    return not words or any(words[:len(name)] == name and _made_of(words[len(name):], names)
                            for name in names.get(words[0], ()))


def resolve(mentions: list[Mention], home: Home) -> dict[tuple[str, str], tuple[str, str]]:
    """Map each mention's (text, type) to the (name, type) it stands for ("Harmon" and "Lisa Harmon" to
    the full name too, a place outside the gazetteer to the one area a body governs whose name starts with
    it: "Lingang");
    lone surnames that name nobody in the article map to nothing."""
    names = list(dict.fromkeys((m.text, m.type, m.strong) for m in mentions))
    leading: dict[str, list[tuple[str, ...]]] = {}  # the words of places and companies, by their first word
    for form in {form for m in mentions if m.type in {ontology.PLACE, ontology.COMPANY}
                 for form in (words_of(m.text), core_words(m.text)) if form}:
        leading.setdefault(form[0], []).append(form)
    governed: dict[tuple[str, ...], list[str]] = {}  # the areas bodies govern, by their first word
    for area in _governed_areas(mentions):
        governed.setdefault(words_of(area)[:1], []).append(area)
    index = _name_index(names) if len(names) > _FEW_NAMES else None
    kinds: dict[str, str] = {}  # the type each text is first named with
    full_names: dict[str, str] = {}  # the first full name by surname (first word; a western name's last)
    for text, kind, _ in names:
        kinds.setdefault(text, kind)
        if kind == ontology.PERSON and len(text.split()) > 1:
            for surname in (text.split()[0], western_surname(text)):
                if surname:
                    full_names.setdefault(surname, text)
    resolved: dict[tuple[str, str], tuple[str, str]] = {}
    for text, kind, strong in names:
        if kind == ontology.PERSON:
            if len(text.split()) > 1:
                resolved[(text, kind)] = (text, kind)
            elif text in full_names:
                resolved[(text, kind)] = (full_names[text], kind)
            continue
        longer = _longer_forms(text, kind, strong, _candidates(text, kind, strong, names, index), leading)
        if longer:
            resolved[(text, kind)] = (longer[0], kinds[longer[0]])
            continue
        first = words_of(text)[0] if words_of(text) else ""
        place = {"municipal": home.city, "city": home.city, "provincial": home.province}.get(first)
        areas = [area for area in (governed.get(words_of(text)[:1], []) if words_of(text) else
                                   [area for same_first in governed.values() for area in same_first])
                 if words_of(area)[:len(words_of(text))] == words_of(text)
                 and " ".join(words_of(text)) not in lexicon().places]
        if kind == ontology.PLACE and len(set(areas)) == 1:
            resolved[(text, kind)] = (areas[0], kind)
        elif kind == ontology.GOVERNMENT_BODY and place:
            resolved[(text, kind)] = (f"{display_name(place, mentions)} {text}", kind)
        else:
            resolved[(text, kind)] = (text, kind)
    return _transitive(resolved)


def _governed_areas(mentions: list[Mention]) -> list[str]:
    """The areas that bodies of the article govern, by name ("Administrative Committee of the Lingang
    Special Area of China (Shanghai) Pilot Free Trade Zone" -> "Lingang Special Area of ... Zone")."""
    words = lexicon()
    found = []
    for mention in mentions:
        parts = mention.text.split(" of ", 1)
        if mention.type != ontology.GOVERNMENT_BODY or len(parts) < 2:
            continue
        area = parts[1].removeprefix("the ")
        if words.head_type(words_of(area)[-1]) == ontology.PLACE and len(words_of(area)) > 1:
            found.append(area)
    return found


def _transitive(resolved: dict[tuple[str, str], tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    final = {}
    for key, target in resolved.items():
        seen = {key}
        while target in resolved and resolved[target] != target and target not in seen:
            seen.add(target)
            target = resolved[target]
        final[key] = target
    return final


def definite_mentions(doc: Doc, mentions: list[Mention], home: Home) -> list[Mention]:
    """Mentions for definite nouns ("the company", "our city") that stand for a name of the article (whose
    mentions are given in text order)."""
    words = lexicon()
    taken = {i for mention in mentions for i in range(mention.start, mention.end)}
    earlier = _Earlier(mentions)
    named = _InTextOrder(list(mentions))  # the article's mentions and those found so far
    quotes: list[int] = []  # by token, the quotation marks before it (counted where a "we" first needs them)
    found: list[Mention] = []
    for token in doc[1:]:
        if token.lower_ in words.person_pronouns and token.i not in taken and not _surname_of_a_name(token):
            person = _antecedent(token.i, "", "Person*", earlier, home)
            if person:
                found.append(Mention(token.i, token.i + 1, token.text, person.type, name=person.name,
                                     source="pronoun"))
                named.add(found[-1])
            continue
        if token.lower_ in words.speaker_pronouns and token.i not in taken and not _quoted(token, quotes):
            body = earlier.speaker(doc)
            if body:
                found.append(Mention(token.i, token.i + 1, token.text, body.type, name=body.name,
                                     source="pronoun"))
                named.add(found[-1])
            continue
        if token.lower_ in words.thing_pronouns and token.i not in taken:
            thing = _topic_before(token, named)
            if thing:
                found.append(Mention(token.i, token.i + 1, token.text, thing.type, name=thing.name,
                                     source="pronoun"))
                named.add(found[-1])
            continue
        target = words.definite_heads.get(token.lower_)
        if not target or token.i in taken:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"} or \
                target.startswith("home:") and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and \
                doc[token.i + 2].text[:1].isupper():  # "the city of Shaoxing" names a city, not the article's
            continue
        start = token.i - 1
        while start > 0 and start > token.i - 5 and (doc[start].is_lower and doc[start].pos_ in _MODIFIER_POS
                                                     or _in_compound(doc, start)):
            start -= 1
        if doc[start].lower_ not in words.definite_determiners:
            continue
        modifiers = [t.lower_ for t in doc[start + 1:token.i] if not _in_compound(doc, t.i)]
        new = bool(modifiers) and modifiers[0] in words.newness_words
        modifiers = modifiers[1:] if new else modifiers
        antecedent = _antecedent(token.i, token.lower_, target, earlier, home)
        if antecedent and target.endswith("*") and not new:
            antecedent = _salient(doc, antecedent, earlier, token.i)
        if antecedent is None or not all(word in words_of(antecedent.name) for word in modifiers):
            antecedent = _only_project(target, modifiers, earlier, token.i)
        if antecedent:
            found.append(Mention(start, token.i + 1, doc[start:token.i + 1].text, antecedent.type,
                                 name=antecedent.name, source="definite"))
            named.add(found[-1])
    return found


@dataclass
class _Earlier:
    """The article's mentions, in text order, indexed for looking back from a word: by kind, and by kind and
    word of their names. Made once per article, so that each definite noun or pronoun costs as much in a
    long article as in a short one."""

    mentions: list[Mention]

    def __post_init__(self) -> None:
        self.starts = [mention.start for mention in self.mentions]
        self._kinds: dict[str, tuple[list[Mention], list[int]]] = {}
        self._kind_words: dict[str, dict[str, tuple[list[Mention], list[int]]]] = {}
        self._cache: dict[str, Any] = {}

    def of_kind(self, kind: str) -> tuple[list[Mention], list[int]]:
        """The mentions of a kind (for companies, also the organizations NER found without a head word to
        say so), and their starts."""
        if kind not in self._kinds:
            found = [m for m in self.mentions if m.type == kind or kind == ontology.COMPANY and
                     m.type == ontology.ORGANIZATION and not m.strong]
            self._kinds[kind] = found, [m.start for m in found]
        return self._kinds[kind]

    def with_word(self, kind: str, word: str) -> tuple[list[Mention], list[int]]:
        """The mentions of a kind (see of_kind) with the word in their names, and their starts."""
        if kind not in self._kind_words:
            by_word: dict[str, list[Mention]] = {}
            for mention in self.of_kind(kind)[0]:
                for name_word in dict.fromkeys(words_of(mention.name)):
                    by_word.setdefault(name_word, []).append(mention)
            self._kind_words[kind] = {w: (found, [m.start for m in found]) for w, found in by_word.items()}
        return self._kind_words[kind].get(word, ([], []))

    def towns(self) -> tuple[list[Mention], list[int]]:
        """City-like places: of no level of the gazetteer or cities, and no wider area by their head word."""
        if "towns" not in self._cache:
            found = [m for m in self.mentions if m.type == ontology.PLACE and
                     lexicon().places.get(" ".join(core_words(m.name))) in {None, "cities"} and
                     words_of(m.name)[-1:][0] not in _WIDER_PLACES]
            self._cache["towns"] = found, [m.start for m in found]
        return self._cache["towns"]  # type: ignore[no-any-return]

    def place(self, core: str) -> Mention | None:
        """The first mention of a place by its core name."""
        if "places" not in self._cache:
            places: dict[str, Mention] = {}
            for mention in self.mentions:
                if mention.type == ontology.PLACE:
                    places.setdefault(" ".join(core_words(mention.name)), mention)
            self._cache["places"] = places
        return self._cache["places"].get(core)  # type: ignore[no-any-return]

    def speaker(self, doc: Doc) -> Mention | None:
        """Who "we" is outside quotation marks: the first government body named after the headline, else
        the first named."""
        if "speaker" not in self._cache:
            bodies = [m for m in self.mentions if m.type == ontology.GOVERNMENT_BODY]
            self._cache["speaker"] = next((m for m in bodies if m.start >= doc[0].sent.end),
                                          bodies[0] if bodies else None)
        return self._cache["speaker"]  # type: ignore[no-any-return]

    def one_project(self, position: int) -> Mention | None:
        """A mention of the one project named before `position` (ending by it), or None where none or
        several are."""
        if "projects" not in self._cache:
            projects = sorted(self.of_kind(ontology.PROJECT)[0], key=lambda m: m.end)
            second = next((m.end for m in projects if m.name != projects[0].name), None) if projects else None
            self._cache["projects"] = projects, second
        projects, second = self._cache["projects"]
        if not projects or projects[0].end > position or second is not None and second <= position:
            return None
        return projects[0]  # type: ignore[no-any-return]


@dataclass
class _InTextOrder:
    """Mentions kept in text order (sorted by start, those added after those given on a tie) as they are
    added, with the length of the longest: those that start, or lie, in a stretch are found by bisection."""

    mentions: list[Mention]

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self.reach = max((m.end - m.start for m in self.mentions), default=0)

    def add(self, mention: Mention) -> None:
        insort(self.mentions, mention, key=lambda m: m.start)
        self.reach = max(self.reach, mention.end - mention.start)

    def starting(self, first: int, last: int) -> list[Mention]:
        """The mentions that start at token `first` to `last`, in text order."""
        lo = bisect_left(self.mentions, first, key=lambda m: m.start)
        return self.mentions[lo:bisect_right(self.mentions, last, lo=lo, key=lambda m: m.start)]

    def over(self, tokens: list[Token]) -> list[Mention]:
        """The mentions that may include one of the tokens (and some others near them), in text order."""
        if not tokens:
            return []
        return self.starting(min(t.i for t in tokens) - self.reach + 1, max(t.i for t in tokens))


def _only_project(target: str, modifiers: list[str], earlier: _Earlier, position: int) -> Mention | None:
    """The one project the article has named before, for a noun of projects that names none by its own
    words ("the battery production base" after "the CATL New Lithium-ion Battery Project"), where the noun's
    modifiers share a word with it, or it has none."""
    if target.rstrip("*") != ontology.PROJECT:
        return None
    project = earlier.one_project(position)
    if project is None:
        return None
    return project if not modifiers or set(modifiers) & set(words_of(project.name)) else None


def _surname_of_a_name(token: Token) -> bool:
    """Whether a pronoun's word is a surname before a given name here ("and She Chunming, director")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.text[:1].isupper() and following is not None and following.text[:1].isupper() and \
        (following.ent_type_ == "PERSON" or not token.is_sent_start)


def _quoted(token: Token, quotes: list[int]) -> bool:
    """Whether a token stands inside quotation marks (an odd number of them before it in the doc); `quotes`
    lists, by token, how many come before it: counted through the doc once, at the first call."""
    if not quotes:
        quotes.extend(accumulate((t.text in _QUOTES for t in token.doc), initial=0))
    return quotes[token.i] % 2 == 1


def _in_compound(doc: Doc, i: int) -> bool:
    """Whether token i is part of a hyphenated modifier ("the Shenzhen-based company")."""
    return doc[i].text == "-" or i + 1 < len(doc) and doc[i + 1].text == "-" or i > 0 and doc[i - 1].text == "-"


def _topic_before(token: Token, mentions: _InTextOrder) -> Mention | None:
    """What "it", the subject of a main clause, or "its" in that subject ("Its subsidiary X will"), stands
    for: the subject of the sentence before (or of what it reports: "Weber said X has ...", or the name set
    beside it: "The joint venture, X, is ..."), where that is a name other than a person's; "it" that
    reports what a name says ("X announced that it has signed"), that name. An "it" that only announces a
    clause ("it is expected that", "it is important to") stands for nothing."""
    if token.dep_ == "poss":
        token = token.head
        while token.dep_ in {"nmod", "compound"} and token.head is not token:
            token = token.head
    verb = token.head
    if token.dep_ in _SUBJECTS and verb.dep_ == "ccomp":
        return _reporter(verb.head, mentions)
    if token.dep_ not in _SUBJECTS or verb.dep_ != "ROOT" or token.sent.start == 0 or \
            any(child.dep_ in {"ccomp", "xcomp", "csubj"} for child in verb.children) and verb.lemma_ != "plan":
        return None
    before = token.doc[token.sent.start - 1].sent
    saying = lexicon().saying_verbs
    for mention in mentions.starting(before.start, before.end):
        last = token.doc[mention.start:mention.end].root
        if last.dep_ == "appos":
            last = last.head
        if before.start <= mention.start and mention.end <= before.end and last.dep_ in _SUBJECTS \
                and mention.type != ontology.PERSON and (last.head.dep_ == "ROOT" or last.head.dep_ == "ccomp"
                                                         and last.head.head.lemma_ in saying):
            return mention
    return None


def _reporter(verb: Token, mentions: _InTextOrder) -> Mention | None:
    """The name, other than a person's, that is the subject of a verb of saying ("X announced that it ..."),
    or that the verb was parsed as describing ("X, a state-owned enterprise, announced that it ...")."""
    for mention in mentions.over([verb, *verb.children, *([verb.head] if verb.dep_ == "acl" else [])]):
        last = verb.doc[mention.start:mention.end].root
        if mention.type != ontology.PERSON and (last.head == verb and last.dep_ in _SUBJECTS or
                                                verb.dep_ == "acl" and verb.head == last):
            return mention
    return None


def _salient(doc: Doc, antecedent: Mention, earlier: _Earlier, position: int) -> Mention:
    """Of the names of the antecedent's kind in its sentence, the subject if one is ("A, a subsidiary of
    B, set up ... the company" -> A), else the antecedent itself (the nearest)."""
    sentence = doc[antecedent.start].sent
    first = bisect_left(earlier.starts, sentence.start)
    for mention in earlier.mentions[first:bisect_right(earlier.starts, position, lo=first)]:
        if sentence.start <= mention.start and mention.end <= position and mention.type == antecedent.type \
                and doc[mention.end - 1].dep_ in {"nsubj", "nsubjpass"}:
            return mention
    return antecedent


def _antecedent(position: int, noun: str, target: str, earlier: _Earlier, home: Home) -> Mention | None:
    """The name a definite noun stands for: the article's city or province ("the city"; where the article
    is about no city of the gazetteer, the last city-like place named before); else the last name of its
    kind named before with the noun in it ("the park"), or with "*" any of its kind ("the company"); else
    the one name of its kind with the noun in it named later ("The plant, with ..., ... the Szeged plant")."""
    if target.startswith("home:"):
        place = home.city if target == "home:city" else home.province
        if place is None and target == "home:city":
            return last_ending_by(*earlier.towns(), position)
        return earlier.place(place) if place is not None else None
    any_name = target.endswith("*")
    kind = target.rstrip("*")
    last = last_ending_by(*earlier.of_kind(kind), position)
    same_head = last_ending_by(*earlier.with_word(kind, noun), position)
    found = same_head or (last if any_name else None)
    if found or last:
        return found
    later = {m.name: m for m in earlier.with_word(kind, noun)[0] if m.start > position and
             words_of(m.name)[-1:] == (noun,)}
    return next(iter(later.values())) if len(later) == 1 else None
