"""Claims on hand-written news sentences, one pattern each (not the example story)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import only
from storyline import claims, read_article
from storyline.analysis import analyze
from storyline.claims import CLAIM_COLUMNS
from storyline.cues import lemma
from storyline.evaluate import read_polnear, score_claims
from storyline.quotes import quote_spans
from storyline.tables import check_table

ROOT = Path(__file__).resolve().parents[1]


def test_source_cue_content_with_that():
    row = only("The mayor said that the bridge would reopen in May.")
    assert (row.source_text, row.cue, row.cue_lemma) == ("The mayor", "said", "say")
    assert row.content == "that the bridge would reopen in May"
    assert row.quote_type == "indirect"


def test_source_cue_content_without_that():
    row = only("Union leaders say the strike will continue.")
    assert (row.source_text, row.content) == ("Union leaders", "the strike will continue")


def test_trailing_outlet_cue_attributes_to_preceding_source():
    row = only("Talks between the two firms collapsed last week, the Financial Times reports.")
    assert row.source_text == "the Financial Times"
    assert row.content == "Talks between the two firms collapsed last week"
    assert row.pattern == "content-source-cue"


def test_inverted_cue_attributes_to_trailing_name():
    row = only("The vote was rigged from the start, said Ortega.")
    assert (row.source_text, row.cue) == ("Ortega", "said")
    assert row.content == "The vote was rigged from the start"


@pytest.mark.parametrize("text", [
    "According to the ministry, forty people were hurt.",
    "Forty people were hurt, according to the ministry.",
])
def test_according_to_at_either_end(text):
    row = only(text)
    assert (row.source_text, row.cue_kind) == ("the ministry", "cite")
    assert row.content == "forty people were hurt" or row.content == "Forty people were hurt"


def test_colon_introduces_quote_in_next_paragraph():
    text = "The governor told reporters:\n\n“We will rebuild every home. Nobody is forgotten.”"
    row = only(text)
    assert row.recipient == "reporters"
    assert row.content == "“We will rebuild every home. Nobody is forgotten.”"
    assert row.quote_type == "direct"


def test_multi_sentence_quote_attributed_after_it():
    text = "‘The river rose overnight. We had no warning at all,’ Okafor said."
    row = only(text)
    assert row.source_text == "Okafor"
    assert row.content == "‘The river rose overnight. We had no warning at all,’"
    assert row.quote_type == "direct"


def test_quote_split_around_cue_is_one_claim():
    text = "“We are ready,” the coach said. “The team has trained all summer.”"
    row = only(text)
    assert row.content.startswith("“We are ready,”")
    assert row.content.endswith("“The team has trained all summer.”")


def test_british_single_quotes_survive_apostrophes():
    text = "Ms Patel called the council’s plan ‘a disgrace’ on Tuesday."
    spans = quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["‘a disgrace’"]


def test_straight_double_quotes():
    row = only('"Prices will fall," the minister said.')
    assert row.content == '"Prices will fall,"' and row.quote_type == "direct"


def test_unbalanced_quote_is_flagged_not_fatal():
    table = claims("“We never agreed to this, the union said.\n\nTalks resume on Monday.")
    assert table.unbalanced_quote.any()


def test_passive_reporting_is_unattributed_and_hedged():
    row = only("Rebel units were reported to be moving north.")
    assert row.source_start == -1 and row.source_text == ""
    assert row.quote_type == "unattributed" and row.hedged
    assert row.cue == "were reported to"


def test_reportedly_is_unattributed_and_hedged():
    row = only("The striker is reportedly close to signing a new deal.")
    assert (row.cue, row.quote_type) == ("reportedly", "unattributed")
    assert "reportedly" in row.hedges.split("|")


def test_nominal_cue_with_possessive_source():
    row = only("The court rejected Smith’s claims that the contract was void.", cue="claims")
    assert (row.source_text, row.cue) == ("Smith", "claims")
    assert row.content == "that the contract was void"


def test_appositive_source_keeps_description():
    row = only("Maria Lopez, a spokeswoman for the airline, insisted the plane was safe.")
    assert row.source_text == "Maria Lopez, a spokeswoman for the airline"


def test_pronoun_source_resolved_to_named_person():
    table = claims("Senator Ann Blake met farmers on Friday. She said the subsidy would stay.")
    row = table[table.cue == "said"].iloc[0]
    assert row.source_text == "She"
    assert row.source_resolved == "Senator Ann Blake"


def test_it_resolves_to_the_subject_not_an_object_of_a_preposition():
    text = ("While Acme Corp stays out of the dispute between Norway and Sweden, it has said "
            "the fishing quotas are unfair.")
    row = claims(text).query("cue == 'has said'").iloc[0]
    assert (row.source_text, row.source_resolved) == ("it", "Acme Corp")


def test_recipient_of_told():
    row = only("Two aides told the Boston Globe that the tests were skipped.")
    assert row.recipient == "the Boston Globe"
    assert "anonymous source" in row.hedges


def test_nested_attribution_links_inner_claim_to_outer():
    text = ("The report cited warnings from local doctors, who say that the clinic "
            "ran out of vaccines.")
    table = claims(text)
    outer = table[table.cue == "cited"].iloc[0]
    inner = table[table.cue == "say"].iloc[0]
    assert inner.source_text == "who" and inner.source_resolved == "local doctors"
    assert inner.parent_claim_id == outer.claim_id


def test_denial_answers_the_claim_it_rejects():
    text = ("Regulators said Acme hid losses from investors. "
            "Acme slammed the allegations as ‘completely false’.")
    table = claims(text)
    claim, denial = table.iloc[0], table[table.denial].iloc[0]
    assert denial.source_text == "Acme" and denial.cue_kind == "deny"
    assert denial.answers_claim_id == claim.claim_id
    assert not claim.denial


def test_belief_cue_is_hedged():
    row = only("Investigators believe the fire was started deliberately.")
    assert row.cue_kind == "believe" and row.hedged


def test_plain_sentence_has_no_claims():
    assert claims("The river flooded the valley after three days of rain.").empty


def test_lemmas_of_inflected_cues():
    assert [lemma(w) for w in ["said", "saying", "told", "insisted", "denies", "vowed"]] == \
        ["say", "say", "tell", "insist", "deny", "vow"]


def test_columns_match_declaration():
    check_table(claims("Officials said the road was closed."), CLAIM_COLUMNS)
    check_table(claims("The river flooded the valley."), CLAIM_COLUMNS)


def test_analyze_includes_claims():
    assert "claims" in analyze("Officials said the road was closed.")


def check_offsets(text: str) -> None:
    table = claims(text)
    for row in table.itertuples():
        for name, start, end in [("source_text", row.source_start, row.source_end),
                                 ("cue", row.cue_start, row.cue_end),
                                 ("content", row.content_start, row.content_end),
                                 ("recipient", row.recipient_start, row.recipient_end)]:
            value = getattr(row, name)
            if start < 0:
                assert (start, end, value) == (-1, -1, "")
            else:
                assert text[start:end] == value


PIECES = ["Officials said", "the plan failed", ", she added.", "“It is over,”", "‘No,’",
          "according to the Post", "reportedly", "were reported to", ":", "\n\n", "who say that",
          "Lee, a lawyer, insisted", "Russia’s", "denied", "'", '"', ".", " "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_offsets_point_at_the_strings(pieces):
    assume(" ".join(pieces).strip())
    check_offsets(" ".join(pieces))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab ,.:“”‘’'\"\nsaidtoldShe", max_size=80))
def test_offsets_hold_on_arbitrary_text(text):
    assume(text.strip())
    check_offsets(text)


def test_example_article_offsets_and_denials():
    article = read_article(ROOT / "data" / "articles" / "musk-putin-starlink.txt")
    check_offsets(article.text)
    table = claims(article)
    assert table.denial.sum() >= 3
    assert set(table[table.denial].source_text) >= {"Musk", "The Kremlin"}


def test_example_article_scores_against_our_gold():
    gold, texts = read_polnear(ROOT / "data" / "gold" / "musk-putin-starlink.json")
    article = read_article(ROOT / "data" / "articles" / "musk-putin-starlink.txt")
    predicted = claims(article).assign(doc="musk-putin-starlink")
    scores = score_claims(predicted, gold, texts=texts).set_index("metric")
    assert scores.loc["found", "f1"] >= 0.85
    assert scores.loc["found+source", "f1"] >= 0.8


def test_trailing_as_aside_attributes_the_sentence():
    row = only("The bridge was never inspected, as local engineers have said.")
    assert (row.source_text, row.cue, row.pattern) == ("local engineers", "have said", "as-clause")
    assert row.content == "The bridge was never inspected"


def test_opening_as_aside_takes_the_rest_of_the_sentence():
    row = only("As the coroner noted, the victim had no injuries.")
    assert (row.source_text, row.content) == ("the coroner", "the victim had no injuries")


def test_dotted_acronym_source_does_not_end_the_sentence():
    row = only("The F.D.A. said the drug was safe for children.")
    assert (row.source_text, row.content) == ("The F.D.A.", "the drug was safe for children")


def test_verb_after_determiner_is_still_a_cue():
    row = only("Some believe the merger will cut jobs.")
    assert (row.source_text, row.cue_kind) == ("Some", "believe")


def test_noun_uses_of_cue_words_are_not_cues():
    assert claims("Voters in swing states backed the plan's tax cuts.").empty


def test_stance_verb_with_infinitive_is_a_claim_but_not_a_denial():
    row = only("The senator declined to comment on the investigation.")
    assert (row.source_text, row.cue_kind) == ("The senator", "refuse")
    assert row.content == "to comment on the investigation"
    assert not row.denial


def test_object_of_stance_verb_ends_with_its_clause():
    row = only("The union endorsed Maria Ortiz, who had promised higher wages.", cue="endorsed")
    assert row.content == "Maria Ortiz"


def test_participle_after_quote_shares_the_speaker():
    text = "“The plant will close,” the manager said, adding later, “Nobody will be paid.”"
    table = claims(text)
    adding = table[table.cue == "adding"].iloc[0]
    said = table[table.cue == "said"].iloc[0]
    assert adding.source_text == "the manager"
    assert adding.content == "“Nobody will be paid.”"
    assert said.content == "“The plant will close,”"


def test_participle_source_drops_the_date_phrase_after_the_subject():
    text = ("The regulator last week fined three lenders, accusing them of hiding fees from "
            "borrowers.")
    row = claims(text).query("cue == 'accusing'").iloc[0]
    assert row.source_text == "The regulator"
    assert text[row.source_start:row.source_end] == "The regulator"


def test_second_cue_joined_by_and_gets_its_own_content():
    table = claims("The minister said prices would fall and warned against panic buying.")
    said, warned = table.iloc[0], table.iloc[1]
    assert said.content == "prices would fall"
    assert (warned.source_text, warned.content) == ("The minister", "against panic buying")


def test_quotation_split_from_its_attribution_sentence():
    text = "“Who pays for this?” Okafor said. “Not the banks, that is certain.”"
    row = only(text)
    assert row.source_text == "Okafor"
    assert row.content == text  # both quotations, the attribution between them included


def test_quotation_over_two_paragraphs_attributed_after_it():
    text = ("“We lost the harvest in a week.\n\n“Nobody came to help,” the farmer said.")
    row = only(text)
    assert row.source_text == "the farmer"
    assert row.content.startswith("“We lost the harvest") and row.content.endswith("help,”")
    assert row.quote_type == "direct"


def test_speaker_and_colon_opens_a_headline_or_transcript_line():
    text = "Mayor Ames: Floods Will Not Stop the Parade\n\nREPORTER: Will you resign over it?"
    table = claims(text)
    assert table.source_text.tolist() == ["Mayor Ames", "REPORTER"]
    assert table.cue.tolist() == [":", ":"]
    assert table.content.tolist() == ["Floods Will Not Stop the Parade", "Will you resign over it?"]


def test_update_label_with_colon_is_not_a_speaker():
    assert claims("Update: The road has reopened to traffic.").empty


def test_nominal_cue_after_outlet_name():
    row = only("The Kremlin rejected the Times report that talks had failed.", cue="report")
    assert row.cue_kind == "assert" and row.pattern == "nominal"
    assert row.content == "that talks had failed"


def test_inverted_source_with_possessive_name():
    row = only("Turnout will be low, noted CNN’s Ana Ruiz.")
    assert (row.source_text, row.content) == ("CNN’s Ana Ruiz", "Turnout will be low")


def test_inverted_name_keeps_of_place():
    row = only("The bill is dead, said Rep. Jo Kim of Ohio, the panel's chair.")
    assert row.source_text == "Rep. Jo Kim of Ohio, the panel's chair"


def test_appositive_participle_is_not_part_of_the_source():
    row = only("Ortiz, speaking in Denver, said the deal was off.")
    assert row.source_text == "Ortiz"


def test_inverted_reading_not_taken_for_an_opening_appositive():
    row = only("Jo Kim, a spokesman for the union, said members expected pay to rise.",
               cue="said")
    assert row.source_text == "Jo Kim, a spokesman for the union"
    assert row.content == "members expected pay to rise"


def test_appositive_source_with_several_descriptions():
    row = only("Ana Ruiz, 59, of Tucson, Ariz., said the water tasted of metal.")
    assert row.source_text == "Ana Ruiz, 59, of Tucson, Ariz."
    row = only("Tom Hale, the mayor of Dover, a port town, said the ferry would run.")
    assert row.source_text == "Tom Hale, the mayor of Dover, a port town"


def test_appositive_source_keeps_relative_clause():
    row = only("Lena Park, who led the inquiry for two years, said the files were lost.")
    assert row.source_text == "Lena Park, who led the inquiry for two years"
    assert row.content == "the files were lost"


def test_appositive_source_after_introductory_phrase():
    row = only("In a statement, one of the club's lawyers, Sam Odom, said the fine was unfair.")
    assert row.source_text == "one of the club's lawyers, Sam Odom"
    assert row.content == "the fine was unfair"


def test_adverb_and_date_between_source_and_cue_are_skipped():
    assert only("The judges generally praised the design.").source_text == "The judges"
    assert only("Collins on Tuesday said the vote would wait.").source_text == "Collins"


def test_coordinated_subject_is_one_source():
    row = only("Farmers and shop owners in the valley say the new road helped.")
    assert row.source_text == "Farmers and shop owners in the valley"
    row = only("Rogers praised Hill and aides said the talks went well.", cue="said")
    assert row.source_text == "aides"


def test_source_with_to_phrase():
    assert only("Aides to the governor say the budget is late.").source_text == \
        "Aides to the governor"
    assert only("Those close to him say he will run.").source_text == "Those close to him"


def test_leading_even_is_not_part_of_the_source():
    row = only("Even Norway, a close ally, said the plan went too far.")
    assert row.source_text == "Norway, a close ally"


def test_content_with_a_participle_is_not_taken_for_an_appositive_name():
    row = only("The mill opened in 1951, the owner, Ray Dunn, said.")
    assert row.source_text == "the owner, Ray Dunn"
    assert row.content == "The mill opened in 1951"


def test_object_of_a_criticism_ends_with_its_clause():
    row = only("Senator Ruiz criticized the tax plan as a giveaway during a rally in Reno.")
    assert row.content == "the tax plan as a giveaway"
    row = only("The union is demanding a pay rise, which the company has refused.",
               cue="is demanding")
    assert row.content == "a pay rise"


def test_mixed_quotation_before_a_trailing_source_keeps_the_lead_words():
    row = only('The new levy "will hurt every small farm in the county," Ann Bell said.')
    assert row.content == 'The new levy "will hurt every small farm in the county,"'
    assert row.quote_type == "mixed"


def test_participle_before_a_name_is_part_of_the_source():
    row = only('"We held the line," retired police chief Dan Ortiz said.')
    assert row.source_text == "retired police chief Dan Ortiz"


def test_content_after_a_time_phrase_without_that():
    row = only("The governor said after the hearing she would sign the bill.")
    assert row.content == "she would sign the bill"
    row = only("Officials said on Friday the bridge was safe.")
    assert row.content == "the bridge was safe"


def test_title_case_headline_cues():
    row = only("Dam Repairs Will Take Years, Engineers Say.")
    assert (row.source_text, row.cue, row.content) == ("Engineers", "Say",
                                                       "Dam Repairs Will Take Years")
    row = only("Fire Chief Says Summer Will Be Dry")
    assert (row.source_text, row.cue) == ("Fire Chief", "Says")


def test_sentence_opening_said_with_a_colon():
    table = claims('Rents climbed again. Said Ms. Ortiz: "Nobody here can pay that."')
    row = table[table.cue == "Said"].iloc[0]
    assert row.source_text == "Ms. Ortiz"
    assert row.content == '"Nobody here can pay that."'


def test_agent_or_adverbial_clause_after_a_cue_is_not_content():
    assert claims("The plan is supported by most farmers.").empty
    assert claims("Ms. Diaz said as she left the courthouse.").empty


def test_quotation_continued_after_but_is_one_claim():
    row = only('"I like the mayor," she said, but "his budget is a mess."')
    assert row.content == '"I like the mayor," she said, but "his budget is a mess."'
    assert row.quote_type == "direct"
