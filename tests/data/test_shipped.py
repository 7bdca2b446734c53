"""The shipped directory holds only sourced facts: nothing invented, nothing stale said as fresh."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from bot.conversation.dialogue import step
from bot.conversation.events import Incoming
from bot.conversation.knowledge import Knowledge
from bot.conversation.state import State
from bot.data.directory import load_directory
from tests.conftest import ROOT, SHIPPED_DIRECTORY, paris, run_bot
from tests.fixtures import shared_matcher

ENDED = ("cnum-mairie-saint-eloi", "cnum-mediatheque-saint-eloi", "cnum-couronneries",
         "cnum-hotel-de-ville", "csc-ozon")


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    directory, _ = load_directory(SHIPPED_DIRECTORY)
    return Knowledge.build(directory, shared_matcher())


def test_every_entry_is_sourced_and_dated_and_nothing_is_an_example(shipped):
    d = shipped.directory
    for entry in [*d.places.values(), *d.tours.values()]:
        assert entry.source and entry.date_maj is not None, entry.id
    assert not any(t.exemple for t in d.tours.values())
    assert not set(ENDED) & set(d.places)  # ended posts and the liquidated centre are gone


def test_the_bus_keeps_its_base_and_phone_but_no_invented_stop(shipped):
    bus = shipped.directory.tours["bus-dclics"]
    assert bus.stops == () and bus.telephone == "05 49 58 05 52"
    assert "La Blaiserie" in (bus.note or "")
    guitoune = shipped.directory.tours["guitoune"]
    assert all(s.schedule is None and s.quand and s.approximate for s in guitoune.stops)
    assert {s.quand for s in guitoune.stops} == {"le mercredi matin", "le mardi", "le jeudi"}


def test_the_bus_answer_says_who_announces_the_stops(shipped):
    _, replies = step(State(), Incoming("t", "u", text="où est le bus"), paris("2026-12-03T10:15"), shipped)
    said = "\n".join(r.text for r in replies)
    assert "05 49 58 05 52" in said and "La Blaiserie" in said
    assert "passe près de chez vous" not in said and "Maintenant :" not in said


def test_mediation_sociale_and_the_maisons_departementales(shipped):
    d = shipped.directory
    mediation = d.places["mediation-sociale-poitiers"]
    assert mediation.schedule is not None and mediation.schedule.hours == "Tu-Sa 13:00-21:00"
    assert mediation.approximate
    for pid in ("mds-poitiers", "mds-couronneries", "mds-trois-cites", "mds-beaulieu", "mds-bel-air"):
        assert d.places[pid].nom.startswith("Maison départementale des solidarités")
        assert "Frappière" in (d.places[pid].note or "")


@pytest.mark.parametrize("typed, quartier", [
    ("Poitiers ouest", "Bel-Air"), ("les Sables", "Trois-Cités"), ("gibauderie", "Beaulieu"),
    ("Pont-Achard", "Bel-Air"), ("bellejouanne", "Couronneries"), ("blezerie", "La Blaiserie"),
    ("bellejouane", "Couronneries"), ("la gibodrie", "Beaulieu"),
])
def test_the_names_residents_type_for_their_quartier(shipped, typed, quartier):
    found = shipped.gazetteer.locate(typed)
    assert found is not None and found.label == quartier


@pytest.mark.parametrize("typed, quartier", [
    ("الكورونري", "Couronneries"), ("كورونري", "Couronneries"), ("أنا ساكن في الكورونري", "Couronneries"),
    ("سانت إيلوا", "Saint-Éloi"), ("حي سانت ايلوا", "Saint-Éloi"), ("تروا سيتي", "Trois-Cités"),
    ("تغوا سيتي", "Trois-Cités"), ("3 سيتي", "Trois-Cités"), ("بيلير", "Bel-Air"), ("بيل إير", "Bel-Air"),
    ("بوليو", "Beaulieu"), ("جيبوديري", "Beaulieu"), ("أوزون", "Lac–Renardières–Ozon (Châtellerault)"),
    ("trwa siti", "Trois-Cités"), ("bilair", "Bel-Air"), ("بوكسرول", "Buxerolles (86180)"), ("٣ سيتي", "Trois-Cités"),
    ("لي سابل", "Trois-Cités"),
])
def test_quartier_names_written_as_they_sound(shipped, typed, quartier):
    found = shipped.gazetteer.locate(typed)
    assert found is not None and found.label == quartier


@pytest.mark.parametrize("typed", ["الأسنان", "بغيت بيتزا", "بلي", "لا أستطيع الدخول إلى حسابي على الإنترنت",
                                   "مشكل في الأسنان"])
def test_arabic_words_are_not_taken_for_a_quartier(shipped, typed):
    assert shipped.gazetteer.locate(typed) is None and shipped.gazetteer.find(typed) is None


@pytest.mark.parametrize("typed", ["لا أعرف استعمال الكمبيوتر", "أخبرني نكتة", "جاتني فاتورة كبيرة تاع الضو",
                                   "help for disabled people", "je suis pas imposable mais j'ai reçu une lettre"])
def test_a_need_written_when_asked_where_is_not_taken_for_a_place(shipped, typed):
    # Their consonants or letters resemble a quartier's (« sables » in « disabled »): not a place.
    now = paris("2026-12-01T10:00")
    state, _ = step(State(), Incoming("t", "u", text="caf"), now, shipped)
    _, replies = step(state, Incoming("t", "u", text=typed), now, shipped)
    assert not replies[0].text.startswith("📍"), replies[0].text


def test_an_arabic_conversation_names_its_quartier_in_arabic_letters(shipped):
    now = paris("2026-12-01T10:00")
    state, _ = step(State(), Incoming("t", "u", text="ابحث عن عمل"), now, shipped)
    _, replies = step(state, Incoming("t", "u", text="الكورونري"), now, shipped)
    assert replies[0].text.startswith("📍") and "من أجل: العمل" in replies[0].text
    _, replies = step(State(), Incoming("t", "v", text="مشكل مع الكاف فسانت إيلوا"), now, shipped)
    assert replies[-1].text.startswith("📍") and "الكاف" in replies[-1].text


@pytest.mark.parametrize("typed, found", [("trwa siti", True), ("bilair", True), ("triste", False)])
def test_a_word_the_bot_knows_is_not_a_name_said_as_it_sounds(shipped, typed, found):
    # « triste » has the consonants of Trois-Cités, but residents write it for something else.
    now = paris("2026-12-01T10:00")
    state, _ = step(State(), Incoming("t", "u", text="caf"), now, shipped)
    _, replies = step(state, Incoming("t", "u", text=typed), now, shipped)
    assert replies[0].text.startswith("📍") is found


@pytest.mark.parametrize("typed", ["Ozon", "chateauneuf", "86100"])
def test_chatellerault_is_said_not_covered_with_national_numbers(shipped, typed):
    state, _ = step(State(), Incoming("t", "u", text="caf"), paris("2026-12-01T10:00"), shipped)
    _, replies = step(state, Incoming("t", "u", text=typed), paris("2026-12-01T10:00"), shipped)
    said = replies[0].text
    assert "pas encore de lieux d'aide" in said and "3230" in said
    assert "km" not in said


def test_check_passes_and_lists_what_to_recheck():
    result = run_bot("check", env={"BOT_DIRECTORY": str(SHIPPED_DIRECTORY)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exemple" not in result.stdout
    stale = run_bot("check", "--stale", env={"BOT_DIRECTORY": str(SHIPPED_DIRECTORY)})
    assert "France services – PIMMS Médiation (pimms-saint-eloi) — ☎ 05 49 52 67 66 — vérifié le 01/12/2022" in stale.stdout
    csv_out = run_bot("check", "--stale", "--format", "csv", env={"BOT_DIRECTORY": str(SHIPPED_DIRECTORY)}).stdout
    assert csv_out.splitlines()[0] == "id,nom,telephone,verifie,age,source"
    assert any(line.startswith("pimms-saint-eloi,") for line in csv_out.splitlines())


def test_yaml_starts_with_schema_reference_and_validates_against_it():
    import jsonschema
    schema = json.loads((ROOT / "directory.schema.json").read_text(encoding="utf-8"))
    for path in (SHIPPED_DIRECTORY, ROOT / "examples" / "directory.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(_dates_as_text(data), schema)


def _dates_as_text(x):
    if isinstance(x, dict):
        return {k: _dates_as_text(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_dates_as_text(v) for v in x]
    return x.isoformat() if isinstance(x, dt.date) else x
