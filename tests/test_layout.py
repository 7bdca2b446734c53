"""The architecture, checked: packages, sizes, who may import whom, no import cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BOT = ROOT / "bot"
MAX_LINES = 450
MAX_ENTRIES = 12
# What each package may import, besides itself and the top-level `errors` and `settings`.
ALLOWED = {
    "places": set(),
    "data": {"places"},
    "understanding": {"places", "data"},
    "conversation": {"places", "understanding"},
    "storage": {"conversation", "places"},
    "runtime": {"conversation", "understanding", "places", "data", "storage"},
    "admin": {"conversation", "understanding", "places", "data", "storage"},
    "channels": {"runtime", "conversation", "understanding", "places", "data", "storage", "admin"},
}


def modules() -> dict[str, Path]:
    out = {}
    for path in BOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of the bot this module imports, at any depth of its code."""
    found = set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for t in targets:
            while t and t not in known:
                t = t.rsplit(".", 1)[0] if "." in t else ""
            if t and t != name:
                found.add(t)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def test_no_module_is_too_long():
    long = {str(p.relative_to(ROOT)): n for p in BOT.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_few_entries_side_by_side():
    entries = [p.name for p in BOT.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= MAX_ENTRIES, sorted(entries)


def test_every_package_says_what_it_owns():
    for init in BOT.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 80, init


def test_no_import_cycle(graph):
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " → ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        for dep in sorted(graph[name]):
            # A package's __init__ re-exporting its own modules is not a cycle of the code.
            if not dep.startswith(name + "."):
                visit(dep, path + [name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_packages_import_only_what_they_may(graph):
    wrong = []
    for name, deps in graph.items():
        parts = name.split(".")
        if len(parts) < 2 or parts[1] not in ALLOWED:
            continue  # the top-level modules: errors, settings, the CLI
        package = parts[1]
        for dep in deps:
            other = dep.split(".")[1] if "." in dep else ""
            if other not in ("", package, "errors", "settings") and other not in ALLOWED[package]:
                wrong.append(f"{name} imports {dep}")
    assert wrong == []


def test_only_channels_and_the_cli_import_a_channel(graph):
    for name, deps in graph.items():
        channel_deps = {d for d in deps if d.startswith("bot.channels.")}
        if not channel_deps or name in ("bot.__main__", "bot.channels.serve"):
            continue  # the CLI, and the one module that runs channels side by side
        assert name.startswith("bot.channels."), f"{name} imports {channel_deps}"
        own = name.split(".")[2]
        # Channels share only what no channel owns (reading a webhook's body).
        assert all(d.split(".")[2] in (own, "webbody") for d in channel_deps), f"{name} imports {channel_deps}"


@pytest.mark.parametrize("tool", [["ruff", "check", "bot", "tests", "benchmarks"], ["mypy"]], ids=["ruff", "mypy"])
def test_the_code_is_linted_and_typed(tool):
    """ruff with its rules and ours (pyproject.toml), mypy --strict on the package."""
    done = subprocess.run([sys.executable, "-m", *tool], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
