"""The Neo4j bulk-import CSV folder and the Cypher script, loaded into a real embedded graph database (Kùzu).

Kùzu has a schema where Neo4j has none, so the tests declare its tables: for the CSV folder from
the typed headers, as neo4j-admin reads them; for the script from the graph's entity types.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import kuzu
import networkx as nx
import pytest

from conftest import TRICKY_SENTENCE
from export import EXPORTERS
from graph import load_graph

KUZU_TYPES = {"string": "STRING", "int": "INT64", "double": "DOUBLE", "date": "DATE", "string[]": "STRING[]",
              "date[]": "DATE[]"}
PERSON = 'Li "Lucky" Wei & 李伟'


def _database(folder: Path) -> kuzu.Connection:
    return kuzu.Connection(kuzu.Database(folder / "kuzu", buffer_pool_size=64 * 2**20, max_num_threads=1))


def _rows(connection: kuzu.Connection, query: str, **parameters: object) -> list[list[object]]:
    result = connection.execute(query, parameters)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id:ID"] for row in csv.DictReader(handle)}


def _typed(column: str, name: str) -> tuple[str, str]:
    """A `name:type` header column as a Kùzu column and the expression that converts its text."""
    kind = column.split(":", 1)[1]
    if kind.endswith("[]"):
        split = f"string_split({name}, ';')"
        return KUZU_TYPES[kind], split if kind == "string[]" else f"list_transform({split}, x -> CAST(x AS DATE))"
    return KUZU_TYPES[kind], name if kind == "string" else f"CAST({name} AS {KUZU_TYPES[kind]})"


def _load(path: Path, columns: list[str], where: str = "") -> str:
    names = [f"c{index}" for index in range(len(columns))]
    headers = ", ".join(f"{name} STRING" for name in names)
    return f"LOAD WITH HEADERS ({headers}) FROM '{path}' (header=true, parallel=false) {where}"


def import_neo4j_folder(folder: Path, connection: kuzu.Connection) -> None:
    """What `neo4j-admin database import` does, in Kùzu: a node table per node file, a rel table per :TYPE."""
    tables_of_ids: dict[str, str] = {}
    for path in sorted(folder.glob("*.csv")):
        header = _header(path)
        if header[0] != "id:ID":
            continue
        table = path.stem
        properties = [(column.split(":")[0], *_typed(column, f"c{index}"))
                      for index, column in enumerate(header) if index >= 2]
        declared = ", ".join(f"{name} {kind}" for name, kind, _ in properties)
        connection.execute(f"CREATE NODE TABLE {table}(id STRING PRIMARY KEY, label STRING, {declared})")
        values = ", ".join(expression for _, _, expression in properties)
        connection.execute(f"COPY {table} FROM ({_load(path, header)} RETURN c0, c1, {values})")
        tables_of_ids.update(dict.fromkeys(_ids(path), table))
    for path in sorted(folder.glob("*.csv")):
        header = _header(path)
        if header[:3] != [":START_ID", ":END_ID", ":TYPE"]:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        properties = [(column.split(":")[0], *_typed(column, f"c{index}"))
                      for index, column in enumerate(header) if index >= 3]
        for kind in sorted({row[2] for row in rows}):
            [(start, end)] = {(tables_of_ids[row[0]], tables_of_ids[row[1]]) for row in rows if row[2] == kind}
            declared = "".join(f", {name} {kuzu_type}" for name, kuzu_type, _ in properties)
            connection.execute(f"CREATE REL TABLE {kind}(FROM {start} TO {end}{declared})")
            values = "".join(f", {expression}" for _, _, expression in properties)
            connection.execute(f"COPY {kind} FROM ({_load(path, header, f'WHERE c2 = {kind!r}')} RETURN c0, c1{values})")


@pytest.fixture
def neo4j_folder(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> kuzu.Connection:
    """The tricky graph exported as a neo4j folder and imported into Kùzu."""
    EXPORTERS["neo4j"].write(tricky_graph, tmp_path / "neo4j")
    connection = _database(tmp_path)
    import_neo4j_folder(tmp_path / "neo4j", connection)
    return connection


def test_the_csv_headers_are_neo4j_admin_import_headers(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    EXPORTERS["neo4j"].write(tricky_graph, tmp_path / "neo4j")
    headers = {path.name: _header(path) for path in (tmp_path / "neo4j").iterdir()}
    assert headers["entities.csv"] == ["id:ID", ":LABEL", "name:string", "aliases:string[]", "articles:string[]"]
    assert headers["relations.csv"][:5] == [":START_ID", ":END_ID", ":TYPE", "id:string", "predicate:string"]
    assert {"confidence:double", "evidence_count:int", "dates:date[]"} <= set(headers["relations.csv"])
    assert headers["quoted_from.csv"] == [":START_ID", ":END_ID", ":TYPE"]
    assert set(headers) == {"entities.csv", "articles.csv", "evidence.csv", "relations.csv", "quoted_from.csv"}


def test_kuzu_imports_the_csv_folder_and_answers_cypher(neo4j_folder: kuzu.Connection,
                                                        tricky_graph: nx.MultiDiGraph) -> None:
    connection = neo4j_folder
    assert _rows(connection, "MATCH (n:entities) RETURN count(n)") == [[tricky_graph.number_of_nodes()]]
    relations = sum(_rows(connection, f"MATCH ()-[r:{kind}]->() RETURN count(r)")[0][0]
                    for kind in {data["predicate"].upper() for *_, data in tricky_graph.edges(data=True)})
    assert relations == tricky_graph.number_of_edges()
    positions = _rows(connection, """MATCH (p:entities)-[r:HOLDS_POSITION]->(o:entities) WHERE p.name = $name
                                     RETURN o.label, o.name, r.role, r.confidence, r.dates ORDER BY r.role""", name=PERSON)
    assert [row[:3] for row in positions] == [
        ["GovernmentBody", "Jinhua Party Committee <script>alert(1)</script>", "Secretary; <acting>"],
        ["Company", 'Huayun & Sons "Cloud", Ltd.; 华云 <b>', 'chairman "& CEO"; 董事长'],
        ["Place", "金华 (Jinhua), Zhejiang", "mayor"],
        ["GovernmentBody", "Jinhua Party Committee <script>alert(1)</script>", "member\\deputy"],
    ]
    assert {row[3] for row in positions} == {0.75}
    assert {tuple(row[4]) for row in positions} == {(date(2021, 6, 5),)}
    assert _rows(connection, "MATCH (p:entities) WHERE p.name = $name RETURN p.aliases", name=PERSON) == [
        [['李 "Li" <b>']]]


def test_evidence_of_a_relationship_in_the_csv_import(neo4j_folder: kuzu.Connection) -> None:
    rows = _rows(neo4j_folder, """MATCH (a:entities)-[r:MET_WITH]->(b:entities), (e:evidence)-[:QUOTED_FROM]->(t:articles)
                                  WHERE e.statement = r.id
                                  RETURN a.name, b.name, r.evidence_count, e.sentence, e.start_offset, t.title, t.date
                                  ORDER BY t.id""")
    assert rows == [
        ["Chen\\Long; Jr., the 'Second'", PERSON, 2, TRICKY_SENTENCE, 10, 'Title with "quotes" & 中文 <script>',
         date(2021, 6, 5)],
        ["Chen\\Long; Jr., the 'Second'", PERSON, 2, "They met again.\nIn 金华.", 10, "A second article", None],
    ]


def _declare_script_schema(graph: nx.MultiDiGraph, connection: kuzu.Connection) -> None:
    """Kùzu's tables for the Cypher script: a node table per label, a rel table per relationship type."""
    entity = "id STRING PRIMARY KEY, name STRING, aliases STRING[], articles STRING[]"
    for label in sorted({data["type"] for _, data in graph.nodes(data=True)}):
        connection.execute(f"CREATE NODE TABLE {label}({entity})")
    connection.execute("CREATE NODE TABLE Article(id STRING PRIMARY KEY, title STRING, date DATE, path STRING)")
    connection.execute("CREATE NODE TABLE Evidence(id STRING PRIMARY KEY, statement STRING, sentence STRING, "
                       "start_offset INT64, end_offset INT64, confidence DOUBLE, rule STRING, event_date DATE)")
    pairs: dict[str, set[tuple[str, str]]] = {}
    for subject, obj, data in graph.edges(data=True):
        pairs.setdefault(data["predicate"].upper(), set()).add((graph.nodes[subject]["type"], graph.nodes[obj]["type"]))
    relation = ("id STRING, predicate STRING, role STRING, confidence DOUBLE, evidence_count INT64, "
                "articles STRING[], dates DATE[]")
    for kind, ends in sorted(pairs.items()):
        connection.execute(f"CREATE REL TABLE {kind}({', '.join(f'FROM {a} TO {b}' for a, b in sorted(ends))}, {relation})")
    connection.execute("CREATE REL TABLE QUOTED_FROM(FROM Evidence TO Article)")


def _run_script(graph: nx.MultiDiGraph, folder: Path, runs: int = 1) -> kuzu.Connection:
    EXPORTERS["cypher"].write(graph, folder / "graph.cypher")
    connection = _database(folder)
    _declare_script_schema(graph, connection)
    for _ in range(runs):
        connection.execute((folder / "graph.cypher").read_bytes().decode("utf-8"))  # keeping "\r\n" in strings
    return connection


def test_kuzu_runs_the_cypher_script_and_answers_cypher(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    connection = _run_script(tricky_graph, tmp_path, runs=2)  # MERGE: a second run changes nothing
    assert _rows(connection, "MATCH (n) WHERE NOT label(n) IN ['Article', 'Evidence'] RETURN count(n)") == [
        [tricky_graph.number_of_nodes()]]
    assert _rows(connection, "MATCH (:Evidence)-[r:QUOTED_FROM]->(:Article) RETURN count(r)") == [[12]]
    positions = _rows(connection, """MATCH (p:Person)-[r:HOLDS_POSITION]->(o) WHERE p.name = $name
                                     RETURN label(o), o.name, r.role ORDER BY r.role""", name=PERSON)
    assert positions == [
        ["GovernmentBody", "Jinhua Party Committee <script>alert(1)</script>", "Secretary; <acting>"],
        ["Company", 'Huayun & Sons "Cloud", Ltd.; 华云 <b>', 'chairman "& CEO"; 董事长'],
        ["Place", "金华 (Jinhua), Zhejiang", "mayor"],
        ["GovernmentBody", "Jinhua Party Committee <script>alert(1)</script>", "member\\deputy"],
    ]
    sentences = _rows(connection, """MATCH (a:Person)-[r:MET_WITH]->(b:Person), (e:Evidence) WHERE e.statement = r.id
                                     RETURN a.name, b.name, e.sentence ORDER BY e.sentence DESC""")
    assert sentences == [["Chen\\Long; Jr., the 'Second'", PERSON, "They met again.\nIn 金华."],
                         ["Chen\\Long; Jr., the 'Second'", PERSON, TRICKY_SENTENCE]]
    assert _rows(connection, "MATCH (p:Project)-[r:HAS_VALUE]->(v:Amount) RETURN p.name, v.name") == [
        ["O'Brien Park", '3 billion yuan ("¥3,000,000,000"; approx.)']]


@pytest.mark.parametrize("name", ["neo4j", "cypher"])
def test_the_seeds_graph_loads_whole(name: str, seeds_build: Path, tmp_path: Path) -> None:
    graph = load_graph(seeds_build)
    if name == "cypher":
        connection = _run_script(graph, tmp_path)
        query = "MATCH (a:Person)-[r:MET_WITH]->(b:Person) RETURN a.name, b.name"
    else:
        EXPORTERS["neo4j"].write(graph, tmp_path / "neo4j")
        connection = _database(tmp_path)
        import_neo4j_folder(tmp_path / "neo4j", connection)
        query = "MATCH (a:entities)-[r:MET_WITH]->(b:entities) RETURN a.name, b.name"
    assert ["Alex Ju", "Zhang Jifu"] in _rows(connection, query)
    assert len(_rows(connection, "MATCH ()-[r:HOLDS_POSITION]->() RETURN r.role")) == sum(
        data["predicate"] == "holds_position" for *_, data in graph.edges(data=True))
