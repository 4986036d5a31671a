"""Sources on hand-written news text: each type, each merge rule, and the example's must-shows."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import claims, sources
from storyline.analysis import analyze
from storyline.describe import describe_source
from storyline.sources import SOURCE_COLUMNS
from storyline.tables import check_table


def source_named(table: pd.DataFrame, name: str) -> pd.Series:
    rows = table[table.name == name]
    assert len(rows) == 1, table[["name", "source_type", "aliases"]]
    return rows.iloc[0]


@pytest.mark.parametrize(("phrase", "source_type"), [
    ("Two officials", "anonymous"),
    ("sources familiar with the negotiations", "anonymous"),
    ("a former intelligence officer", "anonymous"),
    ("people close to the minister", "anonymous"),
    ("White House officials", "anonymous"),
    ("The letter", "document"),
    ("a report", "document"),
    ("the Financial Times", "outlet"),
    ("Reuters", "outlet"),
    ("the FBI", "government"),
    ("the Taiwanese government", "government"),
    ("France", "government"),
    ("the company", "organisation"),
    ("the House Oversight Committee", "organisation"),
    ("Mayor Jo Ames", "person"),
    ("spokeswoman Hope Hicks", "person"),
])
def test_phrase_types(phrase, source_type):
    assert describe_source(phrase).source_type == source_type


@pytest.mark.parametrize(("phrase", "source_type", "name"), [
    ("The Republican National Committee", "organisation", "Republican National Committee"),
    ("the state tax commissioner", "person", "the state tax commissioner"),
    ("the 40-year-old mother of two", "anonymous", "the 40-year-old mother of two"),
    ("Some", "anonymous", "Some"),
    ("Recently", "other", "Recently"),
    ("Gingrich cynically", "person", "Gingrich"),
    ("the Springfield Gazette", "outlet", "the Springfield Gazette"),
])
def test_phrase_types_and_names(phrase, source_type, name):
    described = describe_source(phrase)
    assert (described.source_type, described.name) == (source_type, name)


def test_the_article_entities_decide_a_bare_name_each_time():
    # described phrases are cached: the type one article's entities give a name must not
    # stick to the same name in the next article
    types = [describe_source("Dunmore", {"Dunmore": kind}).source_type
             for kind in ("GPE", "PERSON", "ORGANIZATION")]
    assert types == ["government", "person", "organisation"]
    assert describe_source("Dunmore", {"Dunmore Mills": "ORGANIZATION"}).source_type == \
        "person"


def test_role_between_affiliation_and_name():
    described = describe_source("Tulsa police Chief Chuck Jordan")
    assert (described.name, described.role, described.affiliation) == (
        "Chuck Jordan", "police Chief", "Tulsa")


def test_appositive_gives_role_and_affiliation():
    described = describe_source("Maria Lopez, spokesperson for the Interior Ministry")
    assert (described.name, described.role, described.affiliation) == (
        "Maria Lopez", "spokesperson", "the Interior Ministry")


def test_title_before_name_gives_role_and_parenthetical_is_dropped():
    described = describe_source("Prime Minister Anna Berg (pictured)")
    assert (described.source_type, described.name, described.role) == (
        "person", "Anna Berg", "Prime Minister")


def test_anonymous_groups_are_not_named():
    table = sources("Two officials said the plant would close. Sources familiar with the talks "
                    "said a deal was near. A former intelligence officer said the files were lost.")
    assert table.source_type.tolist() == ["anonymous"] * 3
    assert not table.named.any()
    assert table.anonymous.all()


def test_outlet_aliases_are_one_source():
    table = sources("Two officials told the Financial Times that talks had stalled. "
                    "The deal is off, the FT reports.")
    outlet = source_named(table, "Financial Times")
    assert outlet.source_type == "outlet"
    assert len(outlet.mentions) == 2
    assert outlet.n_claims == 1  # being told something is not a claim of its own


def test_surname_joins_full_name_and_role_is_kept():
    table = sources("Mayor Jo Ames said the bridge was safe. Ames said repairs would start "
                    "in May.")
    person = source_named(table, "Jo Ames")
    assert (person.role, person.n_claims) == ("Mayor", 2)
    assert "Ames" in person.aliases


def test_two_people_sharing_a_surname_do_not_merge():
    text = ("Hillary Clinton said the plan would work. Bill Clinton said it was too costly. "
            "Clinton added that a vote was due.")
    table = sources(text)
    people = table[table.source_type == "person"]
    assert set(people.name) == {"Hillary Clinton", "Bill Clinton"}
    bill = source_named(table, "Bill Clinton")
    assert bill.n_claims == 2 and bill.ambiguous  # the bare surname goes to the nearest
    assert source_named(table, "Hillary Clinton").n_claims == 1


def test_pronoun_source_joins_the_person_it_refers_to():
    table = sources("Senator Ruth Okafor criticised the budget on Monday. She said the cuts "
                    "would hurt schools.")
    person = source_named(table, "Ruth Okafor")
    assert "She" in person.aliases
    assert person.n_claims >= 1


def test_pronoun_skips_a_person_whose_first_name_says_otherwise():
    table = sources("Mayor Tom Reyes met Senator Ruth Okafor on Monday. Reyes said the talks "
                    "went well. Later she said the budget was settled.")
    assert "she" in source_named(table, "Ruth Okafor").aliases


def test_relative_pronoun_takes_the_group_before_it():
    table = sources("The report cited claims from local officials, who say that the dam "
                    "leaked.")
    officials = table[table.source_type == "anonymous"].iloc[0]
    assert officials.text == "who"
    assert "officials" in officials["name"]


def test_documents_are_sources():
    table = sources("The letter demanded answers from the agency. A report said costs had "
                    "doubled.")
    assert table.source_type.tolist() == ["document", "document"]
    assert not table.named.any()


def test_denials_are_counted_per_source():
    table = sources("Officials said the minister knew. The minister denied the claims.")
    assert table.n_denials.tolist() == [0, 1]


def test_claims_link_to_their_source_row():
    text = "Ann Lee said it rained. Lee said it was cold. It was, reportedly, freezing."
    table = claims(text)
    assert table.source_id.tolist()[:2] == [0, 0]
    assert table.source_id.isna().iloc[-1]


def test_sources_link_to_entities():
    table = sources("Dmitry Ivanov, spokesperson for the Kremlin, insisted that the talks failed.")
    assert len(table.iloc[0].entity_ids) == 2


def test_columns_match_declaration(example):
    check_table(sources(example), SOURCE_COLUMNS)
    check_table(sources("No attribution here."), SOURCE_COLUMNS)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([
    "Two officials said the road was shut.", "Mayor Jo Ames denied it.", "She said so.",
    "The letter cited claims from residents, who say the water is unsafe.",
    "It is cold, the BBC reports.", "Ames told Reuters the plan failed.",
]), min_size=1, max_size=5))
def test_fullest_mention_and_mentions_point_at_the_text(pieces):
    text = " ".join(pieces)
    for row in sources(text).itertuples():
        assert text[row.start:row.end] == row.text
        assert [row.start, row.end] in row.mentions
        assert row.first_start == row.mentions[0][0]


# ------------------------------------------------------------------ the example's must-shows

def test_example_outlets_are_single_sources(example):
    table = sources(example)
    wsj = source_named(table, "The Wall Street Journal")
    assert wsj.source_type == "outlet"
    assert {"the WSJ", "the Wall Street Journal"} <= set(wsj.aliases)
    assert source_named(table, "The Washington Post").source_type == "outlet"


def test_example_lai_is_one_person_with_role_president(example):
    table = sources(example)
    lai = table[table.name.str.contains("Lai")]
    assert len(lai) == 1
    assert (lai.iloc[0].source_type, lai.iloc[0].role) == ("person", "President")
    assert lai.iloc[0].n_claims == 3


def test_example_denials_come_from_named_sources(example):
    table = sources(example)
    deniers = table[table.n_denials > 0]
    assert deniers.named.all()
    assert {"The Kremlin", "Dmitry Peskov", "Elon Musk"} <= set(deniers.name)


def test_example_central_allegation_is_anonymous(example):
    table = sources(example)
    anonymous = table[table.anonymous]
    assert len(anonymous) >= 3
    assert "western security officials" in set(anonymous.name)


def test_analyze_includes_sources(example):
    assert "sources" in analyze(example)
