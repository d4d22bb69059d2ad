"""Errors that speak to users. The CLI prints them on one line; anything else is a bug."""
from __future__ import annotations

import os


class NewsgraphError(Exception):
    """A problem with the user's input or environment, stated so the user can fix it."""


def printable(path: object) -> str:
    """A path as text that any UTF-8 output takes: a byte of a file name that is not UTF-8 (as unzipped
    Chinese archives give) is written as an escape.

    >>> printable(os.fsdecode(b"news/\\xff01.txt"))
    'news/\\\\xff01.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


class ArticleError(NewsgraphError):
    """An article file that cannot be read as an article."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{printable(path)}: {problem}")
        self.path = path
        self.problem = problem


class ModelError(NewsgraphError):
    """A spaCy pipeline that cannot be loaded."""
