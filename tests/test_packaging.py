"""The package's promises about itself: dependencies in step, public names documented."""

import inspect
import re
import tomllib
from pathlib import Path

import storyline

ROOT = Path(__file__).resolve().parents[1]


def _requirement(spec: str) -> tuple[str, str]:
    name, bound = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*(.*)", spec.strip()).groups()
    return name.lower().replace("_", "-"), bound.replace(" ", "")


def _environment_dependencies() -> dict[str, str]:
    deps = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        match = re.match(r"\s+- ([A-Za-z][^:#]*)$", line)
        if match and match.group(1).strip() not in ("pip", "-e ."):
            name, bound = _requirement(match.group(1))
            deps[name] = bound
    return deps


def test_environment_yml_and_pyproject_list_the_same_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    expected = {"python": project["requires-python"]}
    for spec in specs:
        name, bound = _requirement(spec)
        expected[name] = bound
        if spec.startswith("dask[distributed]"):
            expected["distributed"] = bound  # conda-forge ships dask's extra as its own package
    assert _environment_dependencies() == expected


def test_every_public_name_has_a_docstring_with_an_example():
    for name in storyline.__all__:
        obj = getattr(storyline, name)
        doc = inspect.getdoc(obj) or ""
        assert doc, f"storyline.{name} has no docstring"
        if inspect.isfunction(obj):
            assert "Example" in doc or ">>>" in doc, f"storyline.{name} has no example"
