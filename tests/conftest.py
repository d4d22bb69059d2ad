"""Fixtures shared by all tests: the sample articles, the spaCy pipeline and one build of the seeds."""
from __future__ import annotations

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

    def run(text: str):  # type: ignore[no-untyped-def]
        body = clean_text(text)
        article = Article(id="test", path="test.txt", title="", date=publication_date(text), sha256="")
        return extract_doc(nlp(body), ArticleText(article=article, text=text, body=body))

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
