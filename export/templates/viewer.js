/* The newsgraph viewer: search, filters, neighbourhood highlight and details around a vis-network graph.
 * Every text from the graph reaches the page through el(), which adds it as a text node (never as HTML),
 * so article text containing markup is shown as typed and never runs. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const DIM = "rgba(255, 255, 255, 0.82)";  // laid over everything outside the selection's neighbourhood
  const LIST_LIMIT = 50;  // items a panel list shows before "Show all"
  const ZOOM = {min: 0.45, max: 1};  // the scales a selection is shown at: labels stay readable
  const MOVE = data.large ? false : {duration: 450, easingFunction: "easeInOutQuad"};  // vis animates by frames

  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(data.edges.map((edge) => [edge.id, edge]));
  const edgesOf = new Map(data.nodes.map((node) => [node.id, []]));
  for (const edge of data.edges) {
    edgesOf.get(edge.from).push(edge.id);
    if (edge.to !== edge.from) edgesOf.get(edge.to).push(edge.id);
  }
  const legendOf = {
    type: new Map(data.legend.types.map((item) => [item.name, item])),
    predicate: new Map(data.legend.predicates.map((item) => [item.name, item])),
  };
  const label = (id) => nodeById.get(id).label;
  const degree = (id) => edgesOf.get(id).length;
  const typeName = (type) => type.replace(/([a-z])([A-Z])/g, "$1 $2");
  const plural = (count, word, words = `${word}s`) => `${count.toLocaleString("en")} ${count === 1 ? word : words}`;
  for (const node of data.nodes) {  // tooltips, shown by vis-network as text
    node.title = `${node.label}\n${typeName(data.entities[node.id].type)} · ${plural(degree(node.id), "relation")}`;
  }
  for (const edge of data.edges) edge.title = `${label(edge.from)} — ${edge.label} — ${label(edge.to)}`;

  const container = document.getElementById("graph");
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(container, {nodes, edges}, data.options);
  const state = {hiddenTypes: new Set(), hiddenPredicates: new Set(), showIsolated: true, node: null, edge: null};
  const hiddenNow = {nodes: new Set(), edges: new Set()};

  /* ---- small helpers ---- */

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "className") element.className = value;
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value);
    }
    element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false)
      .map((child) => (child instanceof Node ? child : String(child))));
    return element;
  }

  function svg(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  }

  function polygon(corners, radius, start) {
    const points = [];
    for (let i = 0; i < corners; i++) {
      const angle = start + (2 * Math.PI * i) / corners;
      const r = typeof radius === "function" ? radius(i) : radius;
      points.push(`${(7 + r * Math.cos(angle)).toFixed(2)},${(7 + r * Math.sin(angle)).toFixed(2)}`);
    }
    return svg("polygon", {points: points.join(" ")});
  }

  const SHAPES = {
    dot: () => svg("circle", {cx: 7, cy: 7, r: 5.5}),
    square: () => svg("rect", {x: 2, y: 2, width: 10, height: 10}),
    diamond: () => polygon(4, 6.5, -Math.PI / 2),
    triangle: () => polygon(3, 6.5, -Math.PI / 2),
    triangleDown: () => polygon(3, 6.5, Math.PI / 2),
    star: () => polygon(10, (i) => (i % 2 ? 3 : 6.8), -Math.PI / 2),
    hexagon: () => polygon(6, 6.3, 0),
  };

  function typeSwatch(type) {
    const style = legendOf.type.get(type) || {shape: "dot", color: "#8c8c8c"};
    const icon = svg("svg", {width: 14, height: 14, viewBox: "0 0 14 14", class: "swatch", "aria-hidden": "true"});
    const shape = (SHAPES[style.shape] || SHAPES.dot)();
    shape.setAttribute("fill", style.color);
    icon.append(shape);
    return icon;
  }

  function predicateSwatch(predicate) {
    const style = legendOf.predicate.get(predicate) || {color: "#666666"};
    const icon = svg("svg", {width: 20, height: 10, viewBox: "0 0 20 10", class: "swatch", "aria-hidden": "true"});
    icon.append(svg("line", {x1: 1, y1: 5, x2: 19, y2: 5, stroke: style.color, "stroke-width": 3,
                             "stroke-linecap": "round"}));
    return icon;
  }

  const unique = (values) => [...new Set(values.filter(Boolean))];

  /* ---- what is visible and what is lit ---- */

  function nodeHidden(id) {
    const entity = data.entities[id];
    return state.hiddenTypes.has(entity.type) || (!state.showIsolated && degree(id) === 0);
  }

  function edgeHidden(edge) {
    return state.hiddenPredicates.has(data.relations[edge.id].predicate) || nodeHidden(edge.from) || nodeHidden(edge.to);
  }

  function litSets(node = state.node) {
    if (node) {
      const ids = edgesOf.get(node);
      return {nodes: new Set([node, ...ids.flatMap((id) => [edgeById.get(id).from, edgeById.get(id).to])]),
              edges: new Set(ids)};
    }
    if (state.edge) {
      const edge = edgeById.get(state.edge);
      return {nodes: new Set([edge.from, edge.to]), edges: new Set([edge.id])};
    }
    return null;
  }

  /* Apply the filters, updating only the items whose visibility changed. */
  function applyFilters() {
    const changes = (items, isHidden, now) => items.filter((item) => isHidden(item) !== now.has(item.id))
      .map((item) => {
        if (now.has(item.id)) now.delete(item.id); else now.add(item.id);
        return {id: item.id, hidden: now.has(item.id)};
      });
    const nodeChanges = changes(data.nodes, (node) => nodeHidden(node.id), hiddenNow.nodes);
    const edgeChanges = changes(data.edges, edgeHidden, hiddenNow.edges);
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }

  /* Dim all but the selection's neighbourhood: a veil over the drawn graph, then the neighbourhood drawn
     again on top. Drawing (vis-network's own, pinned at 9.1.2 through pyvis) costs one frame however large
     the graph, where restyling every item would cost seconds on thousands. */
  function drawNeighbourhood(ctx) {
    const lit = litSets();
    if (lit === null) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = DIM;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    for (const id of lit.edges) {
      const edge = network.body.edges[id];
      if (!hiddenNow.edges.has(id) && edge.connected) {
        edge.draw(ctx);
        edge.drawArrows(ctx);
      }
    }
    const labels = [];
    for (const id of lit.nodes) {
      if (hiddenNow.nodes.has(id)) continue;
      const drawn = network.body.nodes[id].draw(ctx);
      if (drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
    }
    for (const drawLabel of labels) drawLabel();
  }

  /* Turn on whichever filters hide this node, so that what is searched for is always shown. */
  function reveal(id) {
    const entity = data.entities[id];
    if (state.hiddenTypes.has(entity.type)) {
      state.hiddenTypes.delete(entity.type);
      filterBoxes.type.get(entity.type).checked = true;
    }
    if (degree(id) === 0 && !state.showIsolated) {
      state.showIsolated = true;
      isolatedBox.checked = true;
    }
    syncFilterLabels();
  }

  /* ---- selection ---- */

  function selectEntity(id, {move = true, dim = true} = {}) {
    reveal(id);
    state.node = dim ? id : null;
    state.edge = null;
    applyFilters();
    network.selectNodes([id]);
    showPanel(entityPanel(id));
    if (move) network.moveTo({...viewOf([...litSets(id).nodes], ZOOM), animation: MOVE});
  }

  function selectRelation(id) {
    state.node = null;
    state.edge = id;
    network.setSelection({nodes: [], edges: [id]}, {highlightEdges: false});
    showPanel(relationPanel(id));
  }

  function clearSelection() {
    state.node = null;
    state.edge = null;
    network.unselectAll();
    hidePanel();
  }

  /* The view that shows these nodes in the part of the canvas the details panel leaves free, at a scale
     within `zoom`; vis-network's fit() knows nothing of the panel. */
  function viewOf(ids, zoom = {min: 0, max: ZOOM.max}) {
    const margin = 40;  // canvas units around what is drawn
    const boxes = ids.map((id) => {  // a node with its label once drawn; before that, its centre
      const box = network.getBoundingBox(id);
      const {x, y} = network.getPositions([id])[id];
      return box && box.right > box.left ? box : {left: x, right: x, top: y, bottom: y};
    });
    const left = Math.min(...boxes.map((box) => box.left)) - margin;
    const right = Math.max(...boxes.map((box) => box.right)) + margin;
    const top = Math.min(...boxes.map((box) => box.top)) - margin;
    const bottom = Math.max(...boxes.map((box) => box.bottom)) + margin;
    const covered = panel.hidden ? 0 : panel.offsetWidth;
    const scale = Math.min((container.clientWidth - covered) / (right - left), container.clientHeight / (bottom - top));
    return {position: {x: (left + right) / 2, y: (top + bottom) / 2},
            scale: Math.max(zoom.min, Math.min(zoom.max, scale)), offset: {x: -covered / 2, y: 0}};
  }

  function fitView(ids) {
    const shown = ids || data.nodes.filter((node) => !hiddenNow.nodes.has(node.id)).map((node) => node.id);
    if (shown.length) network.moveTo({...viewOf(shown), animation: false});
  }

  /* ---- the details panel ---- */

  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");

  function showPanel(children) {
    panelBody.replaceChildren(...children);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function hidePanel() {
    panel.hidden = true;
    panelBody.replaceChildren();
  }

  function entityLink(id) {
    return el("button", {type: "button", className: "link entity-link", "data-id": id,
                         onclick: () => selectEntity(id)}, label(id));
  }

  function relationLink(edgeId, text) {
    return el("button", {type: "button", className: "link relation-link", "data-id": edgeId,
                         onclick: () => selectRelation(edgeId)}, text);
  }

  function relationDates(relation) {
    const events = unique(relation.sources.map(([, , eventDate]) => eventDate)).sort();
    const reported = unique(relation.sources.map(([article]) => data.articles[article].date)).sort();
    const parts = [];
    if (events.length) parts.push(`on ${events.join(", ")}`);
    if (reported.length) parts.push(`reported ${reported.join(", ")}`);
    return parts.length ? parts.join(" · ") : "no date given";
  }

  /* A heading and its list; long lists show their first LIST_LIMIT items and a button for the rest. */
  function section(title, items) {
    if (!items.length) return [];
    const list = el("ul", {}, items.slice(0, LIST_LIMIT));
    const more = items.length > LIST_LIMIT ? el("button", {type: "button", className: "link more", onclick: () => {
      list.replaceChildren(...items);
      more.remove();
    }}, `Show all ${items.length.toLocaleString("en")}`) : null;
    return [el("h3", {}, `${title} (${items.length.toLocaleString("en")})`), list, more].filter(Boolean);
  }

  function entityPanel(id) {
    const entity = data.entities[id];
    const here = edgesOf.get(id).map((edgeId) => ({edge: edgeById.get(edgeId), relation: data.relations[edgeId]}));
    const isPosition = (item) => item.relation.predicate === "holds_position";
    const positions = here.filter((item) => isPosition(item) && item.edge.from === id).map(({edge, relation}) =>
      el("li", {className: "position"}, relationLink(edge.id, relation.role || "position"), " at ",
         entityLink(edge.to), el("div", {className: "dates"}, relationDates(relation))));
    const holders = here.filter((item) => isPosition(item) && item.edge.to === id).map(({edge, relation}) =>
      el("li", {className: "holder"}, entityLink(edge.from), ", ", relationLink(edge.id, relation.role || "position"),
         el("div", {className: "dates"}, relationDates(relation))));
    const predicateOrder = [...legendOf.predicate.keys()];
    const others = here.filter((item) => !isPosition(item))
      .sort((a, b) => predicateOrder.indexOf(a.relation.predicate) - predicateOrder.indexOf(b.relation.predicate))
      .map(({edge, relation}) => {
        const verb = relationLink(edge.id, legendOf.predicate.get(relation.predicate).label);
        const incoming = edge.to === id && edge.from !== id && edge.arrows;  // "X visited", not "visited X"
        const other = entityLink(edge.from === id ? edge.to : edge.from);
        const words = incoming ? [other, " ", verb] : [verb, " ", other];
        return el("li", {className: "relation"}, predicateSwatch(relation.predicate), " ", ...words,
                  el("div", {className: "dates"}, relationDates(relation)));
      });
    const articles = entity.articles.map((index) => data.articles[index]).map((article) =>
      el("li", {className: "article"}, el("span", {className: "title"}, article.title || article.id),
         el("div", {className: "dates"}, article.date || "date unknown")));
    return [
      el("div", {className: "kind"}, typeSwatch(entity.type), typeName(entity.type)),
      el("h2", {}, label(id)),
      entity.aliases.length ? el("p", {className: "aliases"}, "Also called: ", entity.aliases.join("; ")) : null,
      el("p", {className: "meta"}, `${plural(degree(id), "relation")} · ${plural(entity.articles.length, "article")}`),
      ...section("Positions", positions),
      ...section("People in posts here", holders),
      ...section("Relations", others),
      ...section("Articles", articles),
    ].filter(Boolean);
  }

  function relationPanel(id) {
    const edge = edgeById.get(id);
    const relation = data.relations[id];
    const legend = legendOf.predicate.get(relation.predicate);
    const evidence = relation.sources.map(([index, sentence, eventDate]) => {
      const article = data.articles[index];
      return el("li", {className: "evidence"}, el("blockquote", {}, data.sentences[sentence]),
                el("cite", {}, el("span", {className: "title"}, article.title || article.id), " · ",
                   el("span", {className: "date"}, article.date || "date unknown"),
                   eventDate ? ` · event ${eventDate}` : null));
    });
    return [
      el("div", {className: "kind"}, predicateSwatch(relation.predicate), legend ? legend.label : relation.predicate),
      el("h2", {}, edge.label),
      el("p", {className: "endpoints"}, entityLink(edge.from), el("span", {className: "arrow"}, edge.arrows ? "→" : "↔"),
         entityLink(edge.to)),
      el("p", {className: "meta"}, `confidence ${relation.confidence} · ${relationDates(relation)}`),
      ...section("Evidence", evidence),
    ];
  }

  /* ---- search ---- */

  const searchInput = document.getElementById("search");
  const suggestionList = document.getElementById("suggestions");
  const normalize = (text) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  const searchIndex = data.nodes.map((node) => {
    const names = [node.label, ...data.entities[node.id].aliases];
    return {id: node.id, names, keys: names.map(normalize)};
  });
  let suggestions = [];
  let active = 0;

  function findEntities(query, limit) {
    const found = [];
    for (const entry of searchIndex) {
      let best = null;
      entry.keys.forEach((key, i) => {
        const at = key.indexOf(query);
        if (at < 0) return;
        const score = key === query ? 0 : at === 0 ? 1 : key[at - 1] === " " ? 2 : 3;
        if (best === null || score < best.score) best = {score, alias: i > 0 ? entry.names[i] : null};
      });
      if (best) found.push({id: entry.id, ...best});
    }
    found.sort((a, b) => a.score - b.score || degree(b.id) - degree(a.id) ||
                         nodeById.get(a.id).label.localeCompare(nodeById.get(b.id).label));
    return found.slice(0, limit);
  }

  function showSuggestions() {
    suggestionList.replaceChildren(...suggestions.map((found, i) => {
      const entity = data.entities[found.id];
      return el("li", {role: "option", "aria-selected": String(i === active), "data-id": found.id,
                       onmousedown: (event) => { event.preventDefault(); choose(i); }},
                typeSwatch(entity.type), el("span", {className: "name"}, label(found.id)),
                el("span", {className: "note"}, found.alias ? `alias: ${found.alias}` : typeName(entity.type)));
    }));
    if (!suggestions.length) suggestionList.append(el("li", {className: "empty"}, "no entity by that name"));
    suggestionList.hidden = false;
  }

  function choose(i) {
    const found = suggestions[i];
    if (!found) return;
    suggestionList.hidden = true;
    searchInput.value = label(found.id);
    selectEntity(found.id);
  }

  searchInput.addEventListener("input", () => {
    const query = normalize(searchInput.value);
    if (!query) {
      suggestions = [];
      suggestionList.hidden = true;
      return;
    }
    suggestions = findEntities(query, 12);
    active = 0;
    showSuggestions();
    const exact = suggestions.filter((found) => found.score === 0);
    if (exact.length === 1 && state.node !== exact[0].id) selectEntity(exact[0].id);
  });

  searchInput.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!suggestions.length) return;
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
      showSuggestions();
      event.preventDefault();
    } else if (event.key === "Enter") {
      choose(active);
    } else if (event.key === "Escape") {
      suggestionList.hidden = true;
    }
  });
  searchInput.addEventListener("blur", () => { suggestionList.hidden = true; });
  searchInput.addEventListener("focus", () => { if (suggestions.length) showSuggestions(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== searchInput) {
      searchInput.focus();
      event.preventDefault();
    } else if (event.key === "Escape" && document.activeElement !== searchInput) {
      clearSelection();
    }
  });

  /* ---- legend and filters ---- */

  const filterBoxes = {type: new Map(), predicate: new Map()};
  const isolatedFilter = document.getElementById("isolated-filter");
  const isolatedBox = isolatedFilter.querySelector("input");

  function filterRow(kind, item, swatch, text, hiddenSet) {
    const box = el("input", {type: "checkbox"});
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) hiddenSet.delete(item.name); else hiddenSet.add(item.name);
      syncFilterLabels();
      applyFilters();
    });
    filterBoxes[kind].set(item.name, box);
    return el("li", {}, el("label", {className: "filter", [`data-${kind}`]: item.name}, box, swatch, el("span", {}, text),
                           el("span", {className: "count"}, item.count.toLocaleString("en"))));
  }

  function syncFilterLabels() {
    for (const boxes of Object.values(filterBoxes)) {
      for (const box of boxes.values()) box.parentElement.classList.toggle("off", !box.checked);
    }
    isolatedFilter.classList.toggle("off", !isolatedBox.checked);
  }

  document.getElementById("type-filters").append(...data.legend.types.map((item) =>
    filterRow("type", item, typeSwatch(item.name), typeName(item.name), state.hiddenTypes)));
  document.getElementById("predicate-filters").append(...data.legend.predicates.map((item) =>
    filterRow("predicate", item, predicateSwatch(item.name), item.label, state.hiddenPredicates)));
  const isolatedCount = data.nodes.filter((node) => degree(node.id) === 0).length;
  isolatedFilter.querySelector(".count").textContent = isolatedCount.toLocaleString("en");
  isolatedFilter.hidden = isolatedCount === 0;
  isolatedBox.addEventListener("change", () => {
    state.showIsolated = isolatedBox.checked;
    syncFilterLabels();
    applyFilters();
  });

  /* ---- the rest of the page ---- */

  document.getElementById("stats").textContent = [
    plural(data.nodes.length, "entity", "entities"),
    plural(data.edges.length, "relation"),
    plural(data.articles.length, "article"),
  ].join(" · ");
  document.getElementById("fit").addEventListener("click", () => fitView());
  document.getElementById("clear").addEventListener("click", () => { searchInput.value = ""; clearSelection(); });
  document.getElementById("panel-close").addEventListener("click", clearSelection);

  network.on("afterDrawing", drawNeighbourhood);
  network.on("click", (params) => {
    if (params.nodes.length) selectEntity(params.nodes[0], {move: false});
    else if (params.edges.length) selectRelation(params.edges[0]);
    else clearSelection();
  });

  /* A small API for tests and notebooks: where an entity or relation is drawn, in page pixels. */
  function pagePoint(point) {
    const dom = network.canvasToDOM(point);
    const box = container.getBoundingClientRect();
    return {x: box.left + dom.x, y: box.top + dom.y};
  }

  const viewer = {
    ready: false,
    network,
    nodes,
    edges,
    nodePoint: (id) => pagePoint(network.getPositions([id])[id]),
    edgePoint: (id) => pagePoint(network.body.edges[id].edgeType.getPoint(0.5)),  // mid-line, curved or not
    selectEntity,
    selectRelation,
    lit: () => {  // the ids drawn undimmed around the selection, or null when nothing is selected
      const lit = litSets();
      return lit && {nodes: [...lit.nodes], edges: [...lit.edges]};
    },
  };
  window.newsgraphViewer = viewer;

  /* Open on the entities that have relations ("Fit to screen" shows everything), with the focal entity
     selected, undimmed (its whole neighbourhood is the page), if there is one. */
  const linked = data.nodes.filter((node) => degree(node.id) > 0).map((node) => node.id);
  if (data.focus) selectEntity(data.focus, {move: false, dim: false});
  fitView(linked.length ? linked : undefined);

  network.once("afterDrawing", () => {
    performance.mark("newsgraph:ready");
    viewer.ready = true;
    document.body.classList.add("ready");
  });
})();
