"""The viewer in a real headless Chromium, opened from disk: search, filters, the details panel, the
evidence of a relation, hostile article text, and no network traffic.

Chromium and its driver are Debian's (`make test` installs them); Selenium drives them directly, so
nothing is downloaded. One browser serves the whole module.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from test_export_html import HOSTILE_EVIDENCE, HOSTILE_PERSON, HOSTILE_TITLE, hostile_graph

from export import html
from extract.model import Article, Extraction, Triple
from graph import build_graph, load_graph

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--window-size=1400,900")


def start_chromium(profile: str) -> webdriver.Chrome:
    """Debian's headless Chromium with the profile folder `profile`, logging every network request."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.get("about:blank")  # leave the start page, whose own chrome:// requests are logged too
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """One Chromium for the module, with a fresh profile."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail("Chromium is not installed: run `make browser` (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory(prefix="newsgraph-chromium-") as profile:
        driver = start_chromium(profile)
        try:
            yield driver
        finally:
            driver.quit()


def open_viewer(browser: webdriver.Chrome, path: Path) -> list[str]:
    """Load the page from disk and wait until the viewer says it is ready; returns the URLs it requested."""
    browser.get_log("performance")  # drop what earlier pages logged
    browser.get(path.resolve().as_uri())
    WebDriverWait(browser, 20).until(lambda driver: driver.execute_script(
        "return Boolean(window.newsgraphViewer && window.newsgraphViewer.ready)"))
    events = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    return [event["params"]["request"]["url"] for event in events if event["method"] == "Network.requestWillBeSent"]


def run(browser: webdriver.Chrome, script: str, *args: Any) -> Any:
    return browser.execute_script(f"const viewer = window.newsgraphViewer; {script}", *args)


def click_at(browser: webdriver.Chrome, point: dict[str, float]) -> None:
    """A real mouse click at page pixel `point`."""
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(round(point["x"]), round(point["y"])).click()
    actions.perform()


def panel_text(browser: webdriver.Chrome) -> str:
    panel = browser.find_element(By.ID, "panel")
    return panel.text if panel.is_displayed() else ""


def wait_for_panel(browser: webdriver.Chrome, text: str) -> str:
    WebDriverWait(browser, 5).until(lambda driver: text in panel_text(driver))
    return panel_text(browser)


def lit_nodes(browser: webdriver.Chrome) -> set[str] | None:
    """The nodes drawn undimmed around the selection; None when nothing is dimmed."""
    lit = run(browser, "return viewer.lit()")
    return None if lit is None else set(lit["nodes"])


def drawn_colour(browser: webdriver.Chrome, node: str) -> tuple[int, ...] | None:
    """The colour of the canvas pixel at the centre of `node`, or None when it lies outside the canvas."""
    rgb = run(browser, """
        const canvas = document.querySelector('#graph canvas');
        const at = viewer.network.canvasToDOM(viewer.network.getPositions([arguments[0]])[arguments[0]]);
        if (at.x < 0 || at.y < 0 || at.x >= canvas.clientWidth || at.y >= canvas.clientHeight) return null;
        const ratio = canvas.width / canvas.clientWidth;
        return Array.from(canvas.getContext('2d').getImageData(
          Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data.slice(0, 3));""", node)
    return None if rgb is None else tuple(rgb)


def outside_view(browser: webdriver.Chrome, nodes: set[str]) -> set[str]:
    """Those of `nodes` not wholly drawn in the part of the canvas that the details panel leaves free."""
    return set(run(browser, """
        const canvas = document.querySelector('#graph canvas').getBoundingClientRect();
        const panel = document.getElementById('panel');
        const right = panel.hidden ? canvas.right : panel.getBoundingClientRect().left;
        return arguments[0].filter((id) => {
          const box = viewer.network.getBoundingBox(id);
          const [a, b] = [{x: box.left, y: box.top}, {x: box.right, y: box.bottom}].map((p) => {
            const dom = viewer.network.canvasToDOM(p);
            return {x: canvas.left + dom.x, y: canvas.top + dom.y};
          });
          return a.x < canvas.left || a.y < canvas.top || b.x > right || b.y > canvas.bottom;
        });""", sorted(nodes)))


def rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def hidden(browser: webdriver.Chrome, kind: str) -> set[str]:
    return set(run(browser, f"return viewer.{kind}.get().filter((item) => item.hidden).map((item) => item.id)"))


@pytest.fixture(scope="module")
def seeds(seeds_build: Path) -> nx.MultiDiGraph:
    return load_graph(seeds_build)


@pytest.fixture
def seeds_page(browser: webdriver.Chrome, seeds_build: Path) -> list[str]:
    """The seeds' viewer, freshly loaded; returns the URLs it requested."""
    return open_viewer(browser, seeds_build / "graph.html")


def dated_position(graph: nx.MultiDiGraph) -> tuple[str, str, dict]:
    """A person, organization and holds_position edge data whose report carries a date."""
    return next((person, org, data) for person, org, data in graph.edges(data=True)
                if data["predicate"] == "holds_position" and data["dates"])


def test_every_entity_is_drawn_and_nothing_is_fetched(browser, seeds_page, seeds, seeds_build) -> None:  # type: ignore[no-untyped-def]
    assert seeds_page == [(seeds_build / "graph.html").resolve().as_uri()]
    assert sorted(run(browser, "return viewer.nodes.getIds()")) == sorted(seeds)
    assert run(browser, "return viewer.edges.length") == seeds.number_of_edges()
    assert browser.find_element(By.CSS_SELECTOR, "#graph canvas").size["width"] > 800
    for node in seeds:  # every entity sits on the canvas
        assert run(browser, "return viewer.network.getPositions([arguments[0]])[arguments[0]] !== undefined", node)
    counts = {label.get_attribute("data-type"): int(label.find_element(By.CLASS_NAME, "count").text)
              for label in browser.find_elements(By.CSS_SELECTOR, "#type-filters label")}
    assert counts == {kind: sum(1 for _, t in seeds.nodes(data="type") if t == kind) for kind in counts}
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_search_focuses_the_entity_and_lights_its_neighbourhood(browser, seeds_page, seeds) -> None:  # type: ignore[no-untyped-def]
    search = browser.find_element(By.ID, "search")
    search.send_keys("zhang ji")
    names = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#suggestions li .name")]
    assert names[0] == "Zhang Jifu" and all("zhang ji" in name.lower() for name in names)
    colour = {node: rgb(html.TYPE_STYLES[kind][0]) for node, kind in seeds.nodes(data="type")}
    neighbourhood = set(nx.ego_graph(seeds, "person/zhang-jifu", undirected=True))
    clear = [node for node in seeds if drawn_colour(browser, node) == colour[node]]  # drawn, nothing over them
    search.send_keys(Keys.ENTER)
    wait_for_panel(browser, "Zhang Jifu")
    assert run(browser, "return viewer.network.getSelectedNodes()") == ["person/zhang-jifu"]
    assert lit_nodes(browser) == neighbourhood
    WebDriverWait(browser, 5).until(lambda driver: outside_view(driver, neighbourhood) == set())  # camera moved
    for node in set(clear) - {"person/zhang-jifu"}:  # the rest are veiled in white, the neighbours are not
        drawn = drawn_colour(browser, node)
        if node in neighbourhood:
            assert drawn == colour[node], node
        elif drawn is not None:
            veiled = tuple(round(0.18 * channel + 0.82 * 255) for channel in colour[node])
            assert max(abs(a - b) for a, b in zip(drawn, veiled)) <= 3, (node, drawn, veiled)
    WebDriverWait(browser, 5).until(lambda driver: outside_view(driver, neighbourhood) == set())
    search.clear()
    search.send_keys("Chindata Group")  # an exact name focuses without Enter
    wait_for_panel(browser, "Chindata Group")
    assert run(browser, "return viewer.network.getSelectedNodes()") == ["company/chindata-group"]


def test_type_predicate_and_lone_entity_filters(browser, seeds_page, seeds) -> None:  # type: ignore[no-untyped-def]
    edge_ids = {edge["id"]: edge for edge in run(browser, "return viewer.edges.get()")}
    people = {node for node, kind in seeds.nodes(data="type") if kind == "Person"}
    person_filter = browser.find_element(By.CSS_SELECTOR, '#type-filters label[data-type="Person"]')
    person_filter.click()
    assert hidden(browser, "nodes") == people
    assert hidden(browser, "edges") == {id_ for id_, e in edge_ids.items() if {e["from"], e["to"]} & people}
    person_filter.click()
    assert hidden(browser, "nodes") == hidden(browser, "edges") == set()

    browser.find_element(By.CSS_SELECTOR, '#predicate-filters label[data-predicate="holds_position"]').click()
    relations = run(browser, "return viewer.edges.getIds()")
    positions = {id_ for id_ in relations if edge_ids[id_]["label"].startswith("holds position")}
    assert positions and hidden(browser, "edges") == positions and hidden(browser, "nodes") == set()

    browser.find_element(By.CSS_SELECTOR, "#isolated-filter").click()
    assert hidden(browser, "nodes") == {node for node in seeds if seeds.degree(node) == 0}


def test_clicking_a_person_shows_type_aliases_positions_and_articles(browser, seeds_page, seeds) -> None:  # type: ignore[no-untyped-def]
    person, org, data = dated_position(seeds)
    click_at(browser, run(browser, "return viewer.nodePoint(arguments[0])", person))
    text = wait_for_panel(browser, seeds.nodes[person]["label"])
    assert "Person" in text
    for alias in seeds.nodes[person]["aliases"]:
        assert alias in text
    assert f"{data['role']} at {seeds.nodes[org]['label']}\nreported {data['dates'][0]}" in text
    for article in seeds.nodes[person]["articles"]:
        assert seeds.graph["articles"][article]["title"] in text
    assert run(browser, "return viewer.network.getSelectedNodes()") == [person]


def test_clicking_a_relation_shows_its_evidence_with_title_and_date(browser, seeds_page, seeds) -> None:  # type: ignore[no-untyped-def]
    person, org, data = dated_position(seeds)
    [edge_id] = run(browser, """return viewer.edges.get().filter((e) => e.from === arguments[0] && e.to === arguments[1]
                                && e.label.startsWith('holds position')).map((e) => e.id)""", person, org)
    click_at(browser, run(browser, "return viewer.edgePoint(arguments[0])", edge_id))
    text = wait_for_panel(browser, "EVIDENCE")
    for source in data["sources"]:
        assert source["evidence"] in text
        assert f"{seeds.graph['articles'][source['article']]['title']} · {source['date']}" in text
    assert run(browser, "return viewer.network.getSelectedEdges()") == [edge_id]
    assert lit_nodes(browser) == {person, org}


def test_clicking_empty_canvas_or_escape_clears_the_selection(browser, seeds_page) -> None:  # type: ignore[no-untyped-def]
    run(browser, "viewer.selectEntity('person/zhang-jifu', {move: false})")
    wait_for_panel(browser, "Zhang Jifu")
    empty = run(browser, """
        const box = document.getElementById('graph').getBoundingClientRect();
        for (const [x, y] of [[10, 10], [10, box.height - 10], [box.width / 2, 10], [box.width / 2, box.height - 10]]) {
          if (viewer.network.getNodeAt({x, y}) === undefined && viewer.network.getEdgeAt({x, y}) === undefined)
            return {x: box.left + x, y: box.top + y};
        }""")
    click_at(browser, empty)
    WebDriverWait(browser, 5).until(lambda driver: panel_text(driver) == "")
    assert lit_nodes(browser) is None
    run(browser, "viewer.selectEntity('person/zhang-jifu', {move: false})")
    wait_for_panel(browser, "Zhang Jifu")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    WebDriverWait(browser, 5).until(lambda driver: panel_text(driver) == "")
    assert lit_nodes(browser) is None and run(browser, "return viewer.network.getSelectedNodes()") == []


def test_hostile_article_text_is_shown_as_text_and_never_runs(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "hostile.html"
    html.write(hostile_graph(), page, heading="hostile")
    requests = open_viewer(browser, page)
    assert requests == [page.resolve().as_uri()]
    [edge_id] = run(browser, "return viewer.edges.getIds()")
    click_at(browser, run(browser, "return viewer.edgePoint(arguments[0])", edge_id))
    text = wait_for_panel(browser, "EVIDENCE")
    assert HOSTILE_EVIDENCE in text
    assert HOSTILE_TITLE in text
    browser.find_element(By.ID, "search").send_keys('"boss"')
    assert browser.find_element(By.CSS_SELECTOR, "#suggestions li .name").text == HOSTILE_PERSON
    assert run(browser, "return [window.pwned, document.title]") == [None, "hostile"]
    assert browser.find_elements(By.CSS_SELECTOR, "body img, body b, #panel script") == []


def test_each_of_two_roles_in_one_body_is_its_own_line(browser, tricky_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "tricky.html"
    html.write(tricky_graph, page, heading="tricky")
    assert open_viewer(browser, page) == [page.resolve().as_uri()]
    roles = {}
    for subject, obj, data in tricky_graph.edges(data=True):
        roles.setdefault((subject, obj), []).append(data.get("role"))
    (subject, obj), expected = next((pair, found) for pair, found in roles.items() if len(found) > 1)
    edge_ids = run(browser, "return viewer.edges.get().filter((e) => e.from === arguments[0] && e.to === arguments[1])"
                            ".map((e) => e.id)", subject, obj)
    shown = []
    for edge_id in edge_ids:
        click_at(browser, run(browser, "return viewer.edgePoint(arguments[0])", edge_id))
        WebDriverWait(browser, 5).until(lambda driver: run(driver, "return viewer.network.getSelectedEdges()")
                                        == [edge_id])  # noqa: B023 - waited on at once
        shown.append(browser.find_element(By.CSS_SELECTOR, "#panel h2").text)
    assert shown == [html.predicate_label("holds_position", role) for role in expected]
    assert run(browser, "return document.title") == "tricky"


def test_a_hub_lists_its_first_relations_then_all_of_them(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = Article("a", "a.txt", "Visits", "2024-01-02", "0" * 64)
    triples = tuple(Triple(article="a", subject=f"Visitor {number:02d}", subject_type="Person", predicate="visited",
                           object="Hub Park", object_type="Project", evidence=f"Visitor {number:02d} visited Hub Park.",
                           start=0, end=10, confidence=0.8, date="2024-01-02") for number in range(60))
    page = tmp_path / "hub.html"
    html.write(build_graph([Extraction(article=article, triples=triples)]), page)
    open_viewer(browser, page)
    click_at(browser, run(browser, "return viewer.nodePoint('project/hub-park')"))
    text = wait_for_panel(browser, "RELATIONS (60)")
    assert "Visitor 00 visited" in text and "Visitor 49 visited" in text and "Visitor 50" not in text
    browser.find_element(By.CSS_SELECTOR, "#panel button.more").click()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#panel li.relation")) == 60
    assert "Visitor 59 visited" in panel_text(browser) and "Show all" not in panel_text(browser)


def test_focused_viewer_opens_on_its_entity(browser, seeds, seeds_build: Path, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "focus.html"
    assert run_cli("view", seeds_build, "--entity", "Zhang Jifu", "-o", page).exit_code == 0
    assert open_viewer(browser, page) == [page.resolve().as_uri()]
    text = wait_for_panel(browser, "Zhang Jifu")
    positions = [(data["role"], seeds.nodes[org]["label"]) for _, org, data in
                 seeds.out_edges("person/zhang-jifu", data=True) if data["predicate"] == "holds_position"]
    assert positions and all(f"{role} at {org}" in text for role, org in positions)
    assert run(browser, "return viewer.network.getSelectedNodes()") == ["person/zhang-jifu"]
    assert browser.find_element(By.ID, "heading").text == "Around Zhang Jifu (2 hops)"
    assert lit_nodes(browser) is None  # nothing dimmed: the page is the neighbourhood


def test_screenshot_of_a_selected_entity(browser, seeds_page, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    click_at(browser, run(browser, "return viewer.nodePoint('person/zhang-jifu')"))
    wait_for_panel(browser, "POSITIONS")
    shot = tmp_path_factory.mktemp("screenshots") / "viewer.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 30_000
