"""Charts of how a story is sourced: who speaks, who relays whom, who appears with whom, when.

Every function takes one of the library's tables and returns the matplotlib Axes it drew on
(``ax=`` to draw into your own); none calls ``plt.show()``, so they work in notebooks, scripts
and the headless Agg backend alike. An empty table gives an axes that says so in words.
:func:`save_figure` writes the PNG (and SVG) with a CSV of the data drawn.

* :func:`plot_timeline` (in :mod:`storyline.timechart`): the events of :func:`timeline`;
* :func:`plot_sources`: claims per source, firm, hedged and denials, grouped by type;
* :func:`plot_attribution_chain`: :func:`storyline.sourcing.attribution_edges` as a graph;
* :func:`plot_entities`: which people, organisations and places share sentences.

Example:
    >>> from storyline import read_example, sources
    >>> ax = plot_sources(sources(read_example()))
    >>> ax.get_title(loc="left")
    'Claims per source, by type of source'
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from storyline.chartkit import chart_data, remember_data, save_figure, say_empty
from storyline.timechart import plot_timeline

__all__ = ["chart_data", "plot_attribution_chain", "plot_entities", "plot_sources",
           "plot_timeline", "save_figure"]

#: Source type -> colour (Okabe-Ito, safe for colour-blind readers), in the order shown.
TYPE_COLOURS = {
    "anonymous": "#D55E00",
    "person": "#0072B2",
    "outlet": "#009E73",
    "organisation": "#CC79A7",
    "government": "#56B4E9",
    "document": "#E69F00",
    "other": "#999999",
    "article": "#333333",
}
FIRMNESS_COLOURS = {"stated firmly": "#4d4d4d", "hedged": "#E69F00", "denials": "#C0392B"}


def _short(name: str, width: int = 34) -> str:
    return textwrap.shorten(" ".join(str(name).split()), width=width, placeholder=" …")


def plot_sources(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Draw :func:`storyline.sources`: a bar per source, split into firm, hedged and denials.

    Sources are grouped under a heading per ``source_type`` (anonymous first: how much of
    the story rests on unnamed people is the first question a reader asks), most claims
    first within a group.

    Example:
        >>> from storyline import sources
        >>> ax = plot_sources(sources("Two officials said the dam leaked. The mayor said "
        ...                           "the dam was safe."))
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['ANONYMOUS', 'Two officials', 'PERSON', 'The mayor']
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 1.2 + 0.26 * (len(table) + 4)), layout="constrained")
    if table.empty:
        return say_empty(ax, "No sources found: the article attributes no claim to anyone.",
                         title="Claims per source")
    rows = []
    order = {kind: i for i, kind in enumerate(TYPE_COLOURS)}
    ranked = table.assign(_order=table["source_type"].map(order).fillna(len(order)))
    ranked = ranked.sort_values(["_order", "n_claims", "first_start"],
                                ascending=[True, False, True])
    for _, group in ranked.groupby("_order", sort=True):
        rows.append({"label": str(group["source_type"].iloc[0]).upper(), "heading": True})
        for source in group.itertuples():
            denials = int(source.n_denials)
            hedged = min(int(source.n_hedged), int(source.n_claims) - denials)
            rows.append({"label": _short(source.name), "heading": False,
                         "source_type": source.source_type, "source_id": source.source_id,
                         "stated firmly": int(source.n_claims) - denials - hedged,
                         "hedged": hedged, "denials": denials})
    drawn = pd.DataFrame(rows)
    for column in FIRMNESS_COLOURS:
        drawn[column] = drawn[column].fillna(0).astype(int)
    left = np.zeros(len(drawn))
    for column, colour in FIRMNESS_COLOURS.items():
        ax.barh(drawn.index, drawn[column], left=left, color=colour, height=0.65, label=column)
        left += drawn[column].to_numpy()
    ax.set_yticks(drawn.index, drawn["label"], fontsize=9)
    for label, heading in zip(ax.get_yticklabels(), drawn["heading"], strict=True):
        if heading:
            label.set_fontweight("bold")
            label.set_fontsize(8)
            label.set_color("#555555")
    ax.set_ylim(len(drawn) - 0.5, -0.7)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(left.max(), 1) * 1.08)
    ax.set_xlabel("claims made by the source")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_title("Claims per source, by type of source", loc="left", fontsize=11)
    return remember_data(ax, drawn[~drawn["heading"]].drop(columns="heading"))


def _columns(edges: pd.DataFrame, nodes: list[str]) -> dict[str, int]:
    """How many hand-overs each node is from the article (the article is 0)."""
    carry = edges[edges["relation"] != "denies"]
    depth = {node: (0 if node == "this article" else 1) for node in nodes}
    for _ in range(len(nodes)):
        changed = False
        for source, target in zip(carry["from"], carry["to"], strict=True):
            if depth[source] < depth[target] + 1:
                depth[source] = depth[target] + 1
                changed = True
        if not changed:
            break
    return depth


def _layout(edges: pd.DataFrame, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Node positions: relay columns left to right, deniers in a row underneath."""
    carrying = edges[edges["relation"] != "denies"]
    deniers = [node for node in nodes if node in set(edges.loc[edges["relation"] == "denies",
                                                                "from"])
               and set(carrying.loc[carrying["from"] == node, "to"]) <= {"this article"}
               and node not in set(carrying["to"])]
    flow = [node for node in nodes if node not in deniers]
    depth = _columns(edges[edges["from"].isin(flow)], flow)
    deepest = max(depth.values())
    columns: dict[int, list[str]] = {}
    for node in flow:
        columns.setdefault(deepest - depth[node], []).append(node)
    position: dict[str, tuple[float, float]] = {}
    for x in sorted(columns, reverse=True):  # right to left: order by where arrows land
        column = columns[x]
        column.sort(key=lambda node: (np.mean([position[t][1] for t in carrying.loc[
            carrying["from"] == node, "to"] if t in position] or [0.0]) * -1,
                                      nodes.index(node)))
        for i, node in enumerate(column):
            position[node] = (x, (len(column) - 1) / 2 - i)
    bottom = -max((len(column) - 1) / 2 for column in columns.values()) - 1.3
    targets = {node: np.mean([position[t][0] for t in edges.loc[
        (edges["from"] == node) & (edges["relation"] == "denies"), "to"] if t in position]
        or [0.0]) for node in deniers}
    deniers.sort(key=lambda node: (targets[node], nodes.index(node)))
    for i, node in enumerate(deniers):
        position[node] = (max(deepest, 1) * (i + 0.5) / len(deniers), bottom)
    return position


def plot_attribution_chain(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Draw :func:`storyline.sourcing.attribution_edges`: who passes whose claims to whom.

    Columns run from the first-hand sources on the left to "this article" on the right
    (officials → the Wall Street Journal → this article); those who only deny sit in a row
    underneath, with red dashed arrows pointing back at the source whose claim each denial
    answers. Sources the article quotes directly with no other link are listed above the
    graph rather than drawn, to keep it readable.

    Example:
        >>> import pandas as pd
        >>> edges = pd.DataFrame({
        ...     "from_name": ["Two officials", "Reuters", "The mayor"],
        ...     "from_type": ["anonymous", "outlet", "person"],
        ...     "to_name": ["Reuters", "this article", "Two officials"],
        ...     "to_type": ["outlet", "article", "anonymous"],
        ...     "relation": ["reports_to", "relays", "denies"]})
        >>> ax = plot_attribution_chain(edges)
        >>> sorted(text.get_text() for text in ax.texts if text.get_text())
        ['Reuters', 'The mayor', 'Two officials', 'this article']
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 6.5), layout="constrained")
    title = "Who passes whose claims to the article"
    if table.empty:
        return say_empty(ax, "No attributed claims, so no chain of sources to draw.",
                         title=title)
    edges = table.rename(columns={"from_name": "from", "to_name": "to"})
    edges = edges[["from", "from_type", "to", "to_type", "relation"]].drop_duplicates()
    kinds = dict(zip(edges["from"], edges["from_type"], strict=False))
    kinds.update(zip(edges["to"], edges["to_type"], strict=False))
    linked = set(edges.loc[edges["relation"] != "cites", "from"]) | set(
        edges.loc[edges["relation"] != "cites", "to"]) | set(
        edges.loc[edges["to"] != "this article", "from"])
    direct = [name for name in dict.fromkeys(edges["from"]) if name not in linked]
    if len(direct) <= 3 or not linked:  # collapse them only beside a chain worth seeing
        direct = []
    edges = edges[~edges["from"].isin(direct)]
    nodes = list(dict.fromkeys([*edges["from"], *edges["to"]]))
    position = _layout(edges, nodes)
    boxes = {}
    for node, (x, y) in position.items():
        colour = TYPE_COLOURS.get(kinds.get(node, "other"), "#999999")
        article = node == "this article"
        boxes[node] = ax.text(x, y, textwrap.fill(str(node), 22), ha="center", va="center",
                              fontsize=8.5, color="white" if article else "black", zorder=3,
                              bbox=dict(boxstyle="round,pad=0.4", linewidth=2,
                                        facecolor=colour if article else "white",
                                        edgecolor=colour))
    for source, target, relation in zip(edges["from"], edges["to"], edges["relation"],
                                        strict=True):
        denial = relation == "denies"
        ax.annotate("", position[target], position[source], arrowprops=dict(
            arrowstyle="-|>", color="#C0392B" if denial else "#888888",
            linestyle="--" if denial else "-", linewidth=1.4 if denial else 1,
            patchA=boxes[source].get_bbox_patch(), patchB=boxes[target].get_bbox_patch(),
            shrinkA=2, shrinkB=2, mutation_scale=13))
    xs = [x for x, _ in position.values()]
    ys = [y for _, y in position.values()]
    ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    ax.set_ylim(min(ys) - 0.7, max(ys) + 0.7)
    ax.set_axis_off()
    legend = [plt.Line2D([], [], color=TYPE_COLOURS[kind], marker="s", linestyle="none",
                         markerfacecolor="white", markeredgewidth=2, label=kind)
              for kind in TYPE_COLOURS if kind in set(kinds.values()) and kind != "article"]
    legend += [plt.Line2D([], [], color="#888888", label="passes claims on"),
               plt.Line2D([], [], color="#C0392B", linestyle="--", label="denies")]
    ax.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, 0), ncol=5,
              fontsize=8, frameon=False)
    note = ("Also quoted directly by the article (not drawn): " + ", ".join(direct)
            if direct else "")
    ax.set_title(title + ("\n" + textwrap.fill(note, 130) if note else ""), loc="left",
                 fontsize=10)
    return remember_data(ax, table.reset_index(drop=True))


def plot_entities(table: pd.DataFrame, *, ax: Axes | None = None, top: int = 12) -> Axes:
    """Draw :func:`storyline.entities` as a grid: how many sentences two names share.

    The ``top`` people, organisations, places and outlets by mentions (nationality words
    and other entities are left out); the diagonal shows each one's own mentions.

    Example:
        >>> from storyline import entities
        >>> ax = plot_entities(entities("Jo Ames met Tim Bell in Paris. Jo Ames left Paris."))
        >>> [label.get_text() for label in ax.get_xticklabels()]
        ['Jo Ames', 'Paris', 'Tim Bell']
    """
    kept = table[table["type"].isin(["PERSON", "ORGANIZATION", "GPE", "OUTLET"])]
    if ax is None:
        _, ax = plt.subplots(figsize=(8.5, 7.5), layout="constrained")
    if kept.empty:
        return say_empty(ax, "No people, organisations or places found.",
                         title="Who appears with whom")
    counts = kept.groupby("canonical")["sentence_id"].nunique()
    names = sorted(counts.index, key=lambda name: (-counts[name], name))[:top]
    sentences = kept[kept["canonical"].isin(names)].groupby("canonical")["sentence_id"].agg(set)
    grid = np.array([[len(sentences[a] & sentences[b]) for b in names] for a in names])
    shown = np.ma.masked_array(grid, mask=np.eye(len(names), dtype=bool))
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=max(int(shown.max() or 1), 1))
    for i in range(len(names)):
        for j in range(len(names)):
            if grid[i, j]:
                light = i != j and grid[i, j] > 0.6 * (shown.max() or 1)
                ax.text(j, i, str(grid[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if light else ("#888888" if i == j else "black"),
                        fontstyle="italic" if i == j else "normal")
    types = kept.groupby("canonical")["type"].first()
    labels = [_short(name, 26) for name in names]
    ax.set_xticks(range(len(names)), labels, rotation=45, ha="right", fontsize=8.5)
    ax.set_yticks(range(len(names)), [f"{label} ({types[name].lower()[:3]})"
                                      for label, name in zip(labels, names, strict=True)],
                  fontsize=8.5)
    ax.figure.colorbar(image, ax=ax, shrink=0.6, label="sentences in which both appear",
                       ticks=MaxNLocator(integer=True))
    ax.set_title("Who appears with whom (grey on the diagonal: sentences naming each one)",
                 loc="left", fontsize=10)
    pairs = [{"entity": a, "other": b, "sentences": int(grid[i, j])}
             for i, a in enumerate(names) for j, b in enumerate(names)]
    return remember_data(ax, pd.DataFrame(pairs))
