"""Smoke test as a student would meet the kit: JupyterLab in a real (headless) browser.

Starts ``jupyter lab`` on a free loopback port with a token, opens notebook 01 in Debian's
Chromium driven by playwright, runs all cells from the menu, and checks that a table and a chart
appear and that no cell shows an error or writes to stderr. Runs on a copy of the notebook so
the committed file keeps its cleared outputs.

The machine running CI is small and busy, so every step waits for a state rather than for a
time: the notebook's cells all attached and the kernel reporting "Idle" before Run All (clicking
earlier runs the empty placeholder JupyterLab shows while loading), then every code cell
numbered, the kernel idle again, and the chart image rendered.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "01-reading-a-news-story.ipynb"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOAD_TIMEOUT_MS = 180_000
RUN_TIMEOUT_MS = 300_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium: apt-get update && apt-get install -y chromium",
)

KERNEL_IDLE = """() => {
    const status = [...document.querySelectorAll('.jp-StatusBar-Widget *')]
        .map(el => el.textContent).join(' ');
    return /\\|\\s*Idle/.test(status);
}"""

# Run All stops at a failing cell, so an error output also ends the wait (and fails below).
ALL_CELLS_NUMBERED_OR_ERROR = """expected => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
    const numbered = prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
    return (prompts.length === expected && numbered) || document.querySelector(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]') !== null;
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def jupyter_lab(tmp_path):
    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)
    port, token = _free_port(), secrets.token_hex(16)
    # A CI setting such as MPLBACKEND=Agg would stop the kernel drawing charts inline.
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    log = (tmp_path / "jupyter.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={tmp_path}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", "--ServerApp.allow_root=True"],
        stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"jupyter lab exited: {(tmp_path / 'jupyter.log').read_text()}")
                time.sleep(0.5)
        else:
            pytest.fail("jupyter lab did not answer within 2 minutes")
        yield f"{base}/lab/tree/{NOTEBOOK.name}?token={token}"
    finally:
        server.terminate()  # the server shuts its kernels down on SIGTERM
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
        log.close()


def test_notebook_01_runs_in_jupyterlab_and_shows_a_table_and_a_chart(jupyter_lab):
    from playwright.sync_api import sync_playwright

    code_cells = sum(cell.cell_type == "code" for cell in nbformat.read(NOTEBOOK, 4).cells)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(jupyter_lab, timeout=LOAD_TIMEOUT_MS)
            page.wait_for_function(f"() => document.querySelectorAll("
                                   f"'.jp-NotebookPanel .jp-CodeCell').length === {code_cells}",
                                   timeout=LOAD_TIMEOUT_MS)
            page.wait_for_function(KERNEL_IDLE, timeout=LOAD_TIMEOUT_MS)

            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            page.wait_for_function(ALL_CELLS_NUMBERED_OR_ERROR, arg=code_cells,
                                   timeout=RUN_TIMEOUT_MS)
            page.wait_for_function(KERNEL_IDLE, timeout=RUN_TIMEOUT_MS)
            errors = page.locator(".jp-OutputArea-output[data-mime-type="
                                  "'application/vnd.jupyter.stderr']")
            assert errors.count() == 0, errors.all_inner_texts()

            page.wait_for_selector(".jp-OutputArea-output table", state="attached",
                                   timeout=RUN_TIMEOUT_MS)
            page.wait_for_selector(".jp-OutputArea-output img", state="attached",
                                   timeout=RUN_TIMEOUT_MS)
        finally:
            browser.close()
