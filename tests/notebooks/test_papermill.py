"""The reporter's notebook run the way a newsroom script would: papermill with parameters.

The article is written here (not the example), with its own publication date and outlet, so
the tables can only be right if the parameters reached the notebook.
"""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore-an-article.ipynb"
STORY = (
    "Two officials told the Riverside Courier that the council sold the Mill Street depot "
    "in March. Mayor Dana Whitfield denied that the depot had been sold. The buyer signed "
    "the contract last week, according to council minutes.\n"
)


@pytest.fixture(scope="module")
def explored(tmp_path_factory):
    """Runs the notebook once on a written article file; returns (executed notebook, out)."""
    papermill = pytest.importorskip("papermill")
    folder = tmp_path_factory.mktemp("papermill")
    article = folder / "mill-street-depot.txt"
    article.write_text(STORY, encoding="utf-8")
    out = folder / "out"
    executed = folder / "executed.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK), str(executed), cwd=str(NOTEBOOK.parent), kernel_name="python3",
        progress_bar=False,
        parameters={"path": str(article), "published": "2023-06-14",
                    "outlet": "Riverside Courier", "out": str(out)},
    )
    return nbformat.read(executed, as_version=4), out


def _outputs_text(notebook) -> str:
    return "\n".join(output.get("data", {}).get("text/plain", output.get("text", ""))
                     for cell in notebook.cells if cell.cell_type == "code"
                     for output in cell.outputs)


def test_parameters_reach_the_notebook_and_its_metadata_table(explored):
    notebook, _ = explored
    injected = [cell for cell in notebook.cells
                if "injected-parameters" in cell.metadata.get("tags", [])]
    assert injected and "2023-06-14" in injected[0].source
    shown = _outputs_text(notebook)
    assert "Riverside Courier" in shown and "2023-06-14" in shown
    assert "musk" not in shown.lower()  # nothing of the example leaked in


def test_exported_claims_are_those_of_the_written_article(explored):
    _, out = explored
    claims = pd.read_csv(out / "mill-street-depot" / "claims.csv", keep_default_na=False)
    rows = claims.set_index("source_text")
    assert {"Two officials", "Mayor Dana Whitfield"} <= set(rows.index)
    assert str(rows.loc["Mayor Dana Whitfield", "denial"]) == "True"
    assert str(rows.loc["Two officials", "denial"]) == "False"
    for row in claims.itertuples():
        assert STORY[row.content_start:row.content_end] == row.content


def test_time_expressions_are_resolved_against_the_given_date(explored):
    _, out = explored
    timexes = pd.read_csv(out / "mill-street-depot" / "timexes.csv", keep_default_na=False)
    values = dict(zip(timexes.text, timexes.value))
    assert values["March"] == "2023-03"
    assert values["last week"].startswith("2023-W")


def test_html_report_and_excel_workbook_are_written(explored):
    _, out = explored
    html = (out / "mill-street-depot.html").read_text(encoding="utf-8")
    assert "Dana Whitfield" in html and "Riverside Courier" in html
    sheets = pd.read_excel(out / "mill-street-depot.xlsx", sheet_name=None)
    assert {"claims", "sources", "timeline"} <= set(sheets)
    assert len(sheets["claims"]) == len(
        pd.read_csv(out / "mill-street-depot" / "claims.csv"))
