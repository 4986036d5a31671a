"""Timeline: events in time order, their clauses, who reports them, the publication apart."""

from __future__ import annotations

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import read_article, timeline, timexes
from storyline.analysis import analyze
from storyline.articles import StorylineWarning
from storyline.tables import check_table
from storyline.timeline import TIMELINE_COLUMNS, _claims_by_sentence, _reporting_claim

PUBLISHED = "2024-10-25"


def events(text: str, published: str | None = PUBLISHED):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        return timeline(read_article(text, published=published))


def test_events_are_sorted_by_date_and_publication_comes_last():
    table = events("The U.S. acted today. The treaty was signed in 1949. "
                   "Troops arrived in March.")
    assert table["kind"].tolist() == ["event", "event", "event", "publication"]
    assert table["timex_text"].tolist() == ["1949", "March", "today", ""]
    assert table["event_id"].tolist() == [0, 1, 2, 3]
    assert table.iloc[-1]["value"] == PUBLISHED


def test_event_text_is_the_clause_of_the_expression():
    table = events("The mayor resigned in 2019, but the council stayed on until 2023.")
    assert table["text"].tolist()[:2] == ["The mayor resigned in 2019",
                                          "the council stayed on until 2023."]


def test_since_runs_to_publication_and_until_up_to_the_date():
    table = events("Prices have risen since late 2022. Talks continue until June 2025.")
    since, until = table.iloc[0], table.iloc[1]
    assert (str(since.interval_start.date()), str(since.interval_end.date())) == (
        "2022-09-01", PUBLISHED)
    assert (str(until.interval_start.date()), str(until.interval_end.date())) == (
        PUBLISHED, "2025-06-30")


def test_duration_in_a_present_perfect_clause_ends_at_publication():
    row = events("The ceasefire has held over the two-year truce.").iloc[0]
    assert (str(row.interval_start.date()), str(row.interval_end.date())) == (
        "2022-10-25", PUBLISHED)


def test_event_reported_in_a_claim_keeps_the_claim_and_its_source():
    row = events("The ministry said the dam broke on Friday.").iloc[0]
    assert row.source_text == "The ministry"
    assert row.claim_id == 0


def test_event_stated_by_the_article_has_no_source():
    row = events("The dam broke on Friday.").iloc[0]
    assert row.source_text == "" and row.claim_id is not None and str(row.claim_id) == "<NA>"


def test_sentence_carrying_on_the_story_takes_the_previous_date():
    table = events("Farm unions warned the minister in May. In a petition, the unions "
                   "demanded lower fuel taxes.")
    assert table["value"].tolist()[:2] == ["2024-05", "2024-05"]
    assert table["anchored_by"].tolist()[:2] == ["timex", "previous sentence"]


def test_unrelated_sentence_does_not_take_the_previous_date():
    table = events("Farm unions warned the minister in May. Rain fell across the north.")
    assert table["kind"].tolist() == ["event", "publication"]


def test_vague_references_and_sets_are_not_placed():
    table = events("Prices recently rose. The board meets every Monday.")
    assert table["kind"].tolist() == ["publication"]


def test_without_publication_only_absolute_dates_are_placed():
    table = events("The bridge opened in 1932 and closed last week.", published=None)
    assert table["timex_text"].tolist() == ["1932"]


def test_columns_follow_the_declaration():
    check_table(events("Nothing happened."), TIMELINE_COLUMNS)
    check_table(events("It fell in 1998, officials said."), TIMELINE_COLUMNS)


_WORDS = ["in", "March", "since", "late", "2022", "today", "officials", "said", "has", "been",
          "over", "the", "last", "two", "years", ",", "and", "warned", "they", ".", "until",
          "1949", "this", "month"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_offsets_point_at_the_clause_and_rows_are_in_time_order(tokens):
    text = "Reports say " + " ".join(tokens) + "."
    table = events(text)
    placed = table[table["kind"] == "event"]
    for row in placed.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.start <= text.find(row.timex_text, row.start) < row.end or \
            row.anchored_by != "timex"
    keys = placed["interval_start"].fillna(placed["interval_end"])
    assert keys.is_monotonic_increasing


def test_example_timeline_order(example):
    table = timeline(example)
    order = table["value"].tolist()
    wanted = ["1949", "2022", "2024", "2024-03", "2024-10", "2024-10-25"]
    assert [order.index(value) for value in wanted] == sorted(
        order.index(value) for value in wanted)
    contacts = table[table["value"] == "2022"].iloc[0]
    assert "close contact" in contacts.text
    assert contacts.source_text == "Former U.S., European and Russian officials"
    march = table[table["value"] == "2024-03"]
    assert march["text"].str.contains("warned").any()
    assert march["text"].str.contains("letter").any()
    today = table[(table["kind"] == "event") & (table["value"] == "2024-10-25")]
    assert today["text"].str.contains("Kremlin today slammed").any()
    assert table.iloc[-1]["kind"] == "publication"
    for row in table[table["kind"] == "event"].itertuples():
        assert example.text[row.start:row.end] == row.text


def test_analyze_includes_timeline(example):
    assert "timeline" in analyze(example)


def test_analyze_shows_the_no_date_warning_once_though_two_tables_need_the_date():
    article = read_article("The levee broke on Friday and was mended in May.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        analyze(article)
    messages = [str(w.message) for w in caught if issubclass(w.category, StorylineWarning)]
    assert len(messages) == 1
    assert "has no publication date, so 2 relative time expression(s)" in messages[0]


def test_each_call_on_an_undated_article_warns_however_much_is_cached():
    article = read_article("The sluice opened on Friday and closed in May.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for build in (timexes, timeline, timeline):
            build(article)
    assert sum(issubclass(w.category, StorylineWarning) for w in caught) == 3


def test_timeline_alone_warns_where_it_is_called():
    article = read_article("The dyke was shut on Monday.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        timeline(article)
    [warning] = [w for w in caught if issubclass(w.category, StorylineWarning)]
    assert warning.filename == __file__


def test_a_dated_article_gives_no_date_warning():
    article = read_article("The levee broke on Friday and was mended in May.",
                           published=PUBLISHED)
    with warnings.catch_warnings():
        warnings.simplefilter("error", StorylineWarning)
        assert len(timeline(article)) == 3


def _reporting_claim_by_scan(claims: list[dict], sentence_id: int, start: int, end: int,
                             position: int) -> int | None:
    """The definition: the innermost claim content holding ``position``, else the first claim
    of the sentence whose content overlaps the event, among all the article's claims."""
    inside = [(claim["content_end"] - claim["content_start"], row)
              for row, claim in enumerate(claims)
              if claim["content_start"] <= position < claim["content_end"]]
    if inside:
        return min(inside)[1]
    return next((row for row, claim in enumerate(claims)
                 if claim["sentence_id"] == sentence_id and
                 min(claim["content_end"], end) > max(claim["content_start"], start)), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 15), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(-1, 60), st.integers(0, 20), st.integers(0, 5)),
                max_size=8),
       st.data())
def test_reporting_claim_is_the_one_a_scan_of_all_claims_finds(lengths, spans, data):
    sentences, start = [], 0
    for length in lengths:
        sentences.append((0, start, start + length))
        start += length + 1  # one space between sentences
    claims = [{"content_start": first, "content_end": first + width if first >= 0 else -1,
               "sentence_id": min(sentence_id, len(sentences) - 1)}
              for first, width, sentence_id in spans]
    sentence_id = data.draw(st.integers(0, len(sentences) - 1))
    _, s_start, s_end = sentences[sentence_id]
    clause_start = data.draw(st.integers(s_start, s_end - 1))
    clause_end = data.draw(st.integers(clause_start + 1, s_end))
    position = data.draw(st.integers(clause_start, clause_end - 1))
    by_sentence = _claims_by_sentence(tuple(claims), tuple(sentences))
    assert _reporting_claim(by_sentence.get(sentence_id, []), sentence_id, clause_start,
                            clause_end, position) == \
        _reporting_claim_by_scan(claims, sentence_id, clause_start, clause_end, position)
