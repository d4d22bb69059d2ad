"""The aliases file: its format, and one-line errors that name the file and the line."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS
from extract.errors import NewsgraphError
from graph.aliases import AliasPair, parse_aliases, read_aliases

GOOD = """# corrections for the Alibaba articles
type,name,relation,other

Company,"Alibaba (China) Co., Ltd.",not_same_as,Alibaba Group
  # indented comment
Person, Zhang Ji-fu ,same_as,Zhang Jifu
"""


def test_a_file_of_pairs_with_comments_blank_lines_and_quoted_commas() -> None:
    aliases = parse_aliases(GOOD, "aliases.csv")
    assert aliases.apart == (AliasPair("Company", "Alibaba (China) Co., Ltd.", "Alibaba Group"),)
    assert aliases.same == (AliasPair("Person", "Zhang Ji-fu", "Zhang Jifu"),)


@pytest.mark.parametrize(("text", "error"), [
    ("Company,A,same_as,B\n", "aliases.csv:1: the first line must be the header type,name,relation,other"),
    ("type,name,relation,other\nCompany,A,same_as\n", "aliases.csv:2: expected 4 fields (type,name,relation,other), found 3"),
    ("type,name,relation,other\n\nFirm,A,same_as,B\n",
     "aliases.csv:3: unknown type 'Firm'; choose one of: Person, Company, GovernmentBody, Organization, Project, Place, Event"),
    ("type,name,relation,other\nCompany,A,alias_of,B\n",
     "aliases.csv:2: unknown relation 'alias_of'; choose one of: same_as, not_same_as"),
    ("type,name,relation,other\nCompany, ,same_as,B\n", "aliases.csv:2: a name is empty"),
    ("type,name,relation,other\nPerson,Zhang Jifu,not_same_as,ZHANG JIFU\n",
     "aliases.csv:2: 'Zhang Jifu' and 'ZHANG JIFU' are the same name, so they cannot be kept apart"),
    ("type,name,relation,other\nPerson,\"...\",same_as,Zhang Jifu\n",
     "aliases.csv:2: '...' is not a name (no letter or digit once legal forms are set aside)"),
    ("type,name,relation,other\nCompany,Chindata,same_as,-- ; --\n",
     "aliases.csv:2: '-- ; --' is not a name (no letter or digit once legal forms are set aside)"),
    ("type,name,relation,other\nCompany,Chindata,same_as,Chindata Group\n# later\n"
     "Company,chindata group,not_same_as,CHINDATA\n",
     "aliases.csv:4: 'chindata group' not_same_as 'CHINDATA' contradicts the same_as pairs of line 2"),
    ("type,name,relation,other\nPlace,A Town,same_as,B Town\nPlace,B Town,same_as,C Town\n"
     "Place,C Town,not_same_as,A Town\n",
     "aliases.csv:4: 'C Town' not_same_as 'A Town' contradicts the same_as pairs of lines 2, 3"),
])
def test_a_malformed_line_is_a_one_line_error_naming_file_and_line(text: str, error: str) -> None:
    with pytest.raises(NewsgraphError) as raised:
        parse_aliases(text, "aliases.csv")
    assert str(raised.value) == error


def test_a_missing_or_binary_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match=r"nowhere\.csv: no such aliases file$"):
        read_aliases(tmp_path / "nowhere.csv")
    (tmp_path / "latin1.csv").write_bytes("type,name,relation,other\nPlace,Xi\xe1n,same_as,Xian\n".encode("latin-1"))
    with pytest.raises(NewsgraphError, match=r"latin1\.csv: not UTF-8 text \(byte 33\)$"):
        read_aliases(tmp_path / "latin1.csv")


def test_build_stops_on_a_malformed_aliases_file_before_writing(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("type,name,relation,other\nCompany,Tencent,same,Tencent Co., Ltd.\n", encoding="utf-8")
    result = run_cli("build", SEEDS / "004_60ae0ecac7092d18.txt", "-o", tmp_path / "out", "--aliases", aliases)
    assert result.exit_code == 2
    assert result.output == f"Error: {aliases}:2: expected 4 fields (type,name,relation,other), found 5\n"
    assert not (tmp_path / "out").exists()
