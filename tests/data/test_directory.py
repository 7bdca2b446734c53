"""The directory file: loading, the validator's messages (file:line), the schema, ranking."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from bot.data.directory import load_directory
from bot.errors import DirectoryError
from tests.conftest import DIRECTORY, INTENTS, run_bot

GOOD = """\
territoire: Test
quartiers:
  centre: {nom: Centre, latitude: 46.58, longitude: 0.34, alias: [le centre]}
lieux:
  - id: mairie
    nom: Mairie
    adresse: 1 place de la Mairie
    latitude: 46.58
    longitude: 0.34
    telephone: 05 00 00 00 00
    besoins: [papiers]
    horaires: "Mo-Fr 09:00-12:00"
    source: test
    date_maj: 2026-01-01
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "directory.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def errors_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DirectoryError) as e:
        load_directory(write(tmp_path, text))
    return [str(p) for p in e.value.problems if not p.warning]


@pytest.mark.parametrize("old, new, line, words", [
    ("besoins: [papiers]", "besoins: [papier]", 11, "besoin inconnu « papier » ; vouliez-vous dire « papiers »"),
    ('horaires: "Mo-Fr 09:00-12:00"', 'horaires: "lundi 9h-12h"', 12, "horaires « lundi 9h-12h » illisibles"),
    ("latitude: 46.58\n    longitude: 0.34\n    tel", "latitude: 146.58\n    longitude: 0.34\n    tel", 8, "latitude 146.58 hors limites"),
    ("latitude: 46.58\n    longitude: 0.34\n    tel", "latitude: quarante\n    longitude: 0.34\n    tel", 8, "doit être un nombre"),
    ("    adresse: 1 place de la Mairie\n", "", 5, None),
    ("    horaires:", "    horaire:", 12, "clé inconnue « horaire » dans le lieu « mairie » ; vouliez-vous dire « horaires »"),
    ("date_maj: 2026-01-01", "date_maj: 2026-01-01\n    fermetures: [{du: 2026-12-24, au: 2026-12-20}]", 15, "finit (2026-12-20) avant de commencer"),
    ("id: mairie", "id: Mairie Centre", 5, "minuscules sans accent"),
], ids=["unknown need", "bad hours", "latitude out of range", "latitude not a number",
        "no phone and no address", "typo in a key", "closure ends before it starts", "bad id"])
def test_validator_names_the_line(tmp_path, old, new, line, words):
    broken = GOOD.replace(old, new)
    if words is None:  # this case needs two edits: no address and no phone
        broken = broken.replace("    telephone: 05 00 00 00 00\n", "")
        words = "il manque « telephone » et « adresse »"
    assert broken != GOOD
    errors = errors_of(tmp_path, broken)
    assert any(f"directory.yaml:{line}:" in e and words in e for e in errors), errors


def test_parser_reason_is_given(tmp_path):
    errors = errors_of(tmp_path, GOOD.replace('"Mo-Fr 09:00-12:00"', '"Mo-Fr 9h-12h"'))
    assert any("format OpenStreetMap" in e and "position" in e for e in errors), errors


def test_duplicate_id_points_at_both_lines(tmp_path):
    twice = GOOD + textwrap.indent(GOOD.split("lieux:\n", 1)[1], "")
    errors = errors_of(tmp_path, twice)
    assert any(":15:" in e and "déjà utilisé ligne 5" in e for e in errors), errors


def test_duplicate_key_is_reported(tmp_path):
    errors = errors_of(tmp_path, GOOD.replace("    source: test\n", "    source: test\n    source: autre\n"))
    assert any("« source » apparaît deux fois" in e for e in errors), errors


def test_broken_yaml_syntax_has_its_line(tmp_path):
    errors = errors_of(tmp_path, GOOD.replace("    nom: Mairie\n", "    nom: Mairie : centre\n"))
    assert any(e.startswith(str(tmp_path / "directory.yaml") + ":6:") and "guillemets" in e for e in errors), errors


def test_not_a_mapping(tmp_path):
    errors = errors_of(tmp_path, "- juste\n- une liste\n")
    assert any(":1:" in e for e in errors)


def test_stale_and_example_warnings(tmp_path):
    text = GOOD.replace("date_maj: 2026-01-01", "date_maj: 2020-01-01") + textwrap.dedent("""\
    tournees:
      - id: bus
        nom: Bus
        telephone: "05"
        besoins: [papiers]
        exemple: true
        arrets:
          - {nom: Place, latitude: 46.5, longitude: 0.3, horaires: "Mo 09:00-12:00"}
        source: test
        date_maj: 2026-01-01
    """)
    _, warnings = load_directory(write(tmp_path, text), today=dt.date(2026, 11, 28))
    text_w = [str(w) for w in warnings]
    assert any(":14:" in w and "plus de 12 mois" in w for w in text_w), text_w
    assert any(":20:" in w and "exemple" in w for w in text_w), text_w


def test_check_command_reports_errors_with_exit_1(tmp_path):
    path = write(tmp_path, GOOD.replace("besoins: [papiers]", "besoins: [pizza]"))
    result = run_bot("check", "--directory", str(path), "--intents", str(INTENTS))
    assert result.returncode == 1
    assert f"{path}:11: besoin inconnu « pizza »" in result.stdout


def test_intents_errors_have_lines(tmp_path):
    folder = tmp_path / "intents"
    folder.mkdir()
    (folder / "caf.yaml").write_text("id: caf\nlibelle: CAF\nalias: [caf, apl]\n", encoding="utf-8")
    (folder / "logement.yaml").write_text("id: logement\nlibelle: Logement\nalias:\n  - hlm\n  - apl\n", encoding="utf-8")
    (folder / "zzz.yaml").write_text("id: pizza\nlibelle: Pizza\nalias: [pizza]\n", encoding="utf-8")
    (folder / "vide.yaml").write_text("id: poste\nlibelle: Poste\n", encoding="utf-8")
    result = run_bot("check", "--directory", str(DIRECTORY), "--intents", str(folder))
    assert result.returncode == 1
    out = result.stdout
    assert f"{folder / 'logement.yaml'}:5: « apl » est aussi dans l'intention « caf »" in out
    assert f"{folder / 'zzz.yaml'}:1: intention inconnue « pizza »" in out
    assert f"{folder / 'vide.yaml'}:1: l'intention « poste » est vide" in out


def test_phrase_bank_and_danger_list_errors_have_lines(tmp_path):
    folder = tmp_path / "intents"
    folder.mkdir()
    (folder / "caf.yaml").write_text("id: caf\nlibelle: CAF\nalias: [caf, apl]\n", encoding="utf-8")
    (folder / "phrases.tsv").write_text("# bank\ncaf\tfr\tma caf\ncaf\tfrançais\tma caf a baissé\ncaf fr ma caf\n",
                                        encoding="utf-8")
    (folder / "danger.tsv").write_text("violence\til me frappe\nviolance\til me tape\nil me frappe encore\n",
                                       encoding="utf-8")
    result = run_bot("check", "--directory", str(DIRECTORY), "--intents", str(folder))
    assert result.returncode == 1
    assert f"{folder / 'phrases.tsv'}:3: langue inconnue « français »" in result.stdout
    assert f"{folder / 'phrases.tsv'}:4: une ligne s'écrit « intention<TAB>langue<TAB>phrase »" in result.stdout
    assert f"{folder / 'danger.tsv'}:2: catégorie inconnue « violance »" in result.stdout
    assert f"{folder / 'danger.tsv'}:3: une ligne s'écrit « catégorie<TAB>message »" in result.stdout


def test_check_warns_of_a_quartier_far_from_any_place_for_a_need(tmp_path):
    text = GOOD.replace("quartiers:\n", "quartiers:\n  loin: {nom: Loin, latitude: 46.90, longitude: 0.34}\n")
    _, warnings = load_directory(write(tmp_path, text))
    said = [str(w) for w in warnings]
    assert any(":3: attention : quartier « Loin » : aucun lieu à moins de 10 km pour" in w and "papiers" in w
               for w in said), said
    assert not any("« Centre »" in w and "papiers" in w.split("pour", 1)[1] for w in said)


@pytest.mark.parametrize("lat, lon, words", [
    ("0.34", "46.58", "latitude et longitude semblent inversées"),
    ("43.30", "5.37", "km de tout quartier et de toute commune"),
], ids=["swapped", "far away"])
def test_check_warns_of_coordinates_outside_the_territory(tmp_path, lat, lon, words):
    text = GOOD.replace("    latitude: 46.58\n    longitude: 0.34\n    tel", f"    latitude: {lat}\n    longitude: {lon}\n    tel")
    _, warnings = load_directory(write(tmp_path, text))
    assert any(":5:" in str(w) and words in str(w) for w in warnings), [str(w) for w in warnings]


@pytest.mark.parametrize("hours, words", [
    ("lundi 9h-12h", "écrivez les jours en anglais abrégé : Mo Tu We Th Fr Sa Su"),
    ("Mo-Fr 9h-12h", "09:00 et non 9h"),
    ("Mo-Fr 09:00-12", "écrivez-la avec ses minutes"),
], ids=["french days", "9h", "incomplete time"])
def test_bad_hours_are_explained_in_plain_french(tmp_path, hours, words):
    errors = errors_of(tmp_path, GOOD.replace('"Mo-Fr 09:00-12:00"', f'"{hours}"'))
    line = next(e for e in errors if "horaires" in e)
    assert words in line
    for jargon in ("EOI", "rule_separator", "extended_time", "expected", "timespan"):
        assert jargon not in line


def test_yaml_mistakes_are_explained_in_plain_french(tmp_path):
    errors = errors_of(tmp_path, GOOD.replace("    nom: Mairie\n", "\tnom: Mairie\n"))
    assert any(":6:" in e and "tabulation" in e for e in errors), errors
    assert not any("cannot start any token" in e for e in errors)


def test_an_impossible_date_is_an_error_at_its_line_not_a_traceback(tmp_path):
    path = write(tmp_path, GOOD.replace("date_maj: 2026-01-01", "date_maj: 2026-13-45"))
    result = run_bot("check", "--directory", str(path), "--intents", str(INTENTS))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:14: date_maj « 2026-13-45 » doit s'écrire AAAA-MM-JJ" in result.stdout
