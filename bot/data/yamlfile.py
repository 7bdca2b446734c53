"""YAML that remembers where each mapping and key was, so every error can name its line."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from bot.errors import Problem

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Mapping(dict):  # type: ignore[type-arg]
    """A YAML mapping with the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]


class _Loader(_Base):  # type: ignore[misc]
    pass


def _map(loader: Any, node: yaml.MappingNode) -> Any:
    data = Mapping()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicates = []
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        if key in data.key_lines:
            data.duplicates.append((key, key_node.start_mark.line + 1))
        data.key_lines[key] = key_node.start_mark.line + 1
        data[key] = loader.construct_object(value_node, deep=True)


def _seq(loader: Any, node: yaml.SequenceNode) -> Any:
    data = Sequence()
    data.line = node.start_mark.line + 1
    data.item_lines = [n.start_mark.line + 1 for n in node.value]
    yield data
    data.extend(loader.construct_object(n, deep=True) for n in node.value)


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A date YAML cannot build (2026-13-45) stays text, so the validator can say which line."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _map)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:seq", _seq)


def load_yaml(path: Path, text: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse a file; on a syntax error return no data and the error at its line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, [Problem(str(path), 0, "fichier introuvable")]
        except UnicodeDecodeError as e:
            return None, [Problem(str(path), 1, f"le fichier n'est pas en UTF-8 ({e.reason}) : enregistrez-le en UTF-8")]
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(str(path), line, f"YAML invalide : {yaml_problem(e.problem or '')}")]
    except yaml.YAMLError:
        return None, [Problem(str(path), 1, "YAML invalide : le fichier ne peut pas être lu ; vérifiez l'indentation et les guillemets")]


# PyYAML's own words, and what they mean for someone editing the file by hand.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "un « : » de trop sur la ligne : un texte qui contient « : » doit être entre guillemets"),
    ("cannot start any token", "une tabulation : indentez avec des espaces, jamais avec la touche Tab"),
    ("tab character", "une tabulation : indentez avec des espaces, jamais avec la touche Tab"),
    ("expected <block end>", "l'indentation ne correspond pas aux lignes du dessus : alignez les clés du même niveau"),
    ("expected ',' or ']'", "un crochet « [ » n'est pas refermé par « ] »"),
    ("expected ',' or '}'", "une accolade « { » n'est pas refermée par « } »"),
    ("end of stream", "des guillemets ouverts ne sont pas refermés"),
    ("could not find expected ':'", "il manque « : » après un nom de clé"),
    ("undefined alias", "un « * » en début de texte : mettez ce texte entre guillemets"),
    ("found unknown escape character", "un « \\ » dans un texte entre guillemets : doublez-le ou utilisez des guillemets simples"),
)


def yaml_problem(problem: str) -> str:
    for words, plain in _YAML_PROBLEMS:
        if words in problem:
            return plain
    return "syntaxe à vérifier (indentation, « : » après chaque clé ; un texte qui contient « : » ou « # » doit être entre guillemets)"


def line_of(obj: Any, key: Any = None) -> int:
    if isinstance(obj, Mapping):
        return obj.line_of(key) if key is not None else obj.line
    if isinstance(obj, Sequence):
        if isinstance(key, int) and 0 <= key < len(obj.item_lines):
            return obj.item_lines[key]
        return obj.line
    return 0


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


class Checker:
    """Collects problems for one file while its entries are read."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.problems: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def keys(self, obj: Mapping, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
        for key, line in getattr(obj, "duplicates", []):
            self.error(line, f"la clé « {key} » apparaît deux fois dans {what} : gardez-en une seule")
        for key in obj:
            if key not in allowed:
                self.error(obj.line_of(key), f"clé inconnue « {key} » dans {what}{suggest(key, allowed)}")
        for key in required:
            if key not in obj or obj[key] in (None, "", []):
                self.error(obj.line, f"il manque « {key} » dans {what}")
