"""The text the parser reads: runs of spaces and tabs as one space, with a map back to the article's offsets.

Real pages double spaces inside names ("China  Mobile"), indent paragraphs and use tabs and no-break
spaces; spaCy makes each extra space a token of its own, which splits names and sentences. The parser
reads the squeezed text; every offset it gives is mapped back through `Squeezed.offsets`, so evidence
is still cut from the article's own text.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u3000]{2,}|[\t\u00a0\u3000]")


@dataclass(frozen=True)
class Squeezed:
    """A text with its runs of spaces squeezed, and for each of its offsets (its end included) the offset
    in the original text."""

    text: str
    offsets: array[int]

    def original(self, offset: int) -> int:
        return self.offsets[offset]


def squeeze(text: str) -> Squeezed:
    """Runs of spaces, tabs and no-break spaces as one space; line ends kept.

    >>> squeezed = squeeze("China  Mobile\\tsigned")
    >>> squeezed.text, squeezed.original(6), squeezed.original(len(squeezed.text))
    ('China Mobile signed', 7, 20)
    """
    parts: list[str] = []
    offsets = array("l")
    last = 0
    for match in _SPACES.finditer(text):
        parts.append(text[last:match.start()])
        offsets.extend(range(last, match.start()))
        parts.append(" ")
        offsets.append(match.start())
        last = match.end()
    parts.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return Squeezed("".join(parts), offsets)
