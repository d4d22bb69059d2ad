"""Output is written whole or not at all."""
from __future__ import annotations

from pathlib import Path

import pytest

from export.atomic import atomic_path, write_text


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_text(target, "old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_folder_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "csv"
    target.mkdir()
    (target / "stale.csv").write_text("x", encoding="utf-8")
    with atomic_path(target) as temporary:
        temporary.mkdir()
        (temporary / "nodes.csv").write_text("id", encoding="utf-8")
    assert [p.name for p in target.iterdir()] == ["nodes.csv"]
