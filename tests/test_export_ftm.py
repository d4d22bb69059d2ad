"""FollowTheMoney entities checked by followthemoney itself: its `ftm validate` command and its schema model."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from followthemoney import model
from followthemoney.cli.cli import cli as ftm_cli

from conftest import TRICKY_SENTENCE
from export import EXPORTERS
from graph import load_graph


def _entities(graph: nx.MultiDiGraph, folder: Path) -> tuple[Path, list[dict]]:
    path = folder / "graph.ftm.json"
    EXPORTERS["ftm"].write(graph, path)
    return path, [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _problems(entities: list[dict]) -> list[str]:
    """What followthemoney's model finds wrong: invalid values, missing required properties, dangling
    or ill-typed references, and values that cleaning would change."""
    problems = []
    by_id = {entity["id"]: entity for entity in entities}
    for entity in entities:
        schema = model.get(entity["schema"])
        schema.validate(entity)
        problems += [f"{entity['id']}: no {name}" for name in schema.required if name not in entity["properties"]]
        for name, values in entity["properties"].items():
            prop = schema.properties[name]
            if prop.range is not None:
                problems += [f"{entity['id']}.{name}: {value} is not a {prop.range.name}" for value in values
                             if value not in by_id or not model.get(by_id[value]["schema"]).is_a(prop.range)]
        if model.get_proxy(entity, cleaned=False).to_dict() != entity:
            problems.append(f"{entity['id']}: not clean")
    return problems


@pytest.mark.parametrize("which", ["tricky", "seeds"])
def test_ftm_validate_passes_every_entity_through_unchanged(which: str, request: pytest.FixtureRequest,
                                                             tmp_path: Path) -> None:
    graph = (request.getfixturevalue("tricky_graph") if which == "tricky"
             else load_graph(request.getfixturevalue("seeds_build")))
    path, entities = _entities(graph, tmp_path)
    result = CliRunner().invoke(ftm_cli, ["validate", "-i", str(path), "-o", str(tmp_path / "valid.json")])
    assert result.exit_code == 0, result.output
    validated = [json.loads(line) for line in (tmp_path / "valid.json").read_text(encoding="utf-8").splitlines()]
    assert [{key: entity[key] for key in ("id", "schema", "properties")} for entity in validated] == entities
    assert _problems(entities) == []
    assert len({entity["id"] for entity in entities}) == len(entities)


def test_every_node_and_edge_becomes_the_fitting_schema(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    _, entities = _entities(tricky_graph, tmp_path)
    assert Counter(entity["schema"] for entity in entities) == {
        "Article": 2, "Person": 2, "Company": 2, "PublicBody": 1, "Organization": 1, "Project": 1, "Address": 1,
        "Event": 1, "Position": 3, "Occupancy": 3, "Directorship": 1, "Membership": 1, "Ownership": 1,
        "ProjectParticipant": 1, "Note": 1, "UnknownLink": 3}


def test_tricky_text_survives_and_links_carry_their_evidence(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    _, entities = _entities(tricky_graph, tmp_path)
    by_id = {entity["id"]: entity for entity in entities}

    def name(entity_id: str) -> str:
        return by_id[entity_id]["properties"]["name"][0]

    [person] = [e for e in entities if e["schema"] == "Person" and name(e["id"]) == 'Li "Lucky" Wei & 李伟']
    assert person["properties"]["alias"] == ['李 "Li" <b>']
    assert {by_id[i]["properties"]["title"][0] for i in person["properties"]["proof"]} == {
        'Title with "quotes" & 中文 <script>', "A second article"}
    posts = {name(e["properties"]["post"][0]) for e in entities if e["schema"] == "Occupancy"}
    assert posts == {"Secretary; <acting> of Jinhua Party Committee <script>alert(1)</script>",
                     "member\\deputy of Jinhua Party Committee <script>alert(1)</script>",
                     "mayor of 金华 (Jinhua), Zhejiang"}
    [directorship] = [e["properties"] for e in entities if e["schema"] == "Directorship"]
    assert (name(directorship["director"][0]), directorship["role"]) == (person["properties"]["name"][0],
                                                                       ['chairman "& CEO"; 董事长'])
    assert directorship["description"] == [TRICKY_SENTENCE]
    [meeting] = [e["properties"] for e in entities if e["schema"] == "UnknownLink" and e["properties"]["role"] == ["met with"]]
    assert meeting["description"] == [TRICKY_SENTENCE, "They met again.\nIn 金华."]
    assert meeting["date"] == ["2021-06-03"]
    [ownership] = [e["properties"] for e in entities if e["schema"] == "Ownership"]
    assert (name(ownership["owner"][0]), name(ownership["asset"][0])) == ("Huayun Holdings",
                                                                         'Huayun & Sons "Cloud", Ltd.; 华云 <b>')
    [note] = [e["properties"] for e in entities if e["schema"] == "Note"]
    assert (name(note["entity"][0]), note["summary"]) == ("O'Brien Park", ['3 billion yuan ("¥3,000,000,000"; approx.)'])

