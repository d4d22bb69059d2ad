"""The HTML viewer's page as a file: self-contained, carrying the graph's data, escaping article text;
its layout; and `newsgraph view`. What the page does in a browser is in test_viewer_browser.py."""
from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import networkx as nx
import pytest

from export import html
from export.layout import ROOM, Footprint, layout
from export.neighbourhood import find_entity, focused_viewer, neighbourhood
from extract.errors import NewsgraphError
from extract.model import Article, Extraction, Triple
from graph import build_graph, load_graph

HOSTILE_TITLE = "<script>window.pwned = 'title'</script> \"Quoted\" & 'single' </script>"
HOSTILE_EVIDENCE = ("Li Wei met <img src=x onerror=\"window.pwned='img'; document.title='pwned'\"> Wang Fang "
                    "</script><script>window.pwned = 'evidence'</script>.")
HOSTILE_PERSON = 'Li "Boss" Wei'


def hostile_graph() -> nx.MultiDiGraph:
    """A graph whose article title, evidence and names are made to break out of a page."""
    triple = Triple(article="hostile", subject=HOSTILE_PERSON, subject_type="Person", predicate="met_with",
                    object="Wang Fang <b>bold</b>", object_type="Person", evidence=HOSTILE_EVIDENCE, start=0,
                    end=len(HOSTILE_EVIDENCE), confidence=0.8, date="2024-05-06", event_date="2024-05-01",
                    rule="verb")
    article = Article("hostile", "hostile.txt", HOSTILE_TITLE, "2024-05-06", "0" * 64)
    return build_graph([Extraction(article=article, triples=(triple,))])


class Resources(HTMLParser):
    """Collects what a page could load: tag attributes that name a resource, and the text of its
    style and script elements."""

    LOADING_ATTRIBUTES: ClassVar[set[str]] = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background"}

    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.references += [value or "" for name, value in attrs if name in self.LOADING_ATTRIBUTES]
        self._inside = tag if tag in ("style", "script") else None

    def handle_data(self, data: str) -> None:
        if self._inside == "style":
            self.styles.append(data)
        elif self._inside == "script":
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._inside = None


def page_data(page: str) -> dict:
    [data] = re.findall(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(data)


@pytest.fixture(scope="module")
def seeds_graph(seeds_build: Path) -> nx.MultiDiGraph:
    return load_graph(seeds_build)


@pytest.fixture(scope="module")
def seeds_page(seeds_build: Path) -> str:
    return (seeds_build / "graph.html").read_text(encoding="utf-8")


def test_page_loads_nothing_from_outside(seeds_page: str) -> None:
    resources = Resources()
    resources.feed(seeds_page)
    assert resources.references == ["data:,"]  # the empty favicon, so that the browser asks for none
    styles, scripts = "\n".join(resources.styles), "\n".join(resources.scripts)
    assert len(styles) > 10_000 and len(scripts) > 400_000, "vis-network's style and script are inlined"
    assert "@import" not in styles
    assert {url.strip("'\"")[:5] for url in re.findall(r"url\(([^)]*)\)", styles)} == {"data:"}
    for loader in ("fetch(", "XMLHttpRequest", "import(", "importScripts", "WebSocket", "EventSource",
                   "sendBeacon"):
        assert loader not in scripts, loader


def test_page_carries_every_entity_and_relation(seeds_graph: nx.MultiDiGraph, seeds_page: str) -> None:
    data = page_data(seeds_page)
    assert [node["id"] for node in data["nodes"]] == list(seeds_graph)
    assert len(data["edges"]) == len(data["relations"]) == seeds_graph.number_of_edges()
    articles = [article["id"] for article in data["articles"]]
    for node in data["nodes"]:
        entity, shown = seeds_graph.nodes[node["id"]], data["entities"][node["id"]]
        assert node["label"] == entity["label"]
        assert (node["color"], node["shape"]) == html.TYPE_STYLES[entity["type"]] and shown["type"] == entity["type"]
        assert shown["aliases"] == entity["aliases"]
        assert [articles[index] for index in shown["articles"]] == entity["articles"]
        assert math.isfinite(node["x"]) and math.isfinite(node["y"])
    for edge, (subject, obj, attributes) in zip(data["edges"], seeds_graph.edges(data=True)):
        assert (edge["from"], edge["to"]) == (subject, obj)
        assert edge["color"] == html.PREDICATE_COLORS[attributes["predicate"]]
        assert edge["label"] == html.predicate_label(attributes["predicate"], attributes.get("role"))
        sources = data["relations"][edge["id"]]["sources"]
        assert [(articles[article], data["sentences"][sentence], event_date) for article, sentence, event_date
                in sources] == [(s["article"], s["evidence"], s["event_date"]) for s in attributes["sources"]]
    assert articles == sorted(seeds_graph.graph["articles"])
    assert [article["title"] for article in data["articles"]] == [
        seeds_graph.graph["articles"][article]["title"] for article in articles]


def test_legend_counts_types_and_predicates(seeds_graph: nx.MultiDiGraph, seeds_page: str) -> None:
    legend = page_data(seeds_page)["legend"]
    types = {item["name"]: item["count"] for item in legend["types"]}
    predicates = {item["name"]: item["count"] for item in legend["predicates"]}
    assert types == {kind: sum(1 for _, t in seeds_graph.nodes(data="type") if t == kind) for kind in types}
    assert sum(types.values()) == seeds_graph.number_of_nodes()
    assert sum(predicates.values()) == seeds_graph.number_of_edges()
    assert {item["shape"] for item in legend["types"]} == {html.TYPE_STYLES[kind][1] for kind in types}


def test_node_size_grows_with_degree(seeds_graph: nx.MultiDiGraph, seeds_page: str) -> None:
    sizes = {node["id"]: (node["size"], node["font"]["size"]) for node in page_data(seeds_page)["nodes"]}
    by_degree = sorted(seeds_graph, key=seeds_graph.degree)
    lowest, highest = by_degree[0], by_degree[-1]
    assert seeds_graph.degree(lowest) < seeds_graph.degree(highest)
    assert sizes[lowest] == (html.NODE_SIZES[0], html.FONT_SIZES[0])
    assert sizes[highest] == (html.NODE_SIZES[1], html.FONT_SIZES[1])
    assert [sizes[node] for node in by_degree] == sorted(sizes[node] for node in by_degree)


def test_symmetric_relations_have_no_arrow(seeds_page: str) -> None:
    data = page_data(seeds_page)
    arrows = {data["relations"][edge["id"]]["predicate"]: "arrows" in edge for edge in data["edges"]}
    assert arrows["holds_position"] and not arrows["cooperates_with"]


def test_article_text_cannot_break_out_of_the_page() -> None:
    page = html.render(hostile_graph())
    for raw in ("<script>window.pwned", "<img src=x", "<b>bold</b>"):
        assert raw not in page
    resources = Resources()
    resources.feed(page)
    assert resources.tags.count("script") == 3  # the data, vis-network, the viewer: nothing broke out
    assert "img" not in resources.tags and "b" not in resources.tags
    data = page_data(page)
    assert data["sentences"] == [HOSTILE_EVIDENCE]
    assert [article["title"] for article in data["articles"]] == [HOSTILE_TITLE]
    assert {node["label"] for node in data["nodes"]} == {HOSTILE_PERSON, "Wang Fang <b>bold</b>"}


def test_parallel_edges_curve_apart(tricky_graph: nx.MultiDiGraph) -> None:
    data = page_data(html.render(tricky_graph))
    between: dict[frozenset[str], list[dict]] = {}
    for edge in data["edges"]:
        between.setdefault(frozenset((edge["from"], edge["to"])), []).append(edge)
    parallel = [edges for edges in between.values() if len(edges) > 1]
    assert parallel, "the tricky graph has two roles of one person in one body"
    for edges in parallel:
        assert "smooth" not in edges[0]
        assert [edge["smooth"]["roundness"] for edge in edges[1:]] == [
            html.PARALLEL_CURVE * number for number in range(1, len(edges))]


def test_an_empty_graph_gives_an_empty_viewer() -> None:
    data = page_data(html.render(nx.MultiDiGraph()))
    assert (data["nodes"], data["edges"], data["articles"], data["legend"]) == ([], [], [], {"types": [], "predicates": []})


def test_heading_is_escaped() -> None:
    page = html.render(hostile_graph(), heading="<i>Around</i> Li")
    assert "<title>&lt;i&gt;Around&lt;/i&gt; Li</title>" in page


def test_viewer_sources_never_parse_text_as_html() -> None:
    script = (Path(html.__file__).parent / "templates" / "viewer.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert "</script" not in script.lower()


def test_render_is_deterministic(seeds_graph: nx.MultiDiGraph, seeds_page: str) -> None:
    assert html.render(seeds_graph) == seeds_page


def _boxes(positions: dict[str, tuple[float, float]], footprints: dict[str, Footprint]) -> dict:
    return {node: (x - footprints[node].half_width, y - footprints[node].above,
                   x + footprints[node].half_width, y + footprints[node].below)
            for node, (x, y) in positions.items()}


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_layout_keeps_labels_apart_and_lone_entities_below() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from([("hub", f"spoke{number}") for number in range(8)] + [("a", "b"), ("b", "c")])
    graph.add_nodes_from(["lone1", "lone2"], type="Place")
    footprints = {node: Footprint(60 if node.startswith("spoke") else 30, 10, 30) for node in graph}
    positions = layout(graph, footprints)
    boxes = _boxes(positions, footprints)
    clashes = [(a, b) for a in boxes for b in boxes if a < b and _overlap(boxes[a], boxes[b])]
    assert clashes == []
    linked_bottom = max(boxes[node][3] for node in graph if graph.degree(node))
    assert min(boxes[node][1] for node in ("lone1", "lone2")) > linked_bottom
    assert layout(graph, footprints) == positions


def test_layout_spreads_a_large_component() -> None:
    graph = nx.MultiDiGraph(nx.relabel_nodes(nx.barabasi_albert_graph(600, 2, seed=1), str))
    positions = layout(graph, dict.fromkeys(graph, Footprint(40, 10, 30)))
    assert len(positions) == 600 and len(set(positions.values())) == 600
    lengths = sorted(math.dist(positions[a], positions[b]) for a, b in graph.edges())
    assert lengths[len(lengths) // 2] > 0.99 * 120  # edges no shorter than asked for
    xs, ys = zip(*positions.values())
    assert (max(xs) - min(xs)) * (max(ys) - min(ys)) / 600 > 0.8 * (ROOM * 120) ** 2  # and room for each node


def test_find_entity_by_label_alias_or_id(seeds_graph: nx.MultiDiGraph) -> None:
    assert find_entity(seeds_graph, "zhang  JIFU") == "person/zhang-jifu"
    assert find_entity(seeds_graph, "company/chindata-group") == "company/chindata-group"
    graph = nx.MultiDiGraph()
    graph.add_node("organization/ndrc", label="National Development and Reform Commission", type="Organization",
                   aliases=["NDRC"])
    assert find_entity(graph, "ndrc") == "organization/ndrc"


def test_find_entity_names_close_matches_or_the_ambiguous_ones() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("person/li-wei", label="Li Wei", type="Person", aliases=["Li"])
    graph.add_node("company/li-wei", label="Li Wei", type="Company", aliases=[])
    graph.add_node("person/wang-fang", label="Wang Fang", type="Person", aliases=["Li"])
    with pytest.raises(NewsgraphError, match=r"^'li wei' names 2 entities: Li Wei \(company/li-wei\), "
                                             r"Li Wei \(person/li-wei\); give one of the ids instead$"):
        find_entity(graph, "li wei")
    with pytest.raises(NewsgraphError, match=r"^no entity named 'Wang Fan' in the graph; close matches: Wang Fang$"):
        find_entity(graph, "Wang Fan")
    with pytest.raises(NewsgraphError, match=r"^no entity named 'Xi' in the graph$"):
        find_entity(graph, "Xi")
    assert find_entity(graph, "wang fang") == "person/wang-fang"


def test_neighbourhood_follows_relations_both_ways() -> None:
    graph = nx.MultiDiGraph(articles={"a1": {"title": "T", "date": None, "path": "a1.txt"}})
    graph.add_edges_from([("a", "b"), ("c", "b"), ("c", "d"), ("d", "e")])
    assert set(neighbourhood(graph, "b", 1)) == {"a", "b", "c"}
    assert set(neighbourhood(graph, "b", 2)) == {"a", "b", "c", "d"}
    assert neighbourhood(graph, "b", 2).graph["articles"] == graph.graph["articles"]
    assert list(neighbourhood(graph, "e", 0)) == ["e"]


def test_focused_viewer_holds_the_neighbourhood_with_the_entity_marked(seeds_graph: nx.MultiDiGraph) -> None:
    data = page_data(focused_viewer(seeds_graph, "Zhang Jifu", hops=2))
    expected = nx.ego_graph(seeds_graph, "person/zhang-jifu", radius=2, undirected=True)
    assert data["focus"] == "person/zhang-jifu"
    assert {node["id"] for node in data["nodes"]} == set(expected)
    assert len(data["edges"]) == expected.number_of_edges()
    [focal] = [node for node in data["nodes"] if node["id"] == "person/zhang-jifu"]
    assert focal["borderWidth"] > data["options"]["nodes"]["borderWidth"]
    assert data["heading"] == "Around Zhang Jifu (2 hops)"
    assert {article["id"] for article in data["articles"]} == {
        article for node in expected for article in seeds_graph.nodes[node]["articles"]}


def test_view_command_writes_the_focused_viewer(run_cli, seeds_build: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "focus.html"
    result = run_cli("view", seeds_build, "--entity", "alex ju", "--hops", "1", "-o", output)
    assert result.exit_code == 0, result.output
    data = page_data(output.read_text(encoding="utf-8"))
    assert data["focus"] == "person/alex-ju"
    graph = load_graph(seeds_build)
    assert {node["id"] for node in data["nodes"]} == set(nx.ego_graph(graph, "person/alex-ju", undirected=True))
    assert list(tmp_path.iterdir()) == [output]


@pytest.mark.parametrize(("args", "message"), [
    (("--entity", "Zhang Jefu"), "no entity named 'Zhang Jefu' in the graph; close matches: Zhang Jifu"),
    (("--entity", "Zhang Jifu", "--hops", "-1"), "Invalid value for '--hops'"),
])
def test_view_command_rejects_bad_input_in_one_line(run_cli, seeds_build: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    args: tuple[str, ...], message: str) -> None:
    result = run_cli("view", seeds_build, *args, "-o", tmp_path / "focus.html")
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []


def test_view_command_names_the_missing_graph(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("view", tmp_path / "nowhere", "--entity", "x", "-o", tmp_path / "focus.html")
    assert (result.exit_code, result.output) == (
        2, f"Error: {tmp_path / 'nowhere'}: no graph here; run `newsgraph build` first\n")
