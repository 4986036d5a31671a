"""Corroboration: one claim relayed by several outlets, recurring sources, one chronology."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from storyline import (
    analyze_corpus,
    claim_groups,
    corroborate,
    merge_timelines,
    recurring_sources,
)
from storyline.attribution import is_share, medium_phrases, name_parts
from storyline.corroborate import canonical_outlet, outlet_from_id
from storyline.similarity import (
    content_stems,
    figures,
    jaccard,
    near_duplicate_pairs,
    shared_key_pairs,
    word_shingles,
)

PLANT = "the company plans to close the Riverside plant by the end of the year"
STORIES = [
    {"id": "gazette-1", "outlet": "Valley Gazette", "published": "2024-03-01",
     "text": f"Two officials familiar with the talks said {PLANT}. The plant opened in 1987, "
             "the mayor, Tom Reyes, said."},
    {"id": "courier-1", "outlet": "Coast Courier", "published": "2024-03-02",
     "text": f"{PLANT[0].upper()}{PLANT[1:]}, the Valley Gazette reported on Friday. "
             "Workers were not told, a union leader said."},
    {"id": "herald-1", "outlet": "Daily Herald", "published": "2024-03-02",
     "text": f"According to the Valley Gazette, {PLANT}. Mayor Tom Reyes said the plant "
             "opened in 1987."},
    {"id": "ledger-1", "outlet": "Ledger", "published": "2024-03-03",
     "text": f"A company spokeswoman, Maria Lopez, denied that {PLANT}. Reyes said the town "
             "would fight for the jobs."},
    {"id": "tribune-1", "outlet": "Tribune", "published": "2024-03-03",
     "text": "The library will extend its opening hours in the summer, the city council "
             "said on Tuesday."},
]


@pytest.fixture(scope="module")
def corpus():
    return analyze_corpus(STORIES, workers=1, progress=False)


def test_a_claim_relayed_by_three_outlets_is_one_group_with_its_origin_and_denial(corpus):
    groups = corroborate(corpus)
    assert len(groups) == 1
    group = groups.iloc[0]
    assert group.outlets == ["Valley Gazette", "Coast Courier", "Daily Herald", "Ledger"]
    assert (group.earliest_outlet, str(group.earliest_published.date())) == (
        "Valley Gazette", "2024-03-01")
    assert sorted(group.relayed_by) == ["courier-1", "herald-1"]
    assert group.relayed_from == ["Valley Gazette"]
    assert "gazette-1" in group.own_sources_in
    assert group.denied and group.denied_in == ["ledger-1"]
    assert group.anonymous_only  # only "two officials"; the denial's Maria Lopez does not back it
    assert "tribune-1" not in group.article_ids


def test_group_members_point_at_the_claim_in_each_article(corpus):
    members = claim_groups(corpus)
    texts = {story["id"]: story["text"] for story in STORIES}
    assert set(members.article_id) == {"gazette-1", "courier-1", "herald-1", "ledger-1"}
    for row in members.itertuples():
        assert texts[row.article_id][row.content_start:row.content_end] == row.content
        assert PLANT.lower() in row.content.lower()
    assert members.set_index("article_id").loc["ledger-1", "denial"]


def test_a_source_named_in_several_articles_recurs_under_its_full_name(corpus):
    table = recurring_sources(corpus)
    reyes = table[table.source == "Tom Reyes"].iloc[0]
    assert reyes.article_ids == ["gazette-1", "herald-1", "ledger-1"]
    assert reyes.n_outlets == 3
    assert "Maria Lopez" not in set(table.source)  # named in one article only


def test_merged_timeline_puts_the_same_dated_event_from_two_outlets_in_one_row(corpus):
    merged = merge_timelines(corpus)
    opened = merged[merged.value == "1987"]
    assert len(opened) == 1
    assert opened.iloc[0].outlets == ["Valley Gazette", "Daily Herald"]
    assert opened.iloc[0].first_reported.date().isoformat() == "2024-03-01"
    assert merged.interval_start.dropna().is_monotonic_increasing


def test_lsh_finds_every_clearly_similar_pair_and_no_dissimilar_one():
    rng = random.Random(7)
    vocabulary = [f"w{k}" for k in range(400)]
    texts = [" ".join(rng.choices(vocabulary, k=30)) for _ in range(300)]
    texts += [t.replace(t.split()[3], "changed", 1) for t in texts[:40]]  # near copies
    sets = [word_shingles(t, 2) for t in texts]
    found = {(i, j) for i, j, _ in near_duplicate_pairs(sets, threshold=0.5)}
    truth = {(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))
             if jaccard(sets[i], sets[j]) >= 0.7}
    assert truth <= found
    assert all(jaccard(sets[i], sets[j]) >= 0.5 for i, j in found)
    assert not near_duplicate_pairs([set(), set(), {"a b"}], threshold=0.5)


PARAPHRASES = [
    {"id": "post-1", "outlet": "Harbor Post", "published": "2024-05-06",
     "text": "The ferry company will cut winter sailings to the northern islands by half, "
            "two managers said on Monday."},
    {"id": "times-1", "outlet": "Island Times", "published": "2024-05-07",
     "text": "Winter sailings to the northern islands are being cut in half by the ferry "
            "company, a union official says."},
    {"id": "times-2", "outlet": "Island Times", "published": "2024-06-20",
     "text": "The ferry company cut winter sailings to the northern islands by half, the "
            "harbour master said."},
    {"id": "news-1", "outlet": "Bay News", "published": "2024-05-07",
     "text": "The ferry company will add summer sailings to the southern islands next year, "
            "a spokesman said."},
]


@pytest.fixture(scope="module")
def paraphrased():
    return analyze_corpus(PARAPHRASES, workers=1, progress=False)


def test_the_same_report_in_other_words_is_one_group(paraphrased):
    members = claim_groups(paraphrased)
    assert set(members.article_id) == {"post-1", "times-1"}
    assert members.group_id.nunique() == 1


def test_a_near_miss_on_the_same_topic_does_not_group(paraphrased):
    members = claim_groups(paraphrased, within_days=None)
    assert "news-1" not in set(members.article_id)  # ferries and islands, but another claim


def test_a_report_weeks_later_joins_only_when_the_date_window_allows(paraphrased):
    assert "times-2" not in set(claim_groups(paraphrased).article_id)
    assert "times-2" in set(claim_groups(paraphrased, within_days=None).article_id)
    assert "times-2" in set(claim_groups(paraphrased, within_days=60).article_id)


QUOTES = [
    {"id": "wire-1", "outlet": "Wire", "published": "2024-09-10",
     "text": '"We will not raise the water rates this year, we will keep the libraries open on '
             'Sundays, and we will freeze parking fees for every resident until the budget '
             'is balanced," the treasurer said. '
             '"Nobody should pay more while the audit is running."'},
    {"id": "sun-1", "outlet": "Sun", "published": "2024-09-11",
     "text": 'The treasurer promised to "freeze parking fees for every resident until the '
             'budget is balanced."'},
]


def test_a_short_quote_inside_a_long_one_is_grouped_by_containment():
    result = analyze_corpus(QUOTES, workers=1, progress=False)
    members = claim_groups(result)
    assert set(members.article_id) == {"wire-1", "sun-1"}
    assert members.similarity.max() < 0.4  # too short for Jaccard alone: containment links it
    assert claim_groups(result, containment=1.01).empty


def test_corroborate_can_keep_only_groups_across_outlets(paraphrased):
    assert len(corroborate(paraphrased, within_days=None)) == 1
    copies = [dict(story, id=f"{story['id']}-copy") for story in PARAPHRASES[1:3]]
    result = analyze_corpus(PARAPHRASES[1:3] + copies, workers=1, progress=False)
    assert set(corroborate(result).n_outlets) == {1}
    assert corroborate(result, min_outlets=2).empty


def test_content_stems_drop_stop_words_and_word_endings():
    assert content_stems("The ferries were cutting sailings") == \
        content_stems("ferry cuts the sailing")


def test_shared_key_pairs_skips_keys_too_common_to_tell_anything():
    keys = [{"common", f"rare{k // 2}"} for k in range(10)]
    assert shared_key_pairs(keys, max_bucket=5) == {(k, k + 1) for k in range(0, 10, 2)}
    assert len(shared_key_pairs(keys, max_bucket=10)) == 45


def test_claims_sharing_only_a_title_and_a_name_do_not_group(paraphrased):
    tables = {name: paraphrased[name] for name in ("claims", "articles", "sources")}
    claims = tables["claims"].copy()
    rows = claims.index[claims.article_id.isin(["post-1", "times-1"])]
    claims.loc[rows[0], "content"] = "Democratic vice presidential nominee Tim Kaine for his work"
    claims.loc[rows[1], "content"] = "Democratic vice presidential nominee Sen. Tim Kaine, D-Va"
    assert claim_groups({**tables, "claims": claims}, min_plain=0).group_id.nunique() == 1
    assert claim_groups({**tables, "claims": claims}).empty  # names and titles only


def test_one_outlets_stock_line_over_weeks_is_flagged_as_boilerplate():
    line = ("Smith has pledged to ban all imports of foreign steel from every country in "
            "the world, his campaign said.")
    stories = [{"id": f"g{day}", "outlet": "Gazette", "published": f"2024-04-{day:02d}",
                "text": f"The mill reopened on day {day}. {line}"} for day in (1, 3, 25)]
    stories.append({"id": "c1", "outlet": "Courier", "published": "2024-04-02",
                    "text": "Smith pledged to ban all imports of foreign steel from every "
                            "country in the world, his aides said."})
    result = analyze_corpus(stories, workers=1, progress=False)
    groups = corroborate(result)
    assert groups.boilerplate.tolist() == [False]  # the Courier's claim is not stock
    members = claim_groups(result).set_index("article_id")
    assert members.loc[["g1", "g3"], "boilerplate"].all()
    assert not members.loc["c1", "boilerplate"]
    alone = analyze_corpus(stories[:3], workers=1, progress=False)
    assert corroborate(alone).boilerplate.tolist() == [True]


def test_the_same_topic_words_from_two_named_people_are_two_statements_unless_near_copies():
    surge = "the river flooding, also known as the spring surge"
    stories = [
        {"id": "gazette", "outlet": "Gazette", "published": "2024-04-02",
         "text": f"Senator Ann Diaz said the governor is overselling the progress the state "
                 f"has made against {surge}."},
        {"id": "courier", "outlet": "Courier", "published": "2024-04-03",
         "text": f"Governor Tom Hale said the state will pump {surge}, out of the valley."},
        {"id": "herald", "outlet": "Herald", "published": "2024-04-03",
         "text": f"Mayor Jo Ames said the state will pump {surge}, out of the valley."},
    ]
    result = analyze_corpus(stories, workers=1, progress=False)
    assert claim_groups(result, other_speaker=0.0).article_id.nunique() == 3  # rule off
    members = claim_groups(result)
    assert set(members.article_id) == {"courier", "herald"}  # one quote credited to two people
    assert members.similarity.min() >= 0.6


SCHOOLS = "the governor's plan to close rural schools in the northern valley towns"


def test_condemning_the_same_plan_is_one_claim_only_in_the_same_mouth():
    stories = [
        {"id": "gazette", "outlet": "Gazette", "published": "2024-05-02",
         "text": f"The teachers' union condemned {SCHOOLS} on Thursday."},
        {"id": "courier", "outlet": "Courier", "published": "2024-05-03",
         "text": f"Mayor Jo Ames denounced {SCHOOLS} at a rally."},
        {"id": "herald", "outlet": "Herald", "published": "2024-05-03",
         "text": f"Ames, the mayor of Dunmore, criticized {SCHOOLS}."},
    ]
    members = claim_groups(analyze_corpus(stories, workers=1, progress=False))
    assert set(members.article_id) == {"courier", "herald"}  # the union's is another act


def _harbour_tables(name: str, named: bool) -> dict:
    stories = [
        {"id": "gazette", "outlet": "Gazette", "published": "2024-07-01",
         "text": '"We strongly back the new harbour wall and the money for the fishing fleet '
                 'this winter," Governor Tom Hale said.'},
        {"id": "courier", "outlet": "Courier", "published": "2024-07-02",
         "text": '"We back the new harbour wall, the money for the fleet and the ferry '
                 'pier," Mayor Jo Ames said.'}]
    result = analyze_corpus(stories, workers=1, progress=False)
    tables = {table: result[table].copy() for table in ("claims", "articles", "sources")}
    sources = tables["sources"]
    row = sources.index[sources.article_id == "courier"][0]
    sources.loc[row, ["name", "source_type", "named"]] = [name, "other", named]
    return tables


def test_a_bare_surname_left_unnamed_by_the_sources_table_still_tells_speakers_apart():
    assert claim_groups(_harbour_tables("Ames", True)).empty
    assert claim_groups(_harbour_tables("Ames", False)).empty
    assert claim_groups(_harbour_tables("The Latest", False)).article_id.nunique() == 2


def test_claims_of_one_article_with_the_same_content_are_one_member(paraphrased):
    tables = {name: paraphrased[name] for name in ("claims", "articles", "sources")}
    claims = tables["claims"]
    twin = claims[claims.article_id == "post-1"].assign(claim_id=99)
    members = claim_groups({**tables, "claims": pd.concat([claims, twin], ignore_index=True)})
    assert sorted(members.article_id) == ["post-1", "times-1"]


def test_a_named_source_is_listed_once_when_one_article_credits_an_outlet():
    bridge = "the toll bridge will reopen to cars and bicycles in the middle of May"
    stories = [
        {"id": "a", "outlet": "Courier", "published": "2024-03-01",
         "text": f"{bridge.capitalize()}, Mayor Jo Ames told the Washington Post."},
        {"id": "b", "outlet": "Herald", "published": "2024-03-02",
         "text": f"Mayor Jo Ames said that {bridge}."}]
    group = corroborate(analyze_corpus(stories, workers=1, progress=False)).iloc[0]
    assert group.relayed_from == ["The Washington Post"]
    assert group.named_sources == ["Jo Ames"]  # once, though the two articles differ in relay


def test_one_denial_relayed_by_two_outlets_is_not_denied_and_keeps_its_named_source():
    denial = "the new stadium will cost the city more than forty million dollars next year"
    stories = [
        {"id": "a", "outlet": "Courier", "published": "2024-08-01",
         "text": f"The finance director, Ruth Okafor, denied that {denial}."},
        {"id": "b", "outlet": "Herald", "published": "2024-08-02",
         "text": f"Ruth Okafor, the finance director, denied that {denial}."}]
    group = corroborate(analyze_corpus(stories, workers=1, progress=False)).iloc[0]
    assert group.n_outlets == 2
    assert not group.denied and group.denied_in == []
    assert group.named_sources == ["Ruth Okafor"] and not group.anonymous_only


@pytest.mark.parametrize(("sentence", "phrase", "name"), [
    ("The ferry will run all winter, she said in an interview with the Coast Courier on "
     "Monday.", "interview with the Coast Courier", "Coast Courier"),
    ("In a poll conducted by the Valley Gazette and Channel 9, most renters said the rules "
     "were fair.", "poll conducted by the Valley Gazette and Channel 9",
     "Valley Gazette and Channel 9"),
    ("A new Herald/Channel 9 survey found the levy ahead.", "Herald/Channel 9 survey",
     "Herald/Channel 9"),
    ("In a Reuters interview, the harbour master said the dredging would wait.",
     "Reuters interview", "Reuters"),
    ("The council will meet again, the mayor said in an interview on CNN's Sunday show.",
     "interview on CNN's", "CNN's"),  # a day is not part of a name
])
def test_a_poll_or_interview_names_who_ran_it(sentence, phrase, name):
    (first, last), (start, end) = medium_phrases(sentence)[0]
    assert (sentence[first:last], sentence[start:end]) == (phrase, name)


def test_a_report_only_counts_when_asked_for_and_a_lower_case_word_names_nobody():
    after = "After the Courier report on the levy, the mayor resigned."
    assert medium_phrases(after) == []
    assert len(medium_phrases(after, reports=True)) == 1
    assert medium_phrases("In an interview last week, the mayor said she would stay.") == []


def test_name_parts_split_joined_outlets_and_possessives():
    assert name_parts("Washington Post-ABC News") == [
        "Washington Post-ABC News", "Washington Post", "ABC News"]
    assert name_parts("the Valley Gazette and Channel 9.") == [
        "Valley Gazette and Channel 9", "Valley Gazette", "Channel 9"]
    assert name_parts("CNN’s State")[:2] == ["CNN’s State", "CNN"]


def test_a_share_of_people_is_told_from_a_name():
    assert is_share("Only 24 percent") and is_share("two-thirds of renters")
    assert is_share("About 4 in 10 voters") and is_share("a majority of parents")
    assert not is_share("Mayor Jo Ames") and not is_share("the survey")


FERRY = "the night ferry to the islands should keep running through the winter months"
LEVY = "they would vote for the new school levy in the spring election"


def _relays(stories: list[dict]) -> dict[str, str]:
    members = claim_groups(analyze_corpus(stories, workers=1, progress=False))
    return dict(zip(members.article_id, members.relayed_from))


def test_an_outlets_poll_or_interview_makes_the_article_relay_it():
    stories = [
        {"id": "own", "outlet": "Valley Gazette", "published": "2024-09-02",
         "text": f"Most islanders, 61 percent, said {FERRY}, a Valley Gazette poll found. "
                 f"Harbour master Ines Varga said {LEVY}."},
        {"id": "poll", "outlet": "Herald", "published": "2024-09-03",
         "text": f"In a poll conducted by the Valley Gazette and Channel 9, 61 percent of "
                 f"islanders said {FERRY}."},
        {"id": "interview", "outlet": "Courier", "published": "2024-09-03",
         "text": f"Ines Varga, the harbour master, said in an interview with the Valley "
                 f"Gazette that {LEVY}."},
        {"id": "found", "outlet": "Tribune", "published": "2024-09-04",
         "text": f"A Valley Gazette poll found that 61 percent of islanders said {FERRY}."},
    ]
    relays = _relays(stories)
    assert relays == {"own": "", "poll": "Valley Gazette", "interview": "Valley Gazette",
                      "found": "Valley Gazette"}


def test_an_outlet_given_as_a_corpus_id_does_not_relay_its_own_interview():
    stories = [
        {"id": "own", "outlet": "wash-post", "published": "2024-09-02",
         "text": f"Ines Varga, the harbour master, said in an interview with The Washington "
                 f"Post that {LEVY}."},
        {"id": "other", "outlet": "usa-today", "published": "2024-09-03",
         "text": f"Ines Varga, the harbour master, said in an interview with The Washington "
                 f"Post that {LEVY}."},
    ]
    assert _relays(stories) == {"own": "", "other": "The Washington Post"}


def test_a_corpus_id_names_the_one_outlet_whose_words_it_abbreviates():
    assert canonical_outlet("wash-post") == "The Washington Post"
    assert canonical_outlet("la_times") == "Los Angeles Times"
    assert outlet_from_id("new-york-times") == "The New York Times"
    assert outlet_from_id("valley-gazette") == ""  # no such outlet in the lexicon
    assert outlet_from_id("post") == ""  # one part: too little to go on
    assert outlet_from_id("wall-street") == ""  # one part short of "wall street journal"


def test_an_interview_or_poll_goes_on_in_the_next_quotation_or_share():
    stories = [
        {"id": "own", "outlet": "Valley Gazette", "published": "2024-09-02",
         "text": f'"The pier is too short," Ines Varga said. "We think {FERRY}," Varga '
                 f"said. In the survey, 48 percent of parents said {LEVY}."},
        {"id": "later", "outlet": "Courier", "published": "2024-09-03",
         "text": '"The pier is too short," harbour master Ines Varga said in an interview '
                 'with the Valley Gazette last week.\n\n'
                 f'"We think {FERRY}," Varga said.'},
        {"id": "shares", "outlet": "Herald", "published": "2024-09-03",
         "text": "In a Valley Gazette survey of island households, 52 percent said the pier "
                 f"was too short. Asked about the schools, 48 percent said {LEVY}."},
    ]
    assert _relays(stories) == {"own": "", "later": "Valley Gazette",
                                "shares": "Valley Gazette"}


def test_an_interview_does_not_carry_to_another_occasion_or_across_another_cue():
    stories = [
        {"id": "own", "outlet": "Valley Gazette", "published": "2024-09-02",
         "text": f'"We think {FERRY}," Ines Varga said. Tom Hale said {LEVY}.'},
        {"id": "rally", "outlet": "Courier", "published": "2024-09-03",
         "text": '"The pier is too short," Ines Varga said in an interview with the Valley '
                 f'Gazette. "We think {FERRY}," Varga said at a rally on Friday.'},
        {"id": "between", "outlet": "Herald", "published": "2024-09-03",
         "text": f"Tom Hale said {LEVY}, while Varga told reporters in an interview with "
                 "the Valley Gazette that the pier was too short."},
    ]
    assert _relays(stories) == {"own": "", "rally": "", "between": ""}


def test_two_findings_with_different_figures_are_two_reports():
    ban = "of parents back the later start of the school day in the county"
    stories = [
        {"id": "a", "outlet": "Gazette", "published": "2024-10-01",
         "text": f"The survey found that 65 percent {ban}."},
        {"id": "b", "outlet": "Courier", "published": "2024-10-02",
         "text": f"The survey found that about three-quarters {ban}."},
        {"id": "c", "outlet": "Herald", "published": "2024-10-02",
         "text": f"A poll showed that 65 percent {ban}, up from last year."},
    ]
    result = analyze_corpus(stories, workers=1, progress=False)
    assert sorted(claim_groups(result).article_id) == ["a", "c"]  # the same figure
    assert claim_groups(result, split_figures=False).article_id.nunique() == 3


def test_figures_are_numbers_and_fractions_in_words():
    assert figures("About 1,200 riders, two-thirds of them, paid 4.5 euros") == {
        "1200", "two thirds", "4.5"}
    assert figures("Most riders paid") == frozenset()
