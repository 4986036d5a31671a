"""Claim rules tuned by reading PolNeAR errors, each checked on a hand-written news sentence."""

from __future__ import annotations

from conftest import only
from storyline import claims
from storyline.quotes import quote_spans


def test_reported_speech_ends_before_a_concession():
    row = only("The minister said the tax would raise $2 billion, although economists doubt it.")
    assert row.content == "the tax would raise $2 billion"


def test_reported_speech_ends_at_a_semicolon():
    row = only("The agency estimates that prices will rise 3 percent; rivals put it at 5 percent.")
    assert row.content == "that prices will rise 3 percent"


def test_reported_speech_ends_before_a_new_clause_after_and():
    row = only("The council announced that it would cut bus fares, and the old depot will "
               "close in June.")
    assert row.content == "that it would cut bus fares"


def test_and_between_two_reported_verbs_keeps_one_content():
    row = only("Police say the driver ignored a signal and drove on.")
    assert row.content == "the driver ignored a signal and drove on"


def test_state_as_a_noun_is_not_a_cue():
    assert claims("State and local leaders could help during floods.").empty
    assert claims("The plan gives states and cities more money for buses.").empty


def test_states_with_a_that_clause_is_a_cue():
    row = only("The report states that the bridge is unsafe.")
    assert (row.source_text, row.cue, row.content) == ("The report", "states",
                                                       "that the bridge is unsafe")


def test_naming_participle_is_not_a_cue():
    assert claims("She founded a charity called Open Doors in 2010.").empty
    assert claims("The program, called Safe Streets, ends this year.").empty


def test_called_with_a_description_is_still_a_cue():
    row = only("The senator called the plan a disaster.")
    assert (row.source_text, row.cue) == ("The senator", "called")


def test_introductory_phrase_is_not_content_before_the_source():
    row = only("In an interview on \"Meet the Press,\" Governor Ann Lee said the budget "
               "was balanced.")
    assert (row.source_text, row.content) == ("Governor Ann Lee", "the budget was balanced")
    table = claims("During a rally in Ohio, the senator attacked the mayor.")
    assert list(table.content) == ["the mayor"]  # the object, never the opening phrase


def test_quotation_before_the_source_is_content_even_after_a_phrase():
    row = only("As for the cost, \"we will find the money one way or another,\" Lee said.")
    assert "\"we will find the money" in row.content


def test_inverted_source_keeps_a_description_that_ends_the_sentence():
    row = only("\"We will win,\" said Senator Jo Reyes, Democrat of Ohio.")
    assert row.source_text == "Senator Jo Reyes, Democrat of Ohio"
    row = only("\"It is over,\" said the union's president, Ann Marsh.")
    assert row.source_text == "the union's president, Ann Marsh"


def test_inverted_source_keeps_of_the_organisation():
    row = only("The levy is a mistake, said Tom Hale of the National Farmers Union.")
    assert row.source_text == "Tom Hale of the National Farmers Union"


def test_verb_before_a_participle_cue_is_not_the_source():
    row = only("The rivals could not resist pointing out that the plan had failed.")
    assert (row.source_text, row.cue) == ("The rivals", "pointing out")
    assert claims("The mayor faced questions about the budget.").empty


def test_quotation_opened_curly_and_closed_straight_is_one_quote():
    row = only("“We heard every word,\" Mayor Ann Lee said.")
    assert (row.source_text, row.content, row.quote_type) == (
        "Mayor Ann Lee", "“We heard every word,\"", "direct")


def test_opening_curly_mark_typed_as_the_closing_one():
    text = "“It is unusual,“ said Tom Hale. “It is hard.”"
    assert [text[q.start:q.end] for q in quote_spans(text)] == ["“It is unusual,“",
                                                               "“It is hard.”"]


def test_surname_misread_as_an_adverb_is_still_the_source():
    table = claims("Mayor Jo Ames said the bridge would reopen. Ames added that tolls would rise.")
    assert list(table.source_text) == ["Mayor Jo Ames", "Ames"]


def test_show_reports_without_that():
    row = only("A new poll shows voters split over the stadium plan.")
    assert (row.source_text, row.cue, row.content) == ("A new poll", "shows",
                                                       "voters split over the stadium plan")


def test_show_with_a_particle_reports_nothing():
    assert claims("The mayor showed up late to the hearing.").empty
    assert claims("The senator showed off his new campaign bus.").empty


def test_seeming_verb_is_an_unattributed_judgement():
    row = only("The new bridge seems to sag in the middle.")
    assert (row.source_text, row.cue, row.quote_type) == ("", "seems", "unattributed")
    assert row.content == "The new bridge seems to sag in the middle"
    row = only("Voters already appear tired of the race, and turnout may fall.")
    assert row.content == "Voters already appear tired of the race"


def test_it_seems_reports_what_follows():
    row = only("It seems likely that the council will vote in June.")
    assert (row.cue, row.content) == ("seems", "likely that the council will vote in June")


def test_appearing_somewhere_is_not_a_judgement():
    assert claims("The mayor appeared on local television on Monday.").empty
    assert claims("The senator appeared at a rally in Erie.").empty


def test_asked_reports_an_indirect_question():
    row = only("The judge asked whether the county had kept the ballots.")
    assert (row.source_text, row.cue, row.content) == (
        "The judge", "asked", "whether the county had kept the ballots")
    row = only("A reporter asked the governor if she would run again.")
    assert (row.source_text, row.content) == ("A reporter", "if she would run again")


def test_a_request_is_an_event_not_a_claim():
    assert claims("Lawmakers asked the agency to release the report by Friday.").empty
    assert claims("She asked for a recount.").empty


def test_attacked_takes_its_object_and_reason_as_content():
    row = only("The governor attacked the mayor for cutting bus routes, and the council agreed.")
    assert (row.source_text, row.cue, row.cue_kind) == ("The governor", "attacked", "accuse")
    assert row.content == "the mayor for cutting bus routes"


def test_agreed_reports_without_that():
    row = only("Both analysts agreed the budget was too large.")
    assert (row.source_text, row.cue, row.content) == ("Both analysts", "agreed",
                                                       "the budget was too large")
    row = only("The company agreed to clean up the old mine site.")
    assert row.content == "to clean up the old mine site"


def test_a_stance_inside_reported_speech_is_not_a_claim_of_its_own():
    table = claims("The senator told reporters she would support the farm bill if it passed.")
    assert table.cue.tolist() == ["told"]


def test_speech_inside_reported_speech_stays_a_claim_of_its_own():
    table = claims("The mayor said residents who say the water tastes odd should call the city.")
    assert table.cue.tolist() == ["said", "say"]
