"""A small fictitious territory for tests: every name, number and time here is made up.

Tests build their knowledge from this (never from the shipped directory.yaml, whose facts may
be corrected at any time). Distances, from the quartier "Les Tilleuls" (45.000, 1.000):
the Maison des services is next door, the "Accueil sans horaires" 0.6 km away, "Le Moulin"
quartier about 1.9 km north-east with its Thursday permanence and the bus stop.
"""

from __future__ import annotations

from pathlib import Path

from bot.conversation.knowledge import Knowledge
from bot.data.directory import load_directory
from bot.understanding.intents import load_intents
from bot.understanding.matcher import Matcher

INTENTS = Path(__file__).resolve().parent.parent / "intents"

TERRITORY = """\
territoire: Villetest
pays: FR
quartiers:
  tilleuls: {nom: Les Tilleuls, latitude: 45.000, longitude: 1.000, alias: [tilleul, les tilleul]}
  moulin: {nom: Le Moulin, latitude: 45.012, longitude: 1.018}
  centre: {nom: Centre-ville, latitude: 45.006, longitude: 1.009, alias: [centre ville]}
communes:
  - {nom: Villetest, code_postal: "99000", latitude: 45.006, longitude: 1.009}
  - {nom: Bourg-Voisin, code_postal: "99100", latitude: 45.030, longitude: 1.030}
mediateurs:
  nom: Médiateurs de Villetest
  horaires: "Tu-Sa 13:00-21:00"
lieux:
  - id: maison-services
    nom: Maison des services des Tilleuls
    adresse: 1 place des Tilleuls
    code_postal: "99000"
    commune: Villetest
    latitude: 45.0003
    longitude: 1.0003
    telephone: 05 00 00 00 10
    besoins: [caf, emploi, retraite, sante, impots, papiers, numerique, energie, poste]
    horaires: "Mo-Fr 09:00-12:00,14:00-17:00"
    rendez_vous: sans
    frais: gratuit
    source: données de test
    date_maj: 2026-11-01
  - id: accueil-sans-horaires
    nom: Accueil sans horaires
    adresse: 8 rue du Marché
    code_postal: "99000"
    commune: Villetest
    latitude: 45.0050
    longitude: 1.0030
    telephone: 05 00 00 00 11
    besoins: [caf, emploi, impots, logement]
    source: données de test
    date_maj: 2026-11-01
  - id: permanence-jeudi
    nom: Permanence du jeudi
    adresse: 3 allée du Moulin
    code_postal: "99000"
    commune: Villetest
    latitude: 45.0121
    longitude: 1.0182
    telephone: 05 00 00 00 12
    besoins: [impots, retraite]
    horaires: "Th 14:00-17:00"
    source: données de test
    date_maj: 2026-11-01
  - id: aide-victimes
    nom: Aide aux victimes de Villetest
    adresse: 5 rue de la Justice
    code_postal: "99000"
    commune: Villetest
    latitude: 45.0060
    longitude: 1.0090
    telephone: 05 00 00 00 13
    besoins: [droit]
    horaires: "Tu,Fr 09:00-12:00"
    source: données de test
    date_maj: 2026-11-01
  - id: centre-social
    nom: Centre social du Moulin
    adresse: 9 allée du Moulin
    code_postal: "99000"
    commune: Villetest
    latitude: 45.0118
    longitude: 1.0178
    telephone: 05 00 00 00 14
    besoins: [social, logement]
    horaires: "Mo-Fr 09:00-17:00"
    source: données de test
    date_maj: 2026-11-01
tournees:
  - id: bus-services
    nom: Bus des services
    telephone: 05 00 00 00 20
    besoins: [caf, emploi, impots, retraite, numerique]
    frais: gratuit
    arrets:
      - {nom: Place du Moulin, adresse: place du Moulin, commune: Villetest, latitude: 45.0119, longitude: 1.0181, horaires: "Th 09:30-12:00"}
      - {nom: Parking des Tilleuls, adresse: rue des Tilleuls, commune: Villetest, latitude: 45.0010, longitude: 1.0010, horaires: "Mo 14:00-16:00"}
      - {nom: Bourg-Voisin – église, commune: Bourg-Voisin, latitude: 45.0300, longitude: 1.0300, horaires: "We 09:00-12:00"}
    source: données de test
    date_maj: 2026-11-01
"""


def write_territory(folder: Path, text: str = TERRITORY) -> Path:
    path = folder / "directory.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def knowledge_of(folder: Path, text: str = TERRITORY, *, mediators: bool = False) -> Knowledge:
    directory, _ = load_directory(write_territory(folder, text))
    return Knowledge.build(directory, Matcher(load_intents(INTENTS)[0]), mediators=mediators)
