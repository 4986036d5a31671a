"""How a story is sourced: who passed each claim to the article, and a one-row profile.

:func:`attribution_edges` lists who spoke to whom, from the claims and sources tables:

* ``reports_to``: a source spoke to an outlet ("Two officials told the WSJ"). Unnamed
  sources in a run of consecutive anonymous claims are taken to have spoken to the outlet
  that one of them told, or that the article cites right after the run; those edges have
  ``inferred`` true, since the article does not say so in as many words;
* ``cites``: a source is cited by the one whose claim holds its words ("The letter cited
  allegations from officials, who say ..."), or by the article itself;
* ``relays``: an outlet or document passes on to the article what it was told or found;
* ``denies``: a denial points back at the source of the claim it answers
  (``answers_claim_id`` in :func:`storyline.claims`).

:func:`attribution_chains` follows the edges from each claim's source to the article, and
:func:`sourcing_profile` sums an article up in one row.

Example:
    >>> text = ("The dam leaked, two engineers told the Gazette. "
    ...         "The mayor denied that the dam leaked.")
    >>> attribution_chains(text).chain.tolist()
    ['two engineers → the Gazette → this article', 'The mayor → this article']
"""

from __future__ import annotations

import functools
from collections import Counter

import pandas as pd

from storyline.articles import Article
from storyline.claims import _claim_rows
from storyline.sources import _analysed, claim_source_ids
from storyline.tables import make_table
from storyline.text import as_article

ARTICLE = "this article"

EDGE_COLUMNS = {
    "from_source_id": "Int64",
    "from_name": "string",
    "from_type": "string",
    "to_source_id": "Int64",
    "to_name": "string",
    "to_type": "string",
    "relation": "string",
    "claim_id": "int64",
    "inferred": "bool",
    "start": "int64",
    "end": "int64",
    "text": "string",
}
"""Columns of :func:`attribution_edges`: one row per edge and claim. ``from_*`` and
``to_*`` are rows of :func:`storyline.sources` (``to_source_id`` is ``<NA>`` and
``to_type`` "article" for the article itself). ``relation`` is reports_to, cites, relays or
denies (see the module docstring); ``inferred`` marks edges the article implies without
saying. ``start``, ``end`` and ``text`` are the claim's cue, the words that make the edge."""

CHAIN_COLUMNS = {
    "claim_id": "int64",
    "source_id": "Int64",
    "chain": "string",
    "path": "object",
    "n_hops": "int64",
    "origin_type": "string",
    "anonymous_origin": "bool",
    "inferred": "bool",
}
"""Columns of :func:`attribution_chains`: one row per claim. ``chain`` reads "officials →
the Journal → this article"; ``path`` lists the source ids from the claim's source to the
last one before the article; ``n_hops`` counts the arrows; ``origin_type`` is the source
type of the first; ``inferred`` is true when an inferred edge is on the way."""

PROFILE_COLUMNS = {
    "article_id": "string",
    "n_claims": "int64",
    "n_sources": "int64",
    "n_anonymous_claims": "int64",
    "n_unattributed_claims": "int64",
    "share_anonymous": "float64",
    "share_hedged": "float64",
    "n_denials": "int64",
    "deniers": "string",
    "outlets_cited": "string",
    "central_claim_id": "Int64",
    "central_claim": "string",
    "chain": "string",
}
"""Columns of :func:`sourcing_profile`. ``share_anonymous`` is the share of claims whose
source is anonymous or that name no source at all ("reportedly");
``n_unattributed_claims`` counts the latter. ``deniers`` and ``outlets_cited`` are
``; ``-separated names. The central claim is the one most denials answer (else the first
with a source); ``chain`` says where it comes from, listing every anonymous source of the
run of claims it belongs to ("western officials; two officials → the Journal → this
article")."""


def attribution_edges(article: Article | str) -> pd.DataFrame:
    """Who passed each claim to whom; see :data:`EDGE_COLUMNS`.

    Example:
        >>> edges = attribution_edges("Two officials told Reuters the plant shut. "
        ...                           "The company denied that the plant shut.")
        >>> edges[["from_name", "relation", "to_name"]]
               from_name    relation        to_name
        0  Two officials  reports_to        Reuters
        1        Reuters      relays   this article
        2    The company      denies  Two officials
        3    The company       cites   this article
    """
    _, source_rows, edges = _sourcing(as_article(article))
    return make_table([_edge(source_rows, *edge) for edge in edges], EDGE_COLUMNS)


def attribution_chains(article: Article | str) -> pd.DataFrame:
    """For each claim, the sources its words passed through; see :data:`CHAIN_COLUMNS`.

    Example:
        >>> attribution_chains("Prices rose, according to the Journal.").chain.tolist()
        ['The Wall Street Journal → this article']
    """
    return make_table(_chain_rows(as_article(article)), CHAIN_COLUMNS)


def sourcing_profile(article: Article | str) -> pd.DataFrame:
    """One row summing up how ``article`` is sourced; see :data:`PROFILE_COLUMNS`.

    Example:
        >>> profile = sourcing_profile("The dam leaked, two engineers told the Gazette. "
        ...                            "The mayor denied that the dam leaked.")
        >>> profile[["n_claims", "share_anonymous", "deniers", "central_claim_id"]]
           n_claims  share_anonymous    deniers  central_claim_id
        0         2              0.5  The mayor                 0
        >>> profile.chain[0]
        'two engineers → the Gazette → this article'
    """
    article = as_article(article)
    claim_rows, source_rows, _ = _sourcing(article)
    n_claims = len(claim_rows)
    types = {s["source_id"]: s["source_type"] for s in source_rows}
    kind = [types.get(c["source_id"]) for c in claim_rows]
    n_anonymous = sum(k == "anonymous" for k in kind)
    n_unattributed = sum(k is None for k in kind)
    deniers = list(dict.fromkeys(source_rows[c["source_id"]]["name"] for c in claim_rows
                                 if c["denial"] and c["source_id"] is not None))
    outlets = [s["name"] for s in source_rows if s["source_type"] == "outlet"]
    central = _central_claim(claim_rows)
    chain = _central_chain(central, _chain_rows(article), source_rows) \
        if central is not None else ""
    row = {
        "article_id": article.id, "n_claims": n_claims, "n_sources": len(source_rows),
        "n_anonymous_claims": n_anonymous, "n_unattributed_claims": n_unattributed,
        "share_anonymous": (n_anonymous + n_unattributed) / n_claims if n_claims else 0.0,
        "share_hedged": sum(c["hedged"] for c in claim_rows) / n_claims if n_claims else 0.0,
        "n_denials": sum(c["denial"] for c in claim_rows), "deniers": "; ".join(deniers),
        "outlets_cited": "; ".join(outlets),
        "central_claim_id": central if central is not None else pd.NA,
        "central_claim": claim_rows[central]["content"] if central is not None else "",
        "chain": chain,
    }
    return make_table([row], PROFILE_COLUMNS)


# ------------------------------------------------------------------ edges from the tables

_CLAIM_FIELDS = ("claim_id", "parent_claim_id", "answers_claim_id",
                 "recipient_start", "recipient_end", "cue_start", "cue_end", "cue", "denial",
                 "hedged", "content")
_SOURCE_FIELDS = ("source_id", "name", "source_type", "anonymous", "mentions")

@functools.lru_cache(maxsize=64)
def _sourcing(article: Article) -> tuple[list[dict], list[dict], tuple[tuple, ...]]:
    """The rows of :func:`storyline.claims` and :func:`storyline.sources` as plain dicts
    (``None`` where missing; a claim's and a source's id is its row number), and the edges
    between them as (claim, from source id, to source id or None for the article, relation,
    inferred). Cached for the three tables here; callers must not change them."""
    claim_rows = [{**_plain(row, _CLAIM_FIELDS), "source_id": source_id}
                  for row, source_id in zip(_claim_rows(article), claim_source_ids(article))]
    source_rows = [_plain(row, _SOURCE_FIELDS) for row in _analysed(article)[0]]
    return claim_rows, source_rows, tuple(_edges(claim_rows, source_rows))


def _plain(row: dict, fields: tuple[str, ...]) -> dict:
    return {name: None if row[name] is pd.NA else row[name] for name in fields}


def _edges(claim_rows: list[dict], source_rows: list[dict]):
    """(claim, from source id, to source id or None for the article, relation, inferred)."""
    types = {s["source_id"]: s["source_type"] for s in source_rows}
    by_id = {c["claim_id"]: c for c in claim_rows}
    told = _recipients(claim_rows, source_rows)
    relays = _inferred_relays(claim_rows, types, told)
    for claim in claim_rows:
        source = claim["source_id"]
        if source is None:
            continue
        recipient = told.get(claim["claim_id"])
        inferred_to = relays.get(claim["claim_id"])
        if recipient is not None and recipient != source:
            yield claim, source, recipient, "reports_to", False
        elif inferred_to is not None and inferred_to != source:
            yield claim, source, inferred_to, "reports_to", True
        parent = by_id.get(claim["parent_claim_id"])
        if claim["answers_claim_id"] is not None:
            answered = by_id.get(claim["answers_claim_id"])
            if answered is not None and answered["source_id"] is not None:
                yield claim, source, answered["source_id"], "denies", False
        if parent is not None and parent["source_id"] is not None and \
                parent["source_id"] != source:
            yield claim, source, parent["source_id"], "cites", False
            continue
        relay = recipient if recipient is not None else inferred_to
        if relay is not None and relay != source:
            yield claim, relay, None, "relays", inferred_to is not None and recipient is None
        elif types[source] in ("outlet", "document"):
            yield claim, source, None, "relays", False
        else:
            yield claim, source, None, "cites", False


def _recipients(claim_rows: list[dict], source_rows: list[dict]) -> dict[int, int]:
    """claim_id -> source id of the outlet or source it was told to."""
    at = {(start, end): s["source_id"] for s in source_rows for start, end in s["mentions"]}
    return {c["claim_id"]: at[(c["recipient_start"], c["recipient_end"])]
            for c in claim_rows if (c["recipient_start"], c["recipient_end"]) in at}


def _inferred_relays(claim_rows: list[dict], types: dict, told: dict[int, int]
                     ) -> dict[int, int]:
    """Anonymous claims in a run of consecutive anonymous claims -> the outlet of the run:
    the one a member told, or the outlet the article cites right after the run."""
    relays: dict[int, int] = {}
    run: list[int] = []
    for claim in [*claim_rows, None]:
        if claim is not None and claim["source_id"] is None:
            continue  # "reportedly": no source, so no break in the run
        anonymous = claim is not None and types[claim["source_id"]] == "anonymous" and \
            claim["parent_claim_id"] is None
        if anonymous:
            run.append(claim["claim_id"])
            continue
        if run:
            outlets = [told[c] for c in run if c in told and types[told[c]] == "outlet"]
            if not outlets and claim is not None and types[claim["source_id"]] == "outlet":
                outlets = [claim["source_id"]]
            for member in run:
                if outlets and member not in told:
                    relays[member] = outlets[0]
        run = []
    return relays


def _edge(source_rows: list[dict], claim: dict, frm: int, to: int | None, relation: str,
          inferred: bool) -> dict:
    target = source_rows[to] if to is not None else None
    origin = source_rows[frm]
    return {
        "from_source_id": frm, "from_name": origin["name"], "from_type": origin["source_type"],
        "to_source_id": to if to is not None else pd.NA,
        "to_name": target["name"] if target is not None else ARTICLE,
        "to_type": target["source_type"] if target is not None else "article",
        "relation": relation, "claim_id": claim["claim_id"], "inferred": inferred,
        "start": claim["cue_start"], "end": claim["cue_end"], "text": claim["cue"],
    }


@functools.lru_cache(maxsize=64)
def _chain_rows(article: Article) -> tuple[dict, ...]:
    """The rows of :func:`attribution_chains`, made once for it and the profile's chain."""
    return tuple(_chains(*_sourcing(article)))


def _chains(claim_rows: list[dict], source_rows: list[dict], edges: tuple[tuple, ...]
            ) -> list[dict]:
    """The rows of :func:`attribution_chains`."""
    upward: dict[int, tuple[int, bool]] = {}  # claim_id -> (next source id, inferred)
    for claim, frm, to, relation, inferred in edges:
        if relation in ("reports_to", "cites") and to is not None and frm != to:
            upward.setdefault(claim["claim_id"], (to, inferred))
    by_id = {c["claim_id"]: c for c in claim_rows}
    rows = []
    for claim in claim_rows:
        path, inferred = _path(claim, by_id, upward)
        first = source_rows[path[0]] if path else None
        rows.append({
            "claim_id": claim["claim_id"], "source_id": claim["source_id"],
            "chain": " → ".join([*([source_rows[i]["name"] for i in path]
                                   or ["(unattributed)"]), ARTICLE]),
            "path": path, "n_hops": len(path),
            "origin_type": first["source_type"] if first is not None else "",
            "anonymous_origin": bool(first is None or first["anonymous"]),
            "inferred": inferred,
        })
    return rows


def _path(claim: dict, by_id: dict, upward: dict[int, tuple[int, bool]]
          ) -> tuple[list[int], bool]:
    """Source ids from the claim's source up to the last before the article."""
    if claim["source_id"] is None:
        return [], False
    path, inferred, seen = [claim["source_id"]], False, set()
    while claim is not None and claim["claim_id"] not in seen:
        seen.add(claim["claim_id"])
        step = upward.get(claim["claim_id"])
        if step is not None and step[0] not in path:
            path.append(step[0])
            inferred = inferred or step[1]
        parent = by_id.get(claim["parent_claim_id"])
        if parent is not None and parent["source_id"] is not None and \
                parent["source_id"] not in path:
            path.append(parent["source_id"])
        claim = parent
    return path, inferred


def _central_claim(claim_rows: list[dict]) -> int | None:
    """The claim most denials answer; without denials, the first claim with a source."""
    answered = Counter(c["answers_claim_id"] for c in claim_rows
                       if c["answers_claim_id"] is not None)
    if answered:
        most = max(answered.values())
        return min(claim_id for claim_id, n in answered.items() if n == most)
    with_source = [c["claim_id"] for c in claim_rows if c["source_id"] is not None]
    if with_source:
        return with_source[0]
    return claim_rows[0]["claim_id"] if claim_rows else None


def _central_chain(central: int, chains: tuple[dict, ...], source_rows: list[dict]) -> str:
    """The central claim's chain, with every origin of the same kind (anonymous or not) whose
    words reach the article the same way ("western officials; two officials → the Journal")."""
    own = next(row for row in chains if row["claim_id"] == central)
    if not own["path"]:
        return own["chain"]
    rest = own["path"][1:]
    origins = [row["path"][0] for row in chains
               if rest and row["path"][1:] == rest
               and row["anonymous_origin"] == own["anonymous_origin"]]
    names = [source_rows[i]["name"] for i in dict.fromkeys(origins or [own["path"][0]])]
    return " → ".join(["; ".join(names), *(source_rows[i]["name"] for i in rest), ARTICLE])
