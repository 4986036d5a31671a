"""Attribution edges, chains and the sourcing profile, on hand-written text and the example."""

from __future__ import annotations

from storyline import attribution_chains, attribution_edges, sourcing_profile
from storyline.analysis import analyze
from storyline.sourcing import CHAIN_COLUMNS, EDGE_COLUMNS, PROFILE_COLUMNS
from storyline.tables import check_table

RELAYED = ("Two officials told Reuters that the plant would shut. Sources familiar with the "
           "plan said the workers had not been told. The company denied that the plant would "
           "shut.")


def relations(text: str) -> list[tuple[str, str, str]]:
    edges = attribution_edges(text)
    return list(zip(edges.from_name, edges.relation, edges.to_name))


def test_source_told_an_outlet_which_relays_to_the_article():
    found = relations(RELAYED)
    assert ("Two officials", "reports_to", "Reuters") in found
    assert ("Reuters", "relays", "this article") in found


def test_anonymous_run_is_inferred_to_come_through_the_same_outlet():
    edges = attribution_edges(RELAYED)
    inferred = edges[edges.inferred]
    assert ("Sources familiar with the plan", "Reuters") in set(
        zip(inferred.from_name, inferred.to_name))


def test_denial_points_back_at_the_source_it_answers():
    found = relations(RELAYED)
    denials = [edge for edge in found if edge[1] == "denies"]
    assert denials and denials[0][0] == "The company"


def test_nested_attribution_is_cited_by_the_outer_source():
    text = "The report cited claims from local officials, who say that the dam leaked."
    chains = attribution_chains(text)
    assert "local officials → The report → this article" in chains.chain.tolist()


def test_named_source_is_cited_by_the_article():
    assert relations("Mayor Jo Ames said the bridge was safe.") == [
        ("Jo Ames", "cites", "this article")]


def test_edges_point_at_their_cue():
    for row in attribution_edges(RELAYED).itertuples():
        assert RELAYED[row.start:row.end] == row.text


def test_profile_counts_and_chain():
    profile = sourcing_profile(RELAYED).iloc[0]
    assert profile.n_claims == 3
    assert profile.n_anonymous_claims == 2
    assert profile.deniers == "The company"
    assert profile.outlets_cited == "Reuters"
    assert profile.chain == ("Two officials; Sources familiar with the plan → Reuters → "
                             "this article")


def test_profile_of_text_without_claims():
    profile = sourcing_profile("The sun rose over the hills.").iloc[0]
    assert profile.n_claims == 0 and profile.share_anonymous == 0.0 and profile.chain == ""


def test_columns_match_declaration(example):
    check_table(attribution_edges(example), EDGE_COLUMNS)
    check_table(attribution_chains(example), CHAIN_COLUMNS)
    check_table(sourcing_profile(example), PROFILE_COLUMNS)


# ------------------------------------------------------------------ the example's must-shows

def test_example_central_allegation_rests_on_anonymous_sources_relayed_by_the_journal(example):
    profile = sourcing_profile(example).iloc[0]
    origins, *relays = profile.chain.split(" → ")
    assert relays == ["The Wall Street Journal", "this article"]
    assert "western security officials" in origins and "Two officials" in origins


def test_example_denials_and_outlets(example):
    profile = sourcing_profile(example).iloc[0]
    deniers = profile.deniers.split("; ")
    assert {"The Kremlin", "Dmitry Peskov", "Elon Musk"} <= set(deniers)
    assert "The Washington Post" in profile.outlets_cited.split("; ")


def test_analyze_includes_the_profile_and_edges(example):
    tables = analyze(example)
    assert {"sources", "sourcing_profile", "attribution_edges"} <= set(tables)
