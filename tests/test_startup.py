"""What a new process loads: the package imports its public names on first use.

Corpus and Dask workers are new processes that import ``storyline.chunks``, and every
``storyline`` command starts one; none of them should pay for matplotlib or Jinja2 (charts
and reports) unless it draws.
"""

import subprocess
import sys
import textwrap

import pytest

import storyline

HEAVY = ("matplotlib", "jinja2", "openpyxl", "dask", "distributed")


def loaded_after(code: str) -> list[str]:
    """The HEAVY modules a fresh Python process holds after running ``code``."""
    script = code + f"\nimport sys\nprint('loaded:', *sorted(set({HEAVY!r}) & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    return result.stdout.rsplit("loaded:", 1)[1].split()


def test_every_public_name_resolves_and_is_listed():
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None
        assert name in dir(storyline)
    assert not hasattr(storyline, "no_such_name")


def test_a_worker_importing_chunks_loads_no_charts_reports_or_dask():
    assert loaded_after("import storyline.chunks") == []


def test_the_command_line_loads_no_charts_for_help_or_json(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The mayor said on Monday that the bridge would reopen.", encoding="utf-8")
    code = textwrap.dedent(f"""
        import contextlib, io
        from storyline.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main(["--help"])
            except SystemExit:
                pass
            assert main(["analyze", {str(story)!r}, "--published", "2024-05-01"]) == 0
    """)
    assert loaded_after(code) == []


@pytest.mark.parametrize("first", ["storyline.sources", "storyline.chunks"])
def test_a_function_named_like_its_module_stays_the_function(first):
    code = textwrap.dedent(f"""
        import {first}
        import storyline
        from storyline import claims, corroborate, entities, sources, timeline, timexes
        for function in (claims, corroborate, entities, sources, timeline, timexes):
            assert callable(function), function
            assert getattr(storyline, function.__name__) is function
    """)
    assert loaded_after(code) == []
