"""Errors that speak to users. The CLI prints them on one line; anything else is a bug."""
from __future__ import annotations


class NewsgraphError(Exception):
    """A problem with the user's input or environment, stated so the user can fix it."""


class ArticleError(NewsgraphError):
    """An article file that cannot be read as an article."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ModelError(NewsgraphError):
    """A spaCy pipeline that cannot be loaded."""
