"""notebooks/explore.ipynb: committed without outputs, and run here by a real kernel so that it never rots.

The notebook is executed once for this module by nbclient on an IPython kernel of this very interpreter,
building into a temporary folder; the tests read what it showed (printed text, tables, the plot, the
viewer's frame) and check it against the graph it wrote. A last cell, added here and never committed,
reports the tables as JSON so their rows can be checked one by one.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import nbformat
import networkx as nx
import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from conftest import ROOT, SEEDS
from graph import load_graph, rdf_store, run_query
from graph.queries import ready_queries

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
TABLE_ROWS = 10  # the notebook shows the ten most connected people and companies

PROBE = """
import json, sys
print(json.dumps({
    "executable": sys.executable,
    "out": str(OUT),
    "focus": focus,
    "people": people.reset_index(names="id").to_dict("records"),
    "companies": companies.reset_index(names="id").to_dict("records"),
    "sparql": {name: json.loads(table.to_json(orient="split", index=False)) for name, table
               in {"officials": officials, "meetings": meetings, "top-entities": top_entities}.items()},
}))
"""


@dataclass
class Run:
    """One run of the notebook: its cells by id, the folder it built into and the graph it wrote there."""

    cells: dict[str, Any]
    out: Path
    graph: nx.MultiDiGraph

    @property
    def probe(self) -> dict[str, Any]:
        """What the probe cell reported of the notebook's variables."""
        return json.loads(self.text("probe", "stdout"))  # type: ignore[no-any-return]

    def text(self, cell_id: str, kind: str = "text/plain") -> str:
        """Everything a cell printed to stdout, or showed as `kind`."""
        outputs = self.cells[cell_id].outputs
        if kind == "stdout":
            return "".join(output.text for output in outputs if output.get("name") == "stdout")
        return "".join(output.data[kind] for output in outputs if kind in output.get("data", {}))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    out = tmp_path_factory.mktemp("notebook") / "out"
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE, id="probe"))
    # No kernel folders: only ipykernel's own kernel, which runs this interpreter (sys.executable), whatever
    # kernels the machine or the user has registered elsewhere.
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=[]))
    client = NotebookClient(notebook, km=manager, timeout=300,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    # cleanup_kc: shut the kernel down and close its channels afterwards, though the manager is ours
    client.execute(cleanup_kc=True, env={**os.environ, "NEWSGRAPH_NOTEBOOK_OUT": str(out)})
    return Run({cell.id: cell for cell in notebook.cells}, out, load_graph(out))


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    dirty = [cell.id for cell in code if cell.outputs or cell.execution_count is not None]
    assert not dirty, (f"cells {dirty} of {NOTEBOOK.name} hold outputs; clear them before committing "
                       "(Edit > Clear Outputs of All Cells, then save)")



@pytest.mark.model
def test_it_runs_on_this_interpreter_in_notebooks(run: Run) -> None:
    assert run.probe["executable"] == sys.executable
    assert Path(run.probe["out"]) == run.out
    assert not [(cell_id, output.text) for cell_id, cell in run.cells.items() if cell.cell_type == "code"
                for output in cell.outputs if output.get("name") == "stderr"], "a cell warned or failed"


@pytest.mark.model
def test_it_builds_the_seeds(run: Run) -> None:
    articles = [path for path in SEEDS.iterdir() if path.suffix in {".txt", ".md"}]
    printed = run.text("build", "stdout")
    assert (f"{len(articles)} articles read" in printed
            and f"{run.graph.number_of_nodes()} entities, {run.graph.number_of_edges()} relations" in printed)
    assert "wrote triples.jsonl, articles.jsonl, graph.json, graph.ttl, graph.html" in printed
    assert run.graph.number_of_nodes() > 0 and run.graph.number_of_edges() > 0


@pytest.mark.model
def test_it_quotes_a_relation_with_its_evidence(run: Run) -> None:
    heading, *rest = run.text("evidence", "stdout").splitlines()
    relations = {(run.graph.nodes[subject]["label"], data["predicate"], run.graph.nodes[obj]["label"]): data
                 for subject, obj, data in run.graph.edges(data=True)}
    stated = [key for key in relations if heading.startswith(f"{key[0]} --{key[1]}--> {key[2]}")]
    assert stated, heading
    quoted = "\n".join(rest)
    assert all(source["evidence"] in quoted for source in relations[stated[0]]["sources"])


@pytest.mark.model
def test_it_plots_entities_by_type_and_relations_by_predicate(run: Run) -> None:
    assert "with 2 Axes" in run.text("overview")
    assert run.text("overview", "image/png")


@pytest.mark.model
@pytest.mark.parametrize(("table", "entity_type"), [("people", "Person"), ("companies", "Company")])
def test_it_ranks_people_and_companies_by_centrality(run: Run, table: str, entity_type: str) -> None:
    rows = run.probe[table]
    of_type = [node for node, data in run.graph.nodes(data=True) if data["type"] == entity_type]
    assert len(rows) == min(TABLE_ROWS, len(of_type)) > 0
    assert all(row["type"] == entity_type for row in rows)
    assert all(row["label"] == run.graph.nodes[row["id"]]["label"] for row in rows)
    assert all(row["relations"] == run.graph.degree(row["id"]) for row in rows)
    degrees = [row["degree"] for row in rows]
    assert degrees == sorted(degrees, reverse=True)
    best = max(nx.degree_centrality(nx.Graph(run.graph))[node] for node in of_type)
    assert degrees[0] == round(best, 3)
    shown = run.text(table, "text/html")
    assert all(f"<td>{escape(row['label'], quote=False)}</td>" in shown for row in rows)


@pytest.mark.model
def test_the_most_connected_people_include_a_real_official(run: Run) -> None:
    # Zhang Jifu, Party secretary of Datong, meets Chindata Group's founder in seeds/000_….txt
    assert "Zhang Jifu" in [row["label"] for row in run.probe["people"]]


@pytest.mark.model
@pytest.mark.parametrize("name", ["officials", "meetings", "top-entities"])
def test_it_answers_ready_queries_in_tables(run: Run, name: str) -> None:
    table = run.probe["sparql"][name]
    result = run_query(rdf_store(run.graph), ready_queries()[name].sparql)
    assert table["columns"] == [variable.value for variable in result.variables]
    assert len(table["data"]) == len(list(result)) > 0
    shown = run.text(name, "text/html")
    assert all(f"<th>{column}</th>" in shown for column in table["columns"])
    first = [escape(str(value), quote=False) for value in table["data"][0] if value != ""]
    assert all(f"<td>{value}</td>" in shown for value in first)


@pytest.mark.model
def test_the_officials_query_names_a_real_official_and_his_post(run: Run) -> None:
    rows = [dict(zip(run.probe["sparql"]["officials"]["columns"], row))
            for row in run.probe["sparql"]["officials"]["data"]]
    assert any(row["person"] == "Zhang Jifu" and "Secretary" in row["role"] for row in rows)


@pytest.mark.model
def test_it_shows_the_neighbourhood_of_the_top_person_inline(run: Run) -> None:
    focus = run.probe["focus"]
    assert focus == run.probe["people"][0]["id"]
    shown = run.text("viewer", "text/html")
    assert shown.startswith("<div><iframe srcdoc=\"") and 'sandbox="allow-scripts"' in shown
    page = shown.split('srcdoc="', 1)[1]
    assert escape(f"Around {run.graph.nodes[focus]['label']} (2 hops)") in page
    # self-contained: vis-network (its licence banner names it) and the viewer's script inline, none fetched
    assert "vis-network" in page and escape("<script>") in page
    assert escape("<script src") not in page and escape('<link rel="stylesheet"') not in page


@pytest.mark.model
def test_it_exports_graphml_that_networkx_reads_back(run: Run) -> None:
    path = run.out / "graph.graphml"
    printed = run.text("graphml", "stdout")
    assert (f"{path}: networkx read back {run.graph.number_of_nodes()} entities and "
            f"{run.graph.number_of_edges()} relations") in printed
    assert nx.read_graphml(path).number_of_nodes() == run.graph.number_of_nodes()
    focus = run.graph.nodes[run.probe["focus"]]
    assert f"'label': {focus['label']!r}" in run.text("graphml") and "'type': 'Person'" in run.text("graphml")
