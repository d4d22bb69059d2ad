"""Syndicated copies: the same story on several sites is one story.

A China Daily text republished by a provincial portal, an aggregator and a city site comes in four
pages with four kinds of chrome (navigation, bylines, "Source: China Daily | Editor: ...", share links,
related headlines) and small edits (a sentence rewritten, a typo fixed, the last paragraph dropped).
`StoryIndex` takes articles one at a time and keeps only a MinHash signature of each (datasketch); at
the end it gives each article its story: the smallest article id of its cluster of near-duplicates.

A text's shingles are its five-word phrases (lower-cased words; punctuation and line breaks ignored).
Two articles are near-duplicates when the estimated Jaccard similarity of their shingle sets is at
least THRESHOLD; MinHashLSH finds the candidate pairs, each is confirmed on the two signatures, and
the clusters are the connected components of the confirmed pairs (union-find), so a copy of a copy
joins the story too.

Why five words: on the test corpus below, phrases of 3 to 7 words give the same picture, the gap
between copies and different articles growing slowly with the length (0.10 for 3 words, 0.13 for 5,
0.15 for 7), while each word a copy edits breaks as many phrases as a phrase has words; 5 is the middle.

THRESHOLD was measured on tests/copies.py (`python tests/copies.py --table`): the 128 real pages of
tests/data/real/articles, 194 copies of 20 of them (60 in another site's page chrome, 80 with one
small edit, 40 with both, 14 in the chrome of a pair below) and hard pairs of different articles (same
site, same topic, the same chrome around two articles). Exact Jaccard similarities of the shingles:

- copy and original: median 0.73, lowest 0.379, 0.426, 0.433, except one at 0.238 (below);
- different articles: highest 0.249 (pages 369 and 370, of 108 and 94 words, inside the same 90-word
  portal chrome), then 0.193, 0.180; between the real pages at most 0.039.

Copies in the story of their original (directly: their own pair confirmed, not through another copy),
copies missed, and pairs of texts of different articles put in one story, at SEED 1:

    threshold   found (direct)   missed   wrongly folded
      0.20      194 (194)          0         132
      0.25      194 (194)          0         132   <- 369 and 370 in one chrome fold, and with
      0.30      194 (193)          0           0      them their stories: 12 x 11 texts
      0.33      194 (193)          0           0
      0.35      194 (192)          0           0
      0.40      193 (191)          1           0
      0.45      190 (190)          4           0
      0.50      188 (178)          6           0
      0.60      163 (153)         31           0
      0.70      119 (110)         75           0
      0.80       67  (63)        127           0
      0.90       44  (44)        150           0

The corpus is right from 0.27 to 0.39; 0.33 is the middle, about 0.08 above the nearest different
pair and 0.05 below the nearest copies, which is two to three standard deviations of the estimate
(about 0.03 with 256 permutations). Over seeds 1..50, 0.33 made no error; 0.30 folded 369 and 370
with one seed, and 0.36 missed a copy of 370 with four.

The limit: when a story is shorter than the chrome around it, whole-page phrases cannot tell its copy
from another story in the same chrome. Page 370's 60-word story in a portal page, one of its three
sentences rewritten, is at 0.238 from the original, below 369 and 370 in one chrome (0.249); it joins
its story only through the other copies. Give `add` the article's text without the page's chrome where
there is one (extract.clean.clean_text, or the main text of an HTML page) and this margin widens.

MIN_SHINGLES is 40 (about 45 words): below it, one shared boilerplate sentence of 20 words (a
disclaimer, "The signing ceremony was held in ...") is 16 shared phrases, and 16 / (2 * 40 - 16) is
0.25, so two different texts of fewer phrases could pass the threshold on that sentence alone. The
real pages have at least 89 phrases, so none of them is affected.

Speed and memory: 10,000 synthetic 500-word articles (every tenth a copy of the one before, five words
changed) are added at about 500 a second (464 to 523 in three runs on a shared core); the index then
takes 258 MiB (26 KiB an article), nearly all of it MinHashLSH's 85 band tables (Python dicts); no
text is kept.

>>> index = StoryIndex()
>>> story = " ".join(f"word{i}" for i in range(100))  # a story of 100 words
>>> index.add("b", "Home | News\\n" + story + "\\nEditor: Li Na")
>>> index.add("a", story)
>>> index.add("c", " ".join(f"other{i}" for i in range(100)))
>>> index.stories()
{'a': 'a', 'b': 'a', 'c': 'c'}
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from networkx.utils import UnionFind

SHINGLE_WORDS = 5  # see "Why five words" above
NUM_PERM = 256  # the estimate's standard deviation near THRESHOLD is then 0.03 (0.04 with 128)
SEED = 1  # of the permutations: fixed, so the same texts always give the same stories
THRESHOLD = 0.33  # measured: the middle of the range where the test corpus is right (see above)
MIN_SHINGLES = 40  # see above: one shared boilerplate sentence must not fold two texts
LSH_MARGIN = 0.05  # see lsh_bands
LSH_RECALL = 0.99

_WORD = re.compile(r"[^\W_]+")
_SCHEME = "affine32"


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The text's phrases of `size` words: lower-cased, NFKC-normalised words, punctuation and line
    breaks ignored (so curly and straight quotes, and rewrapped lines, give the same phrases).

    >>> sorted(shingles("Jia met Lu.\\nLu’s reply: “Yes”.", size=3))
    ['jia met lu', 'lu lu s', 'lu s reply', 'met lu lu', 's reply yes']
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return set(map(" ".join, zip(*(words[i:] for i in range(size)))))


def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The LSH bands and rows for `threshold`: the most rows (the fewest chance candidates, and so the
    fewest bands to store) with which a pair of similarity `threshold` + LSH_MARGIN is a candidate with
    probability LSH_RECALL. (A pair nearer the threshold folds by chance anyway: the estimate's standard
    deviation is about 0.03 there.)

    >>> lsh_bands(0.33)
    (85, 3)
    """
    sure = min(threshold + LSH_MARGIN, 1.0)
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - sure**rows) ** bands >= LSH_RECALL:
            return bands, rows
    raise ValueError(f"no LSH bands find pairs of similarity {threshold} with {num_perm} permutations")


@dataclass(frozen=True)
class Duplicate:
    """Two articles found to be copies of one story, with their estimated Jaccard similarity."""

    first: str  # the smaller id
    second: str
    similarity: float


def _minhash(permutations: np.ndarray | None = None) -> MinHash:
    """An empty MinHash; CRC-32 hashes the phrases (eight times faster than datasketch's SHA-1, and as
    good here: the affine32 scheme mixes each hash with MurmurHash3's finaliser before permuting it)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, scheme=_SCHEME,
                   permutations=permutations)


class StoryIndex:
    """Articles added one at a time; which of them are copies of one story.

    Only a signature of each text is kept (NUM_PERM 32-bit values and its LSH band keys), never the text.
    A text of fewer than `min_shingles` shingles is never folded: it is its own story.
    """

    def __init__(self, *, threshold: float = THRESHOLD, min_shingles: int = MIN_SHINGLES) -> None:
        self.threshold = threshold
        self.min_shingles = min_shingles
        self._permutations = _minhash().permutations
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_bands(threshold))
        self._signatures: dict[str, LeanMinHash] = {}
        self._short: set[str] = set()
        self._duplicates: list[Duplicate] = []

    def __len__(self) -> int:
        return len(self._signatures) + len(self._short)

    def add(self, article_id: str, text: str) -> None:
        """Add an article; it is compared with every article added before it."""
        if article_id in self._signatures or article_id in self._short:
            raise ValueError(f"article {article_id!r} was added twice")
        phrases = shingles(text)
        if len(phrases) < self.min_shingles:
            self._short.add(article_id)
            return
        minhash = _minhash(self._permutations)
        minhash.update_batch([phrase.encode("utf-8") for phrase in phrases])
        signature = LeanMinHash(minhash)
        for other in self._lsh.query(signature):
            similarity = signature.jaccard(self._signatures[other])
            if similarity >= self.threshold:
                first, second = sorted((article_id, other))
                self._duplicates.append(Duplicate(first, second, similarity))
        self._lsh.insert(article_id, signature, check_duplication=False)
        self._signatures[article_id] = signature

    def duplicates(self) -> list[Duplicate]:
        """Every confirmed pair of copies, sorted by ids."""
        return sorted(self._duplicates, key=lambda pair: (pair.first, pair.second))

    def stories(self) -> dict[str, str]:
        """Each article id -> its story id, the smallest article id of its cluster (itself if alone),
        whatever the order the articles were added in."""
        clusters = UnionFind(self._signatures)
        for pair in self._duplicates:
            clusters.union(pair.first, pair.second)
        story = {member: min(group) for group in clusters.to_sets() for member in group}
        story.update((article_id, article_id) for article_id in self._short)
        return dict(sorted(story.items()))


def find_stories(articles: Iterable[tuple[str, str]], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """Each article id -> its story id, for (article id, text) pairs; see StoryIndex.

    >>> find_stories([("x", "too short to fold"), ("y", "too short to fold")])
    {'x': 'x', 'y': 'y'}
    """
    index = StoryIndex(threshold=threshold)
    for article_id, text in articles:
        index.add(article_id, text)
    return index.stories()


__all__ = ["MIN_SHINGLES", "NUM_PERM", "SEED", "SHINGLE_WORDS", "THRESHOLD", "Duplicate", "StoryIndex",
           "find_stories", "lsh_bands", "shingles"]
