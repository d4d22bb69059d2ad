"""Fixtures shared by all tests: the sample articles, the spaCy pipeline and one build of the seeds."""
from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default spaCy pipeline, loaded once."""
    from extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extract_text(nlp):  # type: ignore[no-untyped-def]
    """Extract an article given as text (its id "test"); returns the Extraction."""
    from extract import ArticleText, clean_text, extract_doc
    from extract.dates import publication_date
    from extract.model import Article
    from extract.pipeline import parse_text

    def run(text: str):  # type: ignore[no-untyped-def]
        body = clean_text(text)
        article = Article(id="test", path="test.txt", title="", date=publication_date(text), sha256="")
        item = ArticleText(article=article, text=text, body=body)
        parsed = parse_text(item)
        return extract_doc(nlp(parsed.text), item, parsed)

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`newsgraph build seeds -o DIR`, run once per session through the CLI; returns DIR."""
    from export.cli import cli

    out = tmp_path_factory.mktemp("seeds-build") / "out"
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def run_cli():  # type: ignore[no-untyped-def]
    """Invoke the newsgraph CLI in-process; returns click's Result."""
    from export.cli import cli

    def run(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, [str(arg) for arg in args])

    return run


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it is offered and answers none."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connections = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A real listener on a free loopback port, for tests that check nothing connects to it."""
    found = Listener()
    yield found
    found.close()


# Text as articles give it, which every export must carry through unchanged: quotes of both kinds,
# ampersands, Chinese, markup, commas, semicolons, backslashes, tabs and line ends (LF and CRLF).
TRICKY_SENTENCE = 'Li "Lucky" Wei & 李伟 met <script>alert(1)</script> at O\'Brien Park;\r\nthen, C:\\data\\n\ttalks.'


@pytest.fixture(scope="session")
def tricky_graph():  # type: ignore[no-untyped-def]
    """A small merged graph of hand-made extractions whose names, roles and sentences hold tricky text.

    It has every kind of export mapping: positions in a company, a body, a place and an organization,
    two roles of one person in one body (parallel edges), a symmetric meeting told in two articles,
    a project, a subsidiary, an event, a place and an amount.
    """
    from extract.model import Article, Entity, Extraction, Triple
    from graph import build_graph

    person, other = 'Li "Lucky" Wei & 李伟', "Chen\\Long; Jr., the 'Second'"
    company, parent = 'Huayun & Sons "Cloud", Ltd.; 华云 <b>', "Huayun Holdings"
    body, place = "Jinhua Party Committee <script>alert(1)</script>", "金华 (Jinhua), Zhejiang"
    organization, project = 'Institute of \\ Data; "AI" & Co', "O'Brien Park"
    event = "World Intelligence Expo, 2021"

    def triple(article: str, subject: tuple[str, str], predicate: str, obj: tuple[str, str],
               sentence: str = TRICKY_SENTENCE, role: str | None = None, event_date: str | None = None) -> Triple:
        return Triple(article=article, subject=subject[0], subject_type=subject[1], predicate=predicate,
                      object=obj[0], object_type=obj[1], role=role, evidence=sentence, start=10,
                      end=10 + len(sentence), confidence=0.75, date="2021-06-05", event_date=event_date,
                      rule="test")

    p, q = (person, "Person"), (other, "Person")
    first = Extraction(
        article=Article("a1 one", "news/a1 one.txt", 'Title with "quotes" & 中文 <script>', "2021-06-05", "0" * 64),
        entities=(Entity(person, "Person", ('李 "Li" <b>',)), Entity(company, "Company"), Entity(body, "GovernmentBody")),
        triples=(
            triple("a1 one", p, "holds_position", (company, "Company"), role='chairman "& CEO"; 董事长'),
            triple("a1 one", p, "holds_position", (body, "GovernmentBody"), role="Secretary; <acting>"),
            triple("a1 one", p, "holds_position", (body, "GovernmentBody"), role="member\\deputy"),
            triple("a1 one", p, "holds_position", (place, "Place"), role="mayor"),
            triple("a1 one", q, "holds_position", (organization, "Organization"), role="director, 'honorary'"),
            triple("a1 one", p, "met_with", q, event_date="2021-06-03"),
            triple("a1 one", (company, "Company"), "develops", (project, "Project")),
            triple("a1 one", (company, "Company"), "subsidiary_of", (parent, "Company")),
            triple("a1 one", (project, "Project"), "has_value", ('3 billion yuan ("¥3,000,000,000"; approx.)', "Amount")),
            triple("a1 one", (project, "Project"), "located_in", (place, "Place")),
        ),
    )
    second = Extraction(
        article=Article("a2", "news/a2.txt", "A second article", None, "1" * 64),
        entities=(Entity(other, "Person"), Entity(person, "Person")),
        triples=(triple("a2", q, "met_with", p, sentence="They met again.\nIn 金华."),
                 triple("a2", q, "attended", (event, "Event"), sentence="Chen attended the Expo, 2021."),),
    )
    return build_graph([first, second])
