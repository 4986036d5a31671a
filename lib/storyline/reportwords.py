"""What the report says in words: the sourcing profile as sentences, the tables as rows.

Example:
    >>> from storyline.analysis import analyze
    >>> profile_sentences(analyze("The dam leaked, two engineers said."))[0]
    '1 claim from 1 source.'
"""

from __future__ import annotations

import textwrap

import pandas as pd


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _profile(tables: dict[str, pd.DataFrame]) -> dict:
    """The sourcing profile's figures: its table when computed, else counted from claims."""
    profile = tables.get("sourcing_profile")
    if profile is not None and len(profile):
        return profile.iloc[0].to_dict()
    claims = tables.get("claims", pd.DataFrame(columns=["source_id", "hedged", "denial"]))
    sources = tables.get("sources", pd.DataFrame(columns=["source_id", "source_type", "name"]))
    types = dict(zip(sources["source_id"], sources["source_type"], strict=True))
    kinds = [types.get(s, "") if pd.notna(s) else "unattributed" for s in claims["source_id"]]
    names = dict(zip(sources["source_id"], sources["name"], strict=True))
    deniers = dict.fromkeys(names.get(s, "") for s in claims.loc[claims["denial"], "source_id"])
    return {"n_claims": len(claims), "n_sources": len(sources),
            "n_anonymous_claims": kinds.count("anonymous"),
            "n_unattributed_claims": kinds.count("unattributed"),
            "share_hedged": claims["hedged"].mean() if len(claims) else 0.0,
            "n_denials": int(claims["denial"].sum()), "deniers": "; ".join(filter(None, deniers)),
            "outlets_cited": "; ".join(sources.loc[sources["source_type"] == "outlet", "name"]),
            "central_claim": "", "chain": ""}


def profile_sentences(tables: dict[str, pd.DataFrame]) -> list[str]:
    """The sourcing profile in plain words ("7 of 20 claims rest on anonymous sources")."""
    profile = _profile(tables)
    claims = int(profile["n_claims"])
    if claims == 0:
        return ["No attributed claims were found: the article does not say on whose word it "
                "reports anything."]
    said = [f"{_plural(claims, 'claim')} from {_plural(int(profile['n_sources']), 'source')}."]
    anonymous = int(profile["n_anonymous_claims"])
    unattributed = int(profile["n_unattributed_claims"])
    said.append(f"{anonymous} of {claims} claims rest on anonymous sources"
                + (f", and {unattributed} name no source at all ('reportedly', 'it is "
                   "understood')." if unattributed else "."))
    hedged = round(float(profile["share_hedged"]) * claims)
    said.append(f"{hedged} of {claims} claims are hedged (believe, could, allegedly, "
                "anonymous or no source).")
    denials = int(profile["n_denials"])
    said.append(f"{_plural(denials, 'denial')}" + (f", by {profile['deniers'].replace('; ', ', ')}."
                                                 if denials and profile["deniers"] else "."))
    if profile["outlets_cited"]:
        said.append(f"Other outlets cited: {profile['outlets_cited'].replace('; ', ', ')}.")
    if profile.get("central_claim") and profile.get("chain"):
        claim = textwrap.shorten(str(profile["central_claim"]), 140, placeholder=" …")
        said.append(f"The central claim, “{claim}”, comes by way of: {profile['chain']}.")
    return said


def _text(value, *, markdown: bool) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    text = " ".join(str(value).split())
    if markdown:  # no raw HTML and no broken table rows in Markdown viewers
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|"))
    return text


def markdown_text(value) -> str:
    """``value`` as one line of Markdown that shows as typed (no HTML, no table breaks)."""
    return _text(value, markdown=True)


def _yes(value) -> str:
    return "yes" if value is True or (pd.notna(value) and bool(value)) else ""


def _claim_rows(claims: pd.DataFrame) -> list[tuple[str, list]]:
    return [(f"claim-{row.claim_id}",
             [row.claim_id, row.source_resolved or row.source_text or "(no source)", row.cue,
              row.content, row.quote_type, _yes(row.hedged), _yes(row.denial),
              "" if pd.isna(row.answers_claim_id) else int(row.answers_claim_id)])
            for row in claims.itertuples()]


def _source_rows(sources: pd.DataFrame) -> list[tuple[str, list]]:
    return [(f"source-{row.source_id}",
             [row.source_id, row.name, row.source_type, row.role, row.affiliation,
              row.n_claims, row.n_hedged, row.n_denials])
            for row in sources.itertuples()]


def _timeline_rows(timeline: pd.DataFrame) -> list[tuple[str, list]]:
    rows = []
    for row in timeline.itertuples():
        if row.kind == "publication":
            rows.append(("", ["", "publication", row.value, "(the article is published)", ""]))
            continue
        target = "" if pd.isna(row.timex_id) else f"timex-{int(row.timex_id)}"
        rows.append((target, [row.event_id, row.timex_text, row.value, row.text,
                              row.source_text]))
    return rows


SECTIONS = {
    "claims": ("Claims", ["#", "source", "cue", "what is claimed", "quote", "hedged", "denial",
                          "answers claim"], _claim_rows,
               "No claims found: nobody is quoted or cited in this article."),
    "sources": ("Sources", ["#", "name", "type", "role", "affiliation", "claims", "hedged",
                            "denials"], _source_rows,
                "No sources found: the article attributes nothing to anyone."),
    "timeline": ("Timeline", ["#", "when (words)", "value", "event", "source"], _timeline_rows,
                 "No dates found: the article places nothing in time."),
}


def table_rows(tables: dict[str, pd.DataFrame], *, markdown: bool = False) -> list[dict]:
    """The claims, sources and timeline sections: title, columns, rows (target, cells), or
    the words to show instead ("No claims found ...")."""
    sections = []
    for name, (title, columns, rows_of, empty) in SECTIONS.items():
        frame = tables.get(name)
        rows = [] if frame is None else [
            {"target": target, "cells": [_text(cell, markdown=markdown) for cell in cells]}
            for target, cells in rows_of(frame)]
        if name == "timeline" and frame is not None and (frame["kind"] == "event").sum() == 0:
            rows = []  # the publication alone is no timeline
        sections.append({"name": name, "title": title, "columns": columns, "rows": rows,
                         "empty": (f"The {name} table was not computed." if frame is None
                                   else empty)})
    return sections
