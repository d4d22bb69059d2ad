"""Errors that speak to users. The CLI prints them on one line; anything else is a bug."""
from __future__ import annotations

import os
import re

# Characters that would break a message's one line, or move the cursor: control characters (C0, C1)
# and the line and paragraph separators that str.splitlines() breaks at.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class NewsgraphError(Exception):
    """A problem with the user's input or environment, stated so the user can fix it."""


def printable(path: object) -> str:
    """A path as text that any UTF-8 output takes on one line: a byte of a file name that is not UTF-8
    (as unzipped Chinese archives give) and a control character (a newline in a name) are written as
    escapes.

    >>> printable(os.fsdecode(b"news/\\xff01.txt"))
    'news/\\\\xff01.txt'
    >>> print(printable("news/two\\nlines.txt"))
    news/two\\nlines.txt
    """
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


class ArticleError(NewsgraphError):
    """An article file that cannot be read as an article."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{printable(path)}: {problem}")
        self.path = path
        self.problem = problem


class ModelError(NewsgraphError):
    """A spaCy pipeline that cannot be loaded."""
