"""The report: valid HTML, highlights that are the article's own words, inert hostile text."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys

import html5lib
import pandas as pd
import pytest
from openpyxl import load_workbook

from conftest import EXAMPLE
from storyline import read_article, write_report
from storyline.analysis import analyze
from storyline.report import render_html

HOSTILE_TEXT = (
    "Officials said <script>alert('text')</script> the dam leaked in May 2023. "
    "\"<img src=x onerror=alert('img')>\" said Jo Ames, the mayor. "
    "A spokesman said <a href=\"javascript:alert('link')\">the report</a> was false. "
    "Critics said the plan was \"=HYPERLINK(\"http://evil.example\",\"click\")\" | a | b."
)


def parse(html: str):
    """The document as an element tree; html5lib in strict mode raises on any parse error."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"),
                                 namespaceHTMLElements=False)
    return parser.parse(html)


def pieces_by_key(document) -> dict[str, str]:
    texts: dict[str, str] = {}
    for mark in document.iter("mark"):
        if mark.get("data-key"):
            texts[mark.get("data-key")] = texts.get(mark.get("data-key"), "") + "".join(
                mark.itertext())
    return texts


@pytest.fixture(scope="module")
def example_report(example):
    tables = analyze(example)
    return example, tables, render_html(example, tables)


@pytest.fixture(scope="module")
def hostile():
    article = read_article(HOSTILE_TEXT, published="2024-10-25",
                           title="<script>alert('title')</script>",
                           url="javascript:alert('url')", outlet="<b onmouseover=alert(1)>x</b>")
    tables = analyze(article)
    return article, tables, render_html(article, tables)


def test_the_report_is_valid_html(example_report):
    document = parse(example_report[2])
    assert document.find(".//title").text.startswith("storyline report")


def test_every_highlight_reads_exactly_the_article_slice(example_report):
    article, tables, html = example_report
    document = parse(html)
    texts = pieces_by_key(document)
    claims, sources, timexes = tables["claims"], tables["sources"], tables["timexes"]
    assert len(texts) >= len(claims) + len(sources) + len(timexes)
    for row in claims.itertuples():
        assert texts[f"claim-{row.claim_id}"] == article.text[row.content_start:row.content_end]
    for row in sources.itertuples():
        for i, (start, end) in enumerate(sorted(row.mentions,
                                                key=lambda m: (m[0] != row.start, m[0]))):
            key = f"source-{row.source_id}" + ("" if i == 0 else f"-{i}")
            assert texts[key] == article.text[start:end]
    for row in timexes.itertuples():
        assert texts[f"timex-{row.timex_id}"] == article.text[row.start:row.end]
    body = document.find(".//div[@id='article-text']")
    assert "".join(body.itertext()) == article.text


def test_each_row_links_to_its_highlight_and_each_highlight_to_its_row(example_report):
    document = parse(example_report[2])
    ids = {element.get("id") for element in document.iter() if element.get("id")}
    rows = [row for row in document.iter("tr") if row.get("data-target")]
    assert any(row.get("id") == "row-claim-0" for row in rows)
    for row in rows:
        assert f"hl-{row.get('data-target')}" in ids
        [link] = [a for a in row.iter("a")]
        assert link.get("href") == f"#hl-{row.get('data-target')}"
    claim_marks = [m for m in document.iter("mark") if m.get("class") == "claim" and m.get("id")]
    assert claim_marks and all(f"row-{mark.get('data-key')}" in ids for mark in claim_marks)


def test_report_holds_four_charts_three_tables_and_the_profile_in_words(example_report):
    article, tables, html = example_report
    document = parse(html)
    images = [img.get("src") for img in document.iter("img")]
    figures = [f.get("id") for f in document.iter("figure")]
    assert figures == ["chart-sources", "chart-attribution", "chart-timeline", "chart-entities"]
    assert len(images) == sum(name in tables for name in
                              ("sources", "attribution_edges", "timeline", "entities"))
    assert all(src.startswith("data:image/png;base64,") for src in images)
    for name in ("claims", "sources", "timeline"):
        assert document.find(f".//h2[@id='{name}']") is not None
    profile = " ".join(document.find(".//ul[@class='profile']").itertext())
    n_claims = len(tables["claims"])
    assert re.search(rf"\d+ of {n_claims} claims rest on anonymous sources", profile)


def test_profile_counts_anonymous_claims_in_plain_words(tmp_path):
    article = read_article("Two officials said the dam leaked. The mayor said the dam was "
                           "safe.", published="2024-10-25")
    document = parse(render_html(article, analyze(article)))
    profile = " ".join(document.find(".//ul[@class='profile']").itertext())
    assert "2 claims from 2 sources." in profile
    assert "1 of 2 claims rest on anonymous sources." in profile


def test_the_page_can_load_nothing_from_the_network(example_report):
    html = example_report[2]
    document = parse(html)
    [policy] = [meta.get("content") for meta in document.iter("meta")
                if meta.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy and "img-src data:" in policy
    [script] = list(document.iter("script"))
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert not list(document.iter("link"))
    for element in document.iter():
        for name in ("src", "href"):
            value = element.get(name) or ""
            assert not re.match(r"(?i)\s*(//|https?:(?!//www\.dailymail))", value), value


def test_hostile_text_and_metadata_render_as_inert_text(hostile):
    article, tables, html = hostile
    document = parse(html)
    scripts = list(document.iter("script"))
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    assert all(img.get("src", "").startswith("data:image/png;base64,")
               for img in document.iter("img"))
    for element in document.iter():
        assert not [name for name in element.keys() if name.lower().startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            assert not (element.get(name) or "").strip().lower().startswith("javascript:")
    page_text = "".join(document.find(".//body").itertext())
    assert "<script>alert('text')</script>" in page_text
    assert "<img src=x onerror=alert('img')>" in page_text
    assert "javascript:alert('url')" in page_text  # shown as text, not a link
    assert "".join(document.find(".//div[@id='article-text']").itertext()) == article.text


def test_an_article_with_no_claims_no_sources_and_no_dates_says_so(tmp_path):
    article = read_article("the weather was fine and the sea was calm.")
    document = parse(render_html(article, analyze(article)))
    words = " ".join(document.find(".//body").itertext())
    assert "No claims found" in words and "No sources found" in words
    assert "No attributed claims were found" in words
    assert not list(document.iter("table"))


def test_markdown_report_has_charts_beside_it_and_escaped_tables(tmp_path, hostile):
    article, tables, _ = hostile
    path = write_report(article, tables, tmp_path, format="md")
    assert path == tmp_path / article.id / "report.md"
    text = path.read_text(encoding="utf-8")
    for chart in re.findall(r"!\[[^]]*\]\(([^)]+)\)", text):
        assert (path.parent / chart).read_bytes().startswith(b"\x89PNG")
        assert (path.parent / chart).with_suffix(".csv").exists()
    assert "<script" not in text and "<img" not in text and "&lt;script&gt;" in text
    header = next(line for line in text.splitlines() if line.startswith("| # | source"))
    width = header.count(" | ")
    for line in text.split("## Claims", 1)[1].split("## Sources")[0].splitlines():
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == width + 2, line


def test_csv_report_writes_one_file_per_table(tmp_path, example_report):
    article, tables, _ = example_report
    folder = write_report(article, tables, tmp_path, format="csv")
    assert sorted(p.stem for p in folder.iterdir()) == sorted(tables)
    claims = pd.read_csv(folder / "claims.csv")
    assert len(claims) == len(tables["claims"])


def test_xlsx_report_has_a_sheet_per_table_and_formulas_stay_text(tmp_path, hostile):
    article, tables, _ = hostile
    formula = '=HYPERLINK("http://evil.example","click")'
    tables = {**tables, "notes": pd.DataFrame({"note": [formula]})}
    path = write_report(article, tables, tmp_path, format="xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["article", *tables]
    assert book["claims"].max_row == len(tables["claims"]) + 1
    cell = book["notes"]["A2"]
    assert (cell.value, cell.data_type) == (formula, "s")


def test_unknown_format_is_refused(tmp_path, example_report):
    article, tables, _ = example_report
    with pytest.raises(ValueError, match="format must be one of html, md, csv, xlsx"):
        write_report(article, tables, tmp_path, format="pdf")


def test_cli_writes_the_html_report_and_says_where(tmp_path):
    result = subprocess.run([sys.executable, "-m", "storyline.cli", "analyze", str(EXAMPLE),
                             "--format", "html", "--out", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "musk-putin-starlink.html"
    assert f"wrote {path}" in result.stderr
    assert f"file://{path.resolve()}" in result.stderr
    parse(path.read_text(encoding="utf-8"))
