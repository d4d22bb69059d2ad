"""Where each entity sits in the viewer, computed before the page opens so that it is interactive at once.

In the browser, vis-network's physics takes ~150 ms an iteration on 5,000 nodes, and networkx's
spring layout ~16 s (with scipy; without it, spring and spectral layouts are dense and slower), so
each connected component is laid out by igraph's Fruchterman-Reingold, in C (~0.5 s on 5,000
nodes), levelled (longest axis left to right, as labels run), overlapping labels pushed apart,
and the components are packed in rows, biggest first, each taking the room its labels need.
Entities without relations are packed below them the same way, grouped by type.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from statistics import median
from typing import NamedTuple

import igraph
import networkx as nx
import numpy as np

Point = tuple[float, float]
Block = dict[str, Point]

SEED = 42
SEPARATE_LIMIT = 400  # nodes; labels of larger components are left to overlap until one zooms in
ROOM = 0.75  # on larger components, the room each node gets, in edge lengths (a side of its square)


class Footprint(NamedTuple):
    """How far a drawn node, with its label, reaches left and right, above and below its centre."""

    half_width: float
    above: float
    below: float


@contextmanager
def seeded_igraph() -> Iterator[None]:
    """Make igraph's random choices repeatable inside the block, then hand it back Python's `random`."""
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def level(block: Block) -> Block:
    """Turn a block about its centre so that its longest axis runs left to right, as labels do."""
    cx, cy = (sum(values) / len(block) for values in zip(*block.values()))
    sxx = sum((x - cx) ** 2 for x, _ in block.values())
    syy = sum((y - cy) ** 2 for _, y in block.values())
    sxy = sum((x - cx) * (y - cy) for x, y in block.values())
    turn = -0.5 * math.atan2(2 * sxy, sxx - syy)
    cos, sin = math.cos(turn), math.sin(turn)
    return {node: ((x - cx) * cos - (y - cy) * sin, (x - cx) * sin + (y - cy) * cos)
            for node, (x, y) in block.items()}


def separate(block: Block, footprints: Mapping[str, Footprint], *, margin: float = 6.0,
             rounds: int = 200) -> Block:
    """Push apart the nodes whose drawings (node and label) overlap, each pair along the axis where
    they overlap least, until none do or `rounds` is reached."""
    nodes = list(block)
    xy = np.array([block[node] for node in nodes], dtype=float)
    reach = np.array([footprints[node] for node in nodes], dtype=float)
    # which way to push a pair that sits on the same spot: earlier nodes go left/up
    order = np.sign(np.arange(len(nodes))[:, None] - np.arange(len(nodes))[None, :])
    for _ in range(rounds):
        dx, dy = xy[:, 0][:, None] - xy[:, 0][None, :], xy[:, 1][:, None] - xy[:, 1][None, :]
        overlap_x = reach[:, 0][:, None] + reach[:, 0][None, :] + margin - np.abs(dx)
        bottom, top = xy[:, 1] + reach[:, 2], xy[:, 1] - reach[:, 1]
        overlap_y = (np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :])
                     + margin)
        clash = (overlap_x > 0) & (overlap_y > 0) & (order != 0)
        if not clash.any():
            break
        away_x, away_y = np.where(dx != 0, np.sign(dx), order), np.where(dy != 0, np.sign(dy), order)
        xy[:, 0] += np.where(clash & (overlap_x <= overlap_y), overlap_x * away_x, 0).sum(axis=1) / 4
        xy[:, 1] += np.where(clash & (overlap_x > overlap_y), overlap_y * away_y, 0).sum(axis=1) / 4
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy)}


def spread(component: nx.Graph, footprints: Mapping[str, Footprint], edge_length: float) -> Block:
    """Fruchterman-Reingold positions of one connected component, its edges about `edge_length` long,
    levelled; on components of up to SEPARATE_LIMIT nodes overlapping labels are pushed apart, on
    larger ones each node is given ROOM."""
    nodes = sorted(component)
    index = {node: number for number, node in enumerate(nodes)}
    # sorted, each pair low to high: a subgraph's edges come in an order set by Python's hash seed
    pairs = sorted((min(index[a], index[b]), max(index[a], index[b])) for a, b in component.edges())
    graph = igraph.Graph(n=len(nodes), edges=pairs)
    coords = graph.layout_fruchterman_reingold().coords
    lengths = [math.dist(coords[a], coords[b]) for a, b in pairs]
    scale = edge_length / (median(lengths) or 1.0)
    if len(nodes) > SEPARATE_LIMIT:  # Fruchterman-Reingold crowds thousands of nodes: give each some room
        xs, ys = zip(*coords)
        area = (max(xs) - min(xs)) * (max(ys) - min(ys))
        scale = max(scale, ROOM * edge_length * math.sqrt(len(nodes) / area))
    block = level({node: (x * scale, y * scale) for node, (x, y) in zip(nodes, coords)})
    return separate(block, footprints) if len(block) <= SEPARATE_LIMIT else block


def _box(block: Block, footprints: Mapping[str, Footprint]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of what a block draws: its nodes and their labels."""
    return (min(x - footprints[node].half_width for node, (x, _) in block.items()),
            min(y - footprints[node].above for node, (_, y) in block.items()),
            max(x + footprints[node].half_width for node, (x, _) in block.items()),
            max(y + footprints[node].below for node, (_, y) in block.items()))


def pack(blocks: list[Block], footprints: Mapping[str, Footprint], *, gap: float,
         aspect: float = 1.6) -> Block:
    """Place blocks left to right in rows, in the order given, each as wide as its nodes' labels need,
    so that the whole is about `aspect` times wider than high; centred on x = 0, its top at y = 0."""
    boxes = [_box(block, footprints) for block in blocks]
    area = sum((right - left + gap) * (bottom - top + gap) for left, top, right, bottom in boxes)
    row_width = max([math.sqrt(area * aspect), *(right - left for left, _, right, _ in boxes)])
    positions: Block = {}
    x = y = row_height = 0.0
    for block, (left, top, right, bottom) in zip(blocks, boxes):
        if x > 0 and x + right - left > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        positions.update({node: (x + bx - left, y + by - top) for node, (bx, by) in block.items()})
        x += right - left + gap
        row_height = max(row_height, bottom - top)
    xs = [px for px, _ in positions.values()] or [0.0]
    middle = (min(xs) + max(xs)) / 2
    return {node: (px - middle, py) for node, (px, py) in positions.items()}


def layout(graph: nx.MultiDiGraph, footprints: Mapping[str, Footprint], *,
           edge_length: float = 120.0) -> Block:
    """A position for every node, in vis-network's units; the same graph gives the same positions.

    >>> graph = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> graph.add_node("d")
    >>> sorted(layout(graph, dict.fromkeys(graph, Footprint(40, 10, 30))))
    ['a', 'b', 'c', 'd']
    """
    linked = nx.Graph((a, b) for a, b in graph.edges() if a != b)
    components = sorted(nx.connected_components(linked), key=lambda nodes: (-len(nodes), min(nodes)))
    with seeded_igraph():
        blocks = [spread(linked.subgraph(nodes), footprints, edge_length) for nodes in components]
    positions = pack(blocks, footprints, gap=edge_length / 3)
    alone = sorted((node for node in graph if node not in positions),
                   key=lambda node: (graph.nodes[node].get("type", ""), graph.nodes[node].get("label", node)))
    top = max((y for _, y in positions.values()), default=-edge_length) + edge_length
    below = pack([{node: (0.0, 0.0)} for node in alone], footprints, gap=edge_length / 6, aspect=3.0)
    positions.update({node: (x, top + y) for node, (x, y) in below.items()})
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}
