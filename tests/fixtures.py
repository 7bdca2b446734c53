"""A small fictitious territory for tests: every name, number and time here is made up.

Tests build their knowledge from this (never from the shipped directory.yaml, whose facts may
be corrected at any time). Distances, from the quartier "Les Tilleuls" (45.000, 1.000):
the Maison des services is next door, the "Accueil sans horaires" 0.6 km away, "Le Moulin"
quartier about 1.9 km north-east with its Thursday permanence and the bus stop.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.conversation.knowledge import Knowledge
from bot.data.cache import cache_dir
from bot.data.directory import load_directory
from bot.understanding.matcher import Matcher, load_matcher

INTENTS = Path(__file__).resolve().parent.parent / "intents"

TERRITORY_FILE = Path(__file__).resolve().parent / "territory.yaml"
TERRITORY = TERRITORY_FILE.read_text(encoding="utf-8")


def write_territory(folder: Path, text: str = TERRITORY) -> Path:
    path = folder / "directory.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def knowledge_of(folder: Path, text: str = TERRITORY, *, mediators: bool = False) -> Knowledge:
    directory, _ = load_directory(write_territory(folder, text))
    return Knowledge.build(directory, shared_matcher(), mediators=mediators)


@lru_cache(maxsize=1)
def shared_matcher() -> Matcher:
    """One matcher for the whole test run: it does not change between tests."""
    return load_matcher(INTENTS, cache=cache_dir())
