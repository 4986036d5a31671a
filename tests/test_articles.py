import datetime as dt
import json
import time

import pytest

from conftest import EXAMPLE
from storyline import read_article, read_articles, timexes
from storyline.articles import (
    Article,
    ArticleError,
    StorylineWarning,
    article_inputs,
    find_boilerplate,
    load_input,
)


def test_example_metadata_comes_from_the_sidecar_table(example):
    assert example.id == "musk-putin-starlink"
    assert example.outlet == "Daily Mail"
    assert example.published == dt.date(2024, 10, 25)
    assert example.url.startswith("https://www.dailymail.co.uk/")
    assert example.title is None
    assert example.text == EXAMPLE.read_text(encoding="utf-8")


def test_arguments_override_sidecar_metadata():
    article = read_article(EXAMPLE, outlet="Mail Online", published="2024-10-26")
    assert article.outlet == "Mail Online"
    assert article.published == dt.date(2024, 10, 26)


def test_boilerplate_lines_are_found_and_offsets_index_the_text(example):
    texts = [example.text[s:e] for s, e in example.boilerplate]
    assert texts[0] == "Advertisement"
    assert "***" in texts
    assert any(t.startswith("Read more at") for t in texts)
    assert any(t.startswith("Want more stories like this") for t in texts)


def test_boilerplate_patterns_generalise_to_other_share_prompts():
    text = "Story line one.\nShare this article\nFollow us on Twitter\n- - -\n———\nEnd - - - no."
    found = [text[s:e] for s, e in find_boilerplate(text)]
    assert found == ["Share this article", "Follow us on Twitter", "- - -", "———"]


def test_markdown_front_matter_gives_metadata(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Senate votes\noutlet: The Hill\npublished: 2023-01-05\n---\n"
                    "The Senate voted on Tuesday, officials said.\n", encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.outlet, article.published) == (
        "Senate votes", "The Hill", dt.date(2023, 1, 5))
    assert article.text.startswith("The Senate voted")


def test_html_body_and_metadata_are_extracted(tmp_path):
    body = " ".join(["The mayor said the bridge would reopen next week, officials confirmed."] * 5)
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Bridge to reopen</title>"
        '<meta property="article:published_time" content="2023-05-02">'
        '<meta property="og:site_name" content="City Gazette"></head>'
        f"<body><nav>Home | Sport</nav><article><h1>Bridge to reopen</h1><p>{body}</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    article = read_article(path)
    assert "The mayor said the bridge would reopen" in article.text
    assert "Home | Sport" not in article.text
    assert article.title == "Bridge to reopen"
    assert article.published == dt.date(2023, 5, 2)


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(ArticleError, match="empty.txt is empty"):
        read_article(path)


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(ArticleError, match="photo.txt looks like a binary file"):
        read_article(path)


def test_latin1_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("The café owner said prices would rise.".encode("latin-1"))
    with pytest.warns(StorylineWarning, match="latin.txt is not valid UTF-8"):
        article = read_article(path)
    assert "café" in article.text
    assert article.warnings


def test_directory_given_as_a_file_is_a_clear_error(tmp_path):
    with pytest.raises(IsADirectoryError, match="use read_articles"):
        read_article(tmp_path)


def test_missing_path_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="nowhere.txt does not exist"):
        read_article("nowhere.txt")


def test_unparseable_published_date_names_the_input_and_the_format():
    with pytest.raises(ArticleError, match="published must be YYYY-MM-DD, got '25/10/24'"):
        read_article("Officials said so.", published="25/10/24")


def test_text_that_is_not_english_gets_a_warning():
    text = ("Le gouvernement a annoncé mardi que les prix de l'énergie vont augmenter. "
            "Selon le ministre, cette décision est nécessaire pour les finances publiques et "
            "les ménages seront aidés par une nouvelle allocation dans les mois qui viennent.")
    with pytest.warns(StorylineWarning, match="does not look like English"):
        article = read_article(text)
    assert article.language == "french"


def test_a_5mb_article_completes(tmp_path):
    from storyline import sentences

    paragraph = EXAMPLE.read_text(encoding="utf-8").split("\n")[2] + "\n"
    path = tmp_path / "huge.txt"
    path.write_text(paragraph * (5_000_000 // len(paragraph)), encoding="utf-8")
    with pytest.warns(StorylineWarning, match="huge.txt is .* characters long"):
        article = read_article(path)
    started = time.perf_counter()
    table = sentences(article)
    assert len(table) > 10_000
    assert time.perf_counter() - started < 120  # a guard against quadratic blow-up, not a benchmark


def test_read_articles_reads_folders_csv_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said the plan failed.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\noutlet: Politico\n---\nAides said it worked.",
                                   encoding="utf-8")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "b"]

    table = tmp_path / "rows.csv"
    table.write_text("id,text,publisher,date\nx1,Police said the road was shut.,CNN,2016-09-12\n",
                     encoding="utf-8")
    [article] = read_articles(table)
    assert (article.id, article.outlet, article.published) == ("x1", "CNN", dt.date(2016, 9, 12))

    lines = tmp_path / "rows.jsonl"
    lines.write_text(json.dumps({"doc": "j1", "text": "Aides said no.", "publisher": "NYT"}) + "\n",
                     encoding="utf-8")
    [article] = read_articles(lines)
    assert (article.id, article.outlet) == ("j1", "NYT")


def test_a_row_without_text_gets_an_error_naming_the_row(tmp_path):
    table = tmp_path / "rows.csv"
    table.write_text("id,text\nok,Officials said so.\nbad,\n", encoding="utf-8")
    inputs = list(article_inputs(table))
    assert load_input(*inputs[0]).id == "ok"
    with pytest.raises(ArticleError, match=r"rows.csv:3: the row has no text"):
        load_input(*inputs[1])


def test_article_ids_from_text_are_stable():
    assert read_article("Aides said no.").id == read_article("Aides said no.").id


def test_an_article_made_directly_reads_its_published_text_as_a_date():
    article = Article(id="harbour", text="The harbour reopened on Friday.",
                      published="2016-09-12")
    assert article.published == dt.date(2016, 9, 12)
    assert timexes(article)["value"].tolist() == ["2016-09-09"]
    assert Article(id="h", text="x", published=dt.datetime(2016, 9, 12, 8, 30)).published == \
        dt.date(2016, 9, 12)
    assert Article(id="h", text="x", published="").published is None


def test_an_article_made_directly_with_a_bad_date_is_an_error_naming_it():
    with pytest.raises(ArticleError, match=r"published must be YYYY-MM-DD, got '12/09/2016' "
                                           r"for article 'harbour'"):
        Article(id="harbour", text="The harbour reopened.", published="12/09/2016")
