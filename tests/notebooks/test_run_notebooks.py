"""Every notebook runs top to bottom on a fresh kernel, and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_notebook_is_committed_with_outputs_cleared(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_notebook_runs_top_to_bottom_on_a_fresh_kernel(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    errors = [output for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.outputs if output.output_type == "error"]
    assert not errors


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_every_code_cell_follows_a_sentence_saying_why(path):
    cells = nbformat.read(path, as_version=4).cells
    for before, cell in zip(cells, cells[1:]):
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            assert before.cell_type == "markdown", f"{path.name}: {cell.source[:60]!r}"
