"""Open-data import: small files in each national format, imported, checked, merged, answered from."""

from __future__ import annotations

import shutil

import pytest

from bot.data.directory import load_directory
from tests.conftest import ROOT, run_bot

DATA = ROOT / "tests" / "data" / "opendata"


def imported(tmp_path, *args: str):
    out = tmp_path / "new.yaml"
    result = run_bot("import", *args, "--out", str(out), "--date", "2022-12-01")
    return result, out


def test_france_services_hours_per_day_become_opening_hours(tmp_path):
    result, out = imported(tmp_path, "france-services", str(DATA / "france-services.csv"), "--departement", "86")
    assert result.returncode == 0, result.stderr
    directory, _ = load_directory(out)  # a directory `check` accepts
    place = directory.places["fs-villetest-9001"]
    assert place.schedule is not None
    assert place.schedule.hours == "Mo,Tu 09:00-12:00,14:00-17:00; We 09:00-12:00; Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00"
    assert place.telephone == "05 00 00 01 01" and place.ref == "france-services:9001"
    assert place.date_maj is not None and place.date_maj.day.isoformat() == "2022-12-01"
    assert "impots" in place.besoins and "papiers" in place.besoins
    mobile = directory.places["fs-bourg-test-9005"]
    assert mobile.schedule is None and "itinérante" in (mobile.note or "")
    assert {c.code_postal for c in directory.communes} == {"86000", "86300"}
    assert not any("79000" == p.code_postal for p in directory.places.values())  # another département


def test_rows_that_cannot_be_used_are_said_with_their_line(tmp_path):
    result, _ = imported(tmp_path, "france-services", str(DATA / "france-services.csv"))
    assert f"{DATA / 'france-services.csv'}:4: « France services sans coordonnées » : pas de coordonnées" in result.stdout
    assert f"{DATA / 'france-services.csv'}:5: « France services aux horaires illisibles » : horaires illisibles (« 9h à 25h »)" in result.stdout
    assert "3 lieu(x) importé(s) ; 2 ligne(s) laissée(s) de côté" in result.stderr


@pytest.mark.parametrize("name", ["mediation-numerique.csv", "mediation-numerique.json"])
def test_mediation_numerique_then_the_bot_answers_from_it(tmp_path, name):
    result, out = imported(tmp_path, "mediation-numerique", str(DATA / name), "--departement", "86")
    assert result.returncode == 0, result.stderr
    check = run_bot("check", "--directory", str(out))
    assert check.returncode == 0, check.stdout
    convo = run_bot("console", "--now", "2026-12-01T10:00", stdin="j'ai besoin d'aide pour internet\n86000\n",
                    env={"BOT_DIRECTORY": str(out), "BOT_DATABASE": str(tmp_path / "b.sqlite3")})
    assert "📍 Espace numérique de Villetest" in convo.stdout
    assert "Ouvert maintenant jusqu'à 12h" in convo.stdout and "gratuit" in convo.stdout


def test_mediation_services_map_to_needs(tmp_path):
    _, out = imported(tmp_path, "mediation-numerique", str(DATA / "mediation-numerique.csv"), "--commune", "86194")
    directory, _ = load_directory(out)
    by_name = {p.nom: p for p in directory.places.values()}
    assert by_name["Atelier matériel solidaire"].besoins == frozenset({"equipement"})
    assert {"numerique", "caf", "papiers"} <= by_name["Espace numérique de Villetest"].besoins
    assert "Lieu hors département" not in by_name


def test_data_inclusion_structures_with_their_services_thematiques(tmp_path):
    result, out = imported(tmp_path, "data-inclusion", str(DATA / "data-inclusion-structures.json"),
                           str(DATA / "data-inclusion-services.json"))
    assert result.returncode == 0, result.stderr
    directory, _ = load_directory(out)
    [place] = directory.places.values()  # the garage offers none of our needs; one has no position
    assert place.nom == "Centre social de Villetest"
    assert place.besoins == frozenset({"numerique", "papiers", "social"})
    assert place.schedule is not None and place.ref == "data-inclusion:test-source:s1"
    assert "data-inclusion-structures.json:31: « Permanence sans adresse connue » : pas de coordonnées" in result.stdout


def test_merge_keeps_hand_written_entries_and_updates_imported_ones_in_place(tmp_path):
    target = tmp_path / "directory.yaml"
    shutil.copy(ROOT / "examples" / "directory.yaml", target)
    before = target.read_text(encoding="utf-8")
    dry = run_bot("import", "mediation-numerique", str(DATA / "mediation-numerique.csv"), "--departement", "86",
                  "--out", str(target), "--dry-run")
    assert dry.returncode == 0 and "+  - id: mn-villetest-espace-numerique-de-villetest" in dry.stdout
    assert target.read_text(encoding="utf-8") == before  # a dry run writes nothing
    run_bot("import", "mediation-numerique", str(DATA / "mediation-numerique.csv"), "--departement", "86",
            "--out", str(target))
    after = target.read_text(encoding="utf-8")
    hand_written = before.split("\ntournees:", 1)[0]
    assert after.startswith(hand_written)  # every line written by hand is still there, unchanged
    assert after.count("ref: mediation-numerique:") == 2
    # The source changes a phone number: the entry is updated where it is, with the same id.
    changed = tmp_path / "changed.csv"
    changed.write_text((DATA / "mediation-numerique.csv").read_text(encoding="utf-8").replace("+33500000201", "+33500000299"),
                       encoding="utf-8")
    again = run_bot("import", "mediation-numerique", str(changed), "--departement", "86", "--out", str(target))
    assert "0 ajouté(s), 1 mis à jour, 1 inchangé(s)" in again.stderr
    final = target.read_text(encoding="utf-8")
    assert "05 00 00 02 99" in final and "05 00 00 02 01" not in final
    assert final.count("id: mn-villetest-espace-numerique-de-villetest") == 1
    assert load_directory(target)[0].places["maison-services"]  # still loads, hand-written place kept


def test_commune_filter_needs_an_insee_column():
    result = run_bot("import", "france-services", str(DATA / "france-services.csv"), "--commune", "86194")
    assert result.returncode == 1 and "pas de colonne de code INSEE" in result.stderr
