"""Entity resolution across articles: which names of which articles are one entity, and its id.

An entity's id follows from its type and canonical name only, never from reading order:
`entity_id("Person", "Zhang Jifu") == "person/zhang-jifu"`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_POSSESSIVE = re.compile(r"[’'`]s\b")
_NON_WORD = re.compile(r"[^\w\s]")


def name_key(name: str) -> str:
    """Normalize a name for comparison: case, punctuation, "&", a leading "the" and possessives.

    >>> name_key("The Jinhua Economic & Technological Development Zone's")
    'jinhua economic and technological development zone'
    """
    text = unicodedata.normalize("NFKC", name).lower().replace("&", " and ")
    text = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text))
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def slug(name: str) -> str:
    """A readable, IRI-safe form of a name; names with no Latin letters get a short hash.

    >>> slug("Alibaba (China) Co., Ltd."), slug("大汉网络")
    ('alibaba-china-co-ltd', 'x-4ab6da8e0bd1')
    """
    ascii_text = unicodedata.normalize("NFKD", name_key(name)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    if words:
        return "-".join(words)
    return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def entity_id(entity_type: str, name: str) -> str:
    """The stable node id of an entity: its type and the slug of its canonical name.

    >>> entity_id("GovernmentBody", "the Jinhua Municipal Party Committee")
    'governmentbody/jinhua-municipal-party-committee'
    """
    return f"{entity_type.lower()}/{slug(name)}"


def canonical_name(names: Iterable[str]) -> str:
    """Pick the canonical name among the full names an entity is given: the most frequent, then the
    longest, then the first in sorted order, so the choice does not depend on reading order."""
    counts = Counter(names)
    return min(counts, key=lambda name: (-counts[name], -len(name), name))
