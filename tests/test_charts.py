"""Charts draw what the tables hold, say so in words when there is nothing, and save with data."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.text import Annotation

from storyline import (
    entities,
    plot_attribution_chain,
    plot_entities,
    plot_sources,
    plot_timeline,
    read_article,
    save_figure,
    sources,
)
from storyline.analysis import TABLES


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def make_timeline(rows: list[tuple]) -> pd.DataFrame:
    """A timeline table from (kind, text, timex_text, start, end, claim_id, source_id)."""
    frame = pd.DataFrame(rows, columns=["kind", "text", "timex_text", "interval_start",
                                        "interval_end", "claim_id", "source_id"])
    frame["interval_start"] = pd.to_datetime(frame["interval_start"])
    frame["interval_end"] = pd.to_datetime(frame["interval_end"])
    frame["claim_id"] = frame["claim_id"].astype("Int64")
    frame["source_id"] = frame["source_id"].astype("Int64")
    return frame


LONG_STORY = make_timeline([
    ("event", "The island was split from the mainland after the civil war", "1949",
     "1949-01-01", "1949-12-31", None, None),
    ("event", "the founder has been in close contact with the president", "late 2022",
     "2022-09-01", "2024-10-25", 1, 1),
    ("event", "Forces were reported to be buying terminals", "earlier this year",
     "2024-01-01", "2024-10-25", 4, None),
    ("event", "Lawmakers warned about the terminals", "March", "2024-03-01", "2024-03-31", 6, 4),
    ("event", "The ministry slammed the report as false", "today", "2024-10-25", "2024-10-25",
     14, 12),
    ("event", "The officials met in secret", "on 3 May", "2024-05-03", "2024-05-03", 2, 2),
    ("publication", "", "", "2024-10-25", "2024-10-25", None, None),
])
LONG_STORY_SOURCES = pd.DataFrame({"source_id": [1, 2, 4, 12],
                                   "source_type": ["anonymous", "anonymous", "organisation",
                                                   "government"]})
EDGES = pd.DataFrame({
    "from_name": ["western officials", "two officials", "The Journal", "The ministry",
                  "The ministry", "The mayor"],
    "from_type": ["anonymous", "anonymous", "outlet", "government", "government", "person"],
    "to_name": ["The Journal", "The Journal", "this article", "two officials", "this article",
                "this article"],
    "to_type": ["outlet", "outlet", "article", "anonymous", "article", "article"],
    "relation": ["reports_to", "reports_to", "relays", "denies", "cites", "cites"],
})


def label_boxes_overlap(ax) -> bool:
    ax.figure.canvas.draw()
    boxes = [label.get_window_extent() for label in ax.get_yticklabels() if label.get_text()]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_timeline_draws_periods_as_bars_days_as_points_and_the_publication_date():
    ax = plot_timeline(LONG_STORY, sources=LONG_STORY_SOURCES)
    bars = [bar for container in ax.containers for bar in container]
    assert len(bars) == 4  # 1949, late 2022, earlier this year, March
    points = [line for line in ax.lines if line.get_marker() not in (None, "None", "")
              and len(line.get_xdata()) == 1]
    assert len(points) == 2  # today, on 3 May
    texts = [text.get_text() for text in ax.texts]
    assert "published 25 Oct 2024" in texts
    assert [label.get_text() for label in ax.get_yticklabels()][0].startswith("1949: The island")


def test_timeline_cuts_the_empty_decades_so_recent_months_stay_readable():
    ax = plot_timeline(LONG_STORY)
    assert ax.get_xscale() == "function"
    assert any("years\nskipped" in text.get_text() for text in ax.texts)
    ax.figure.canvas.draw()
    march = [bar for container in ax.containers for bar in container
             if 28 <= bar.get_width() <= 32]
    width = march[0].get_window_extent().width
    axis_width = ax.get_window_extent().width
    assert width > axis_width / 100  # a month is visible, not a hair
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert "1949" in labels and any("2024" in label for label in labels)


def test_timeline_labels_do_not_overlap_and_colour_by_attribution():
    ax = plot_timeline(LONG_STORY, sources=LONG_STORY_SOURCES)
    assert not label_boxes_overlap(ax)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert {"anonymous source", "named source", "unattributed ('reportedly')",
            "the article itself"} <= set(legend)


def test_timeline_notes_events_with_no_place_on_the_calendar():
    undated = make_timeline([("event", "it happened long ago", "once", None, None, None, None),
                             ("event", "the vote", "on 2 May", "2024-05-02", "2024-05-02",
                              None, None)])
    ax = plot_timeline(undated)
    assert "1 undated event(s) not drawn" in ax.get_title(loc="left")


def test_sources_split_claims_into_firm_hedged_and_denials_grouped_by_type(example):
    table = sources(example)
    ax = plot_sources(table)
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels[0] == "ANONYMOUS"
    assert "PERSON" in labels and "OUTLET" in labels
    bars = [bar for container in ax.containers for bar in container]
    assert sum(bar.get_width() for bar in bars) == table["n_claims"].sum()
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["stated firmly", "hedged", "denials"]
    assert not label_boxes_overlap(ax)


def test_attribution_chain_draws_relays_left_to_right_and_denials_in_red():
    ax = plot_attribution_chain(EDGES)
    nodes = {text.get_text(): text.get_position() for text in ax.texts if text.get_text()
             and not isinstance(text, Annotation)}
    assert nodes["western officials"][0] < nodes["The Journal"][0] < nodes["this article"][0]
    arrows = [text for text in ax.texts if isinstance(text, Annotation)]
    assert len(arrows) == len(EDGES)
    red = [arrow for arrow in arrows if arrow.arrow_patch.get_edgecolor()[0] > 0.7
           and arrow.arrow_patch.get_edgecolor()[1] < 0.3]
    assert len(red) == 1


def test_attribution_chain_with_only_direct_quotes_draws_them_all():
    direct = pd.DataFrame({"from_name": list("ABCDE"), "from_type": ["person"] * 5,
                           "to_name": ["this article"] * 5, "to_type": ["article"] * 5,
                           "relation": ["cites"] * 5})
    ax = plot_attribution_chain(direct)
    names = {text.get_text() for text in ax.texts if text.get_text()}
    assert names == {"A", "B", "C", "D", "E", "this article"}


def test_attribution_chain_of_the_example_when_sourcing_is_available(example):
    if "attribution_edges" not in TABLES:
        pytest.skip("storyline.sourcing has not landed yet")
    ax = plot_attribution_chain(TABLES["attribution_edges"](example))
    names = {text.get_text().replace("\n", " ") for text in ax.texts}
    assert "The Wall Street Journal" in names and "this article" in names


def test_entities_grid_counts_shared_sentences():
    ax = plot_entities(entities("Jo Ames met Tim Bell in Paris. Jo Ames left Paris. "
                                "Tim Bell stayed home."))
    [image] = [child for child in ax.get_children() if isinstance(child, AxesImage)]
    names = [label.get_text() for label in ax.get_xticklabels()]
    grid = image.get_array()
    assert grid[names.index("Jo Ames"), names.index("Paris")] == 2
    assert grid[names.index("Jo Ames"), names.index("Tim Bell")] == 1


def test_entities_of_the_example_show_the_main_people(example):
    ax = plot_entities(entities(example))
    names = [label.get_text() for label in ax.get_xticklabels()]
    assert {"Vladimir Putin", "Elon Musk"} <= set(names)
    assert not label_boxes_overlap(ax)


@pytest.mark.parametrize("plot, table", [
    (plot_sources, "sources"), (plot_entities, "entities"),
    (plot_attribution_chain, "edges"), (plot_timeline, "timeline")])
def test_an_article_with_no_claims_and_no_dates_gets_charts_that_say_so(plot, table):
    article = read_article("the weather was fine and the sea was calm.")
    tables = {"sources": sources(article), "entities": entities(article),
              "edges": EDGES.iloc[0:0], "timeline": LONG_STORY.iloc[0:0]}
    ax = plot(tables[table])
    [message] = [text.get_text() for text in ax.texts]
    assert message.startswith("No ")
    assert not ax.axison


def test_charts_draw_into_a_given_axes_without_pyplot():
    ax = Figure().subplots()
    assert plot_timeline(LONG_STORY, ax=ax) is ax


def test_save_figure_writes_png_svg_and_the_data_drawn(tmp_path, example):
    ax = plot_sources(sources(example))
    written = save_figure(ax.figure, tmp_path / "charts" / "sources.png", svg=True)
    assert [path.name for path in written] == ["sources.png", "sources.svg", "sources.csv"]
    assert written[0].read_bytes().startswith(b"\x89PNG")
    assert written[1].read_text().lstrip().startswith("<?xml")
    data = pd.read_csv(written[2])
    assert {"label", "source_type", "stated firmly", "hedged", "denials"} <= set(data.columns)
    assert data["label"].tolist()[0] == "western security officials"


def test_save_figure_needs_data_for_a_figure_it_did_not_draw(tmp_path):
    figure = Figure()
    figure.subplots().plot([1, 2], [3, 4])
    with pytest.raises(ValueError, match="pass data="):
        save_figure(figure, tmp_path / "line.png")
    written = save_figure(figure, tmp_path / "line", data=pd.DataFrame({"x": [1, 2]}))
    assert [path.name for path in written] == ["line.png", "line.csv"]
