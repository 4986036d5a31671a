"""Article text as a tree of nested highlights, for the report's marked-up text.

Claims, source mentions and time expressions overlap: a time expression sits inside a
claim, a claim inside another's content. :func:`highlight_tree` nests them; where two spans
cross, the later one is split at the boundary into pieces that share its ``key``, so every
character keeps all its highlights and the pieces of one span together read exactly
``text[start:end]``.

Example:
    >>> tree = highlight_tree("Rain fell in May.", [Span(0, 16, "claim", "claim-0"),
    ...                                              Span(13, 16, "timex", "timex-0")])
    >>> tree[0]["span"].key, tree[0]["children"][1]["span"].key, tree[1]
    ('claim-0', 'timex-0', {'text': '.'})
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

KIND_ORDER = {"claim": 0, "source": 1, "timex": 2}


@dataclass(frozen=True)
class Span:
    """One highlight: half-open offsets, its kind (claim/source/timex), a unique key, a title."""

    start: int
    end: int
    kind: str
    key: str
    title: str = ""


def highlight_tree(text: str, spans: list[Span]) -> list[dict]:
    """Nodes ``{"text": str}`` or ``{"span": Span, "first": bool, "children": [...]}``.

    ``first`` is true on the first piece of a span (the one a link should point at).
    Spans with negative or empty offsets are left out.
    """
    root: dict = {"children": [], "end": len(text)}
    stack, position = [root], 0
    heap = [(span.start, -span.end, KIND_ORDER.get(span.kind, 9), i, span, True)
            for i, span in enumerate(spans) if 0 <= span.start < span.end <= len(text)]
    heapq.heapify(heap)

    def add_text(upto: int) -> None:
        nonlocal position
        if upto > position:
            stack[-1]["children"].append({"text": text[position:upto]})
            position = upto

    def close() -> None:
        add_text(stack[-1]["end"])
        stack.pop()

    while heap:
        start, negative_end, order, i, span, first = heapq.heappop(heap)
        end = -negative_end
        while len(stack) > 1 and stack[-1]["end"] <= start:
            close()
        add_text(start)
        if end > stack[-1]["end"]:  # crosses its container: the rest continues after it
            heapq.heappush(heap, (stack[-1]["end"], -end, order, i, span, False))
            end = stack[-1]["end"]
        node = {"span": span, "first": first, "children": [], "end": end}
        stack[-1]["children"].append(node)
        stack.append(node)
    while len(stack) > 1:
        close()
    add_text(len(text))
    return _strip(root["children"])


def _strip(nodes: list[dict]) -> list[dict]:
    """The tree without the bookkeeping ``end`` keys."""
    return [node if "text" in node else
            {"span": node["span"], "first": node["first"], "children": _strip(node["children"])}
            for node in nodes]
