"""Timexes on hand-written news sentences: each family of expression, several publication
dates (including early January and late December), false friends, offsets, the example."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import read_article, timexes
from storyline.analysis import analyze
from storyline.articles import StorylineWarning
from storyline.tables import check_table
from storyline.timevalues import value_interval
from storyline.timexes import TIMEX_COLUMNS

OCTOBER = "2024-10-25"  # a Friday
EARLY_JANUARY = "2025-01-03"  # a Friday
LATE_DECEMBER = "2024-12-30"  # a Monday


def found(text: str, published: str | None = OCTOBER) -> list[tuple[str, str, str]]:
    """(text, type, value) of every timex of ``text`` published on ``published``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        table = timexes(read_article(text, published=published))
    return list(zip(table["text"], table["type"], table["value"]))


def one(text: str, published: str | None = OCTOBER):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        table = timexes(read_article(text, published=published))
    assert len(table) == 1, table[["text", "value"]]
    return table.iloc[0]


@pytest.mark.parametrize("sentence", [
    "The deal was signed on Oct. 25, 2024.",
    "The deal was signed on 25 October 2024.",
    "The deal was signed on 2024-10-25.",
    "The deal was signed on 10/25/2024.",
    "The deal was signed on October 25th, 2024.",
    "The deal was signed on Friday, Oct. 25, 2024.",
])
def test_explicit_dates_in_every_common_news_format(sentence):
    row = one(sentence, published=None)
    assert (row.type, row.value, row.anchor, bool(row.ambiguous)) == (
        "DATE", "2024-10-25", "", False)
    assert row.interval_start == row.interval_end == dt.datetime(2024, 10, 25)


def test_late_year_is_the_year_with_mod_end_and_its_last_four_months():
    row = one("They have been in contact since late 2022.")
    assert (row.text, row.value, row["mod"], row.precision, row.signal) == (
        "late 2022", "2022", "END", "year", "since")
    assert (row.interval_start, row.interval_end) == (dt.datetime(2022, 9, 1),
                                                      dt.datetime(2022, 12, 31))


@pytest.mark.parametrize("published, expected", [
    (OCTOBER, "2024-03"), (EARLY_JANUARY, "2024-03"), (LATE_DECEMBER, "2024-03")])
def test_bare_month_in_the_past_tense_is_the_last_such_month(published, expected):
    row = one("The committee warned the company in March.", published)
    assert (row.value, row.precision, row.anchor) == (expected, "month", published)


def test_bare_month_in_the_future_tense_is_the_next_such_month():
    assert one("The committee will vote in March.").value == "2025-03"
    assert one("The vote was held in December.", EARLY_JANUARY).value == "2024-12"
    assert one("The summit will open in January.", LATE_DECEMBER).value == "2025-01"


@pytest.mark.parametrize("published, expected", [
    (OCTOBER, ("2024", "2024-10", "2024-10-25", "2024-10-24", "2024-10-26")),
    (EARLY_JANUARY, ("2025", "2025-01", "2025-01-03", "2025-01-02", "2025-01-04")),
    (LATE_DECEMBER, ("2024", "2024-12", "2024-12-30", "2024-12-29", "2024-12-31")),
])
def test_this_year_this_month_today_yesterday_tomorrow(published, expected):
    values = [value for _, _, value in found(
        "This year was hard; this month prices fell today after yesterday's slump, and "
        "tomorrow may bring more.", published)]
    assert values == list(expected)


def test_earlier_this_year_runs_from_january_to_publication():
    row = one("Troops were buying terminals earlier this year.")
    assert (row.value, row.interval_start, row.interval_end) == (
        "2024", dt.datetime(2024, 1, 1), dt.datetime(2024, 10, 25))


def test_last_and_next_week_month_year_across_new_year():
    assert [v for _, _, v in found("Talks stalled last week and resume next month; the "
                                   "law passed last year.", EARLY_JANUARY)] == [
        "2024-W52", "2025-02", "2024"]
    assert [v for _, _, v in found("Talks stalled last week and resume next month.",
                                   LATE_DECEMBER)] == ["2024-W52", "2025-01"]


def test_over_the_last_two_years_is_a_duration_covering_the_two_years_before():
    row = one("Conversations over the last two years touched on business.")
    assert (row.text, row.type, row.value) == ("the last two years", "DURATION", "P2Y")
    assert (row.interval_start, row.interval_end) == (dt.datetime(2022, 10, 25),
                                                      dt.datetime(2024, 10, 25))


@pytest.mark.parametrize("sentence, text, value", [
    ("The system was vital over the two-year conflict.", "two-year", "P2Y"),
    ("The strike lasted 18 months.", "18 months", "P18M"),
    ("He was held for about three weeks.", "about three weeks", "P3W"),
    ("The talks took more than four hours.", "more than four hours", "PT4H"),
    ("The program ran for a decade.", "a decade", "P10Y"),
    ("Rates fell in the first nine months.", "the first nine months", "P9M"),
])
def test_durations(sentence, text, value):
    row = one(sentence)
    assert (row.text, row.type, row.value) == (text, "DURATION", value)


def test_duration_mods():
    assert one("He waited about three weeks.")["mod"] == "APPROX"
    assert one("It took more than four hours.")["mod"] == "MORE_THAN"
    assert one("They spent nearly two years there.")["mod"] == "LESS_THAN"


@pytest.mark.parametrize("sentence, published, value", [
    ("Officials met on Tuesday.", OCTOBER, "2024-10-22"),
    ("Officials will meet on Tuesday.", OCTOBER, "2024-10-29"),
    ("Officials met on Friday.", OCTOBER, "2024-10-25"),
    ("Officials met on Monday.", EARLY_JANUARY, "2024-12-30"),
    ("Officials will meet on Thursday.", LATE_DECEMBER, "2025-01-02"),
    ("Officials met last Friday.", OCTOBER, "2024-10-18"),
    ("Officials meet next Monday.", OCTOBER, "2024-10-28"),
])
def test_weekdays_follow_the_tense_of_the_verb(sentence, published, value):
    assert one(sentence, published).value == value


def test_quarters_halves_seasons():
    assert found("Profit rose in the third quarter and in Q1 2023.") == [
        ("the third quarter", "DATE", "2024-Q3"), ("Q1 2023", "DATE", "2023-Q1")]
    assert one("Sales fell in the second half of 2023.").value == "2023-H2"
    assert one("The talks began last summer.").value == "2024-SU"
    assert one("Exports grew in the spring of 2019.").value == "2019-SP"
    assert one("The plan starts this winter.", EARLY_JANUARY).value == "2024-WI"


def test_decades_and_centuries():
    assert found("The 1990s were calm, unlike the mid-1980s or the 20th century.") == [
        ("The 1990s", "DATE", "199"), ("the mid-1980s", "DATE", "198"),
        ("the 20th century", "DATE", "19")]
    assert value_interval("199")[:2] == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))


def test_since_and_until_are_signals_outside_the_span():
    table = timexes(read_article("He has lived there since 2010 and stays until June 2025.",
                                 published=OCTOBER))
    assert list(zip(table["text"], table["signal"])) == [("2010", "since"),
                                                        ("June 2025", "until")]


def test_times_of_day():
    assert found("The meeting starts at 9:30 a.m. and ends at 3 p.m. EST.") == [
        ("9:30 a.m.", "TIME", "2024-10-25T09:30"), ("3 p.m. EST", "TIME", "2024-10-25T15:00")]
    assert found("He spoke yesterday morning and leaves tonight.", LATE_DECEMBER) == [
        ("yesterday morning", "TIME", "2024-12-29TMO"), ("tonight", "TIME", "2024-12-30TNI")]


def test_present_past_and_future_references():
    assert found("Now talks continue, as they recently did, and will in the future.") == [
        ("Now", "DATE", "PRESENT_REF"), ("recently", "DATE", "PAST_REF"),
        ("the future", "DATE", "FUTURE_REF")]


def test_sets():
    assert found("The board meets every Monday, reports weekly and votes twice a year.") == [
        ("every Monday", "SET", "XXXX-WXX-1"), ("weekly", "SET", "P1W"),
        ("twice a year", "SET", "P1Y")]


def test_ago_counts_back_from_publication_and_later_from_the_date_before():
    assert found("Two years ago the plant closed.", EARLY_JANUARY) == [
        ("Two years ago", "DATE", "2023")]
    assert found("The plant closed in March 2020; two years later it reopened.") == [
        ("March 2020", "DATE", "2020-03"), ("two years later", "DATE", "2022")]


@pytest.mark.parametrize("sentence", [
    "She may resign if the board asks.",
    "May I add something, the senator asked.",
    "Thousands will march on the capital.",
    "Prime Minister Theresa May spoke to reporters.",
    "The actor Fredric March won twice.",
    "The Sunday Times reported the deal.",
    "The firm sold 2,000 terminals.",
    "The firm sold 2000 terminals.",
    "It could change the future of the islands.",
    "Prices may fall further.",
])
def test_false_friends_are_not_time_expressions(sentence):
    assert found(sentence) == []


def test_may_and_march_are_months_next_to_a_preposition_day_or_year():
    assert [v for _, _, v in found("Voting ended in May; the March 3 rally was calm.")] == [
        "2024-05", "2024-03-03"]


def test_without_a_publication_date_relative_values_keep_placeholders_and_warn():
    article = read_article("The vote was last week; the next is on Friday and in March.")
    with pytest.warns(StorylineWarning, match=r"published='YYYY-MM-DD'.*--published"):
        table = timexes(article)
    assert table["value"].tolist() == ["XXXX-WXX", "XXXX-WXX-5", "XXXX-03"]
    assert table["ambiguous"].all()
    assert table["interval_start"].isna().all()


def test_absolute_dates_need_no_publication_date():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StorylineWarning)
        table = timexes(read_article("The treaty was signed in 1949 and on 4 April 1949."))
    assert table["value"].tolist() == ["1949", "1949-04-04"]
    assert not table["ambiguous"].any()


def test_day_month_order_that_could_go_either_way_is_flagged():
    row = one("The letter is dated 03/04/2024.")
    assert (row.value, bool(row.ambiguous)) == ("2024-03-04", True)


def test_columns_follow_the_declaration():
    check_table(timexes(read_article("Nothing to see.", published=OCTOBER)), TIMEX_COLUMNS)
    check_table(timexes(read_article("It fell in 1998.", published=OCTOBER)), TIMEX_COLUMNS)


_WORDS = ["in", "March", "May", "late", "2022", "last", "week", "Friday", "two", "years",
          "ago", "the", "third", "quarter", "today", "since", "Oct.", "25,", "2024", "said",
          "officials", "over", "-", "year", "conflict", "9:30", "a.m.", "every", "1990s", ".",
          "\n\n", "’", "“", "now", "earlier", "this"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30),
       st.sampled_from([None, OCTOBER, EARLY_JANUARY, LATE_DECEMBER]))
def test_offsets_point_at_the_text_of_every_row(tokens, published):
    text = "Officials said " + " ".join(tokens) + "."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        table = timexes(read_article(text, published=published))
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.value
    assert table["start"].is_monotonic_increasing


def test_example_article_expected_values(example):
    table = timexes(example)
    values = dict(zip(table["text"], table["value"]))
    assert values["late 2022"] == "2022"
    assert values["the last two years"] == "P2Y"
    assert values["earlier this year"] == "2024"
    assert values["two-year"] == "P2Y"
    assert values["March"] == "2024-03"
    assert values["this month"] == "2024-10"
    assert values["today"] == "2024-10-25"
    assert values["1949"] == "1949"
    assert table.set_index("text").loc["late 2022", "mod"] == "END"
    assert (table["anchor"][table["value"].str.startswith("2024")] == "2024-10-25").all()
    for row in table.itertuples():
        assert example.text[row.start:row.end] == row.text


def test_analyze_includes_timexes(example):
    assert "timexes" in analyze(example)


def test_months_with_last_next_and_edges():
    assert found("Sales fell last November and will rise next March.") == [
        ("last November", "DATE", "2023-11"), ("next March", "DATE", "2025-03")]
    row = one("Talks will resume in mid-November.")
    assert (row.text, row.value, row["mod"]) == ("mid-November", "2024-11", "MID")


def test_clock_time_with_its_day():
    assert found("The polls close at 9 p.m. Tuesday.", LATE_DECEMBER) == [
        ("9 p.m. Tuesday", "TIME", "2024-12-31T21:00")]


def test_amount_a_year_is_a_set():
    assert found("The job pays $50,000 a year.") == [("a year", "SET", "P1Y")]


def test_the_quarter_refers_to_the_quarter_named_before_or_the_last_one():
    assert [v for _, _, v in found("Profit rose in the second quarter. Sales in the quarter "
                                   "grew.")] == ["2024-Q2", "2024-Q2"]
    assert one("Sales in the quarter grew.").value == "2024-Q3"


def test_a_year_ago_beside_a_quarter_is_that_quarter_a_year_earlier():
    assert found("Profit rose in the third quarter from $5 million a year ago.")[-1] == (
        "a year ago", "DATE", "2023-Q3")


def test_duration_before_an_event_keeps_the_signal_out():
    assert found("He died 13 days after the bombing.") == [("13 days", "DURATION", "P13D")]
    assert found("She had left two days before.") == [("two days before", "DATE", "2024-10-23")]


def test_mods_on_references_and_the_kept_before_a_mod():
    assert one("The vote came late yesterday.")["text"] == "late yesterday"
    assert one("Prices fell in the early 1980s.")["text"] == "the early 1980s"
    assert [t for t, _, _ in found("Profit fell in the third quarter; the third-quarter loss "
                                   "grew.")] == ["the third quarter", "third-quarter"]


@pytest.mark.parametrize("sentence, expected", [
    ("Prices rose over the past a couple of years.",
     ("the past a couple of years", "DURATION", "PXY")),
    ("Sales will recover earlier the next fiscal year.",
     ("earlier the next fiscal year", "DATE", "2025")),
    ("The board meets every other Monday.", ("every other Monday", "SET", "XXXX-WXX-1")),
    ("He flies three times a week.", ("three times a week", "SET", "P1W")),
    ("Profit fell in the most recent quarter.", ("the most recent quarter", "DATE", "2024-Q3")),
    ("It was a two - year project.", ("two - year", "DURATION", "P2Y")),
])
def test_expressions_whose_key_word_comes_several_words_after_their_first(sentence, expected):
    assert found(sentence) == [expected]
