"""The example's HTML report in a real browser: Debian's Chromium driven by playwright.

Opens the report from disk and checks what a reader sees: the charts and tables are visible,
the page asks for nothing over the network and logs no console error, and clicking a row of
the claims table scrolls to its words in the article text and marks them. Every step waits
for a state with a generous timeout, since CI machines are small and busy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import write_report
from storyline.analysis import TABLES, analyze

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"]
TIMEOUT_MS = 120_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium: apt-get update && apt-get install -y chromium",
)

IN_VIEW = """key => {
    const mark = document.getElementById('hl-' + key);
    const box = mark.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.fixture(scope="module")
def page(example, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    report = write_report(example, analyze(example), tmp_path_factory.mktemp("report"))
    requests, problems = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS,
                                             timeout=TIMEOUT_MS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(TIMEOUT_MS)
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: problems.append(message.text)
                    if message.type in ("error", "warning") else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(report.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function("() => [...document.images].every("
                                   "img => img.complete && img.naturalWidth > 0)")
            yield page, report, requests, problems
        finally:
            browser.close()


def test_charts_and_tables_are_visible(page):
    page, _, _, _ = page
    assert page.locator("figure").count() == 4
    drawn = sum(name in TABLES for name in ("sources", "attribution_edges", "timeline",
                                            "entities"))
    images = page.locator("figure img")
    assert images.count() == drawn
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        assert image.is_visible()
        assert image.evaluate("img => img.naturalWidth") > 300
    for table in ("claims", "sources"):
        assert page.locator(f"#table-{table}").is_visible()
        assert page.locator(f"#table-{table} tbody tr").count() > 0


def test_the_page_makes_no_network_request_and_logs_no_error(page):
    page, report, requests, problems = page
    assert requests == [report.as_uri()]
    assert problems == []


def test_clicking_a_claims_row_scrolls_to_and_marks_its_words(page):
    page, _, _, problems = page
    row = page.locator("#table-claims tbody tr").nth(2)
    key = row.get_attribute("data-target")
    row.scroll_into_view_if_needed()
    page.evaluate("() => window.scrollTo(0, 0)")
    row.click()
    page.wait_for_function(IN_VIEW, arg=key)
    marks = page.locator(f"mark[data-key='{key}']")
    assert marks.count() >= 1
    for i in range(marks.count()):
        assert "active" in marks.nth(i).get_attribute("class")
    assert page.locator("mark.active").count() == marks.count()
    assert "active" in row.get_attribute("class")

    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.locator(f"#hl-{key}").dispatch_event("click")  # the mark itself, not one inside it
    page.wait_for_function("key => { const box = document.getElementById('row-' + key)"
                           ".getBoundingClientRect(); return box.top >= 0 && "
                           "box.bottom <= window.innerHeight; }", arg=key)
    assert problems == []
