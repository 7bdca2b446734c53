"""Honest answers: the soonest reachable help first, distances as precise as known, no dead end."""

from __future__ import annotations

import pytest

from bot.conversation.dialogue import step
from bot.conversation.state import ANSWERED
from bot.places.needs import NEEDS
from tests.conftest import paris
from tests.conversation.helpers import button, here, labels, talk, text
from tests.fixtures import TERRITORY, knowledge_of

THURSDAY = paris("2026-12-03T10:15")
TUESDAY = paris("2026-12-01T10:00")


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    return knowledge_of(tmp_path_factory.mktemp("territory"))












def test_the_bus_standing_in_the_quartier_now_comes_first(k):
    state, replies = talk(k, text("impôts"), button("q:moulin"), now=THURSDAY)
    assert replies[0].text.startswith("🚌 Bus des services passe dans votre quartier")
    assert "Là maintenant, jusqu'à 12h" in replies[0].text
    assert replies[0].pin is not None and replies[0].pin.name == "Place du Moulin"  # the stop shown
    _, more = step(state, button("a:more"), THURSDAY, k)
    assert more[0].text.startswith("📍 Permanence du jeudi")


def test_the_bus_is_not_first_when_it_comes_later_than_the_nearest_place(k):
    _, replies = talk(k, text("impôts"), button("q:moulin"), now=paris("2026-12-03T13:00"))
    assert replies[0].text.startswith("📍 Permanence du jeudi")  # opens at 14h; the bus left at 12h


def test_unknown_hours_never_before_a_comparably_near_place_with_hours(k):
    # 60 m from the desk with no published hours, 500 m from the Maison des services.
    _, replies = talk(k, here(45.0045, 1.0028), text("caf"))
    assert replies[0].text.startswith("📍 Maison des services des Tilleuls")
    assert not any(r.text.startswith("💡") for r in replies)


def test_unknown_hours_are_said_and_never_feed_plus_tot_nor_a_reminder(tmp_path):
    only_unknown = TERRITORY.replace('    horaires: "Mo-Fr 09:00-12:00,14:00-17:00"\n', "")
    k = knowledge_of(tmp_path, only_unknown)
    state, replies = talk(k, text("emploi"), button("q:tilleuls"))
    assert "horaires non publiés : appelez avant d'y aller" in replies[0].text
    assert "Ouvert" not in replies[0].text and "ouvert" not in replies[0].text
    assert "⏰ Me le rappeler" not in labels(replies)
    assert not any(r.text.startswith("💡") for r in replies)
    _, replies = step(state, button("a:remind"), TUESDAY, k)
    assert "Je ne connais pas ses horaires" in replies[0].text and "ouvert" not in replies[0].text


def test_the_bus_stop_is_chosen_by_distance_and_near_only_on_foot(k):
    # At the Tilleuls stop: its Monday passage is shown, not the Thursday one 2 km away.
    _, replies = talk(k, here(45.0011, 1.0011), text("où est le bus"), now=THURSDAY)
    bus = replies[0].text
    assert "Près de chez vous : Parking des Tilleuls" in bus and "passe lundi de 14h à 16h" in bus
    assert replies[0].pin is not None and replies[0].pin.name == "Parking des Tilleuls"
    # 4 km from every stop: no "près de chez vous".
    _, replies = talk(k, here(44.97, 0.97), text("où est le bus"), now=THURSDAY)
    assert "près de chez vous" not in replies[0].text.lower()


def test_the_bus_near_me_offers_the_neighbourhoods_then_the_nearest_stop(k):
    state, replies = talk(k, text("où est le bus"), now=THURSDAY)
    near = [b for b in replies[-1].buttons if b.label == "📍 Près de chez moi"]
    assert near
    state, replies = step(state, button(near[0].payload), THURSDAY, k)
    assert "choisissez votre quartier" in replies[0].text and "Les Tilleuls" in labels(replies)
    tilleuls = next(b for b in replies[0].buttons if b.label == "Les Tilleuls")
    _, replies = step(state, button(tilleuls.payload), THURSDAY, k)
    assert "Parking des Tilleuls" in replies[0].text


def test_no_reminder_for_example_tours(tmp_path):
    example = TERRITORY.replace("    frais: gratuit\n    arrets:", "    frais: gratuit\n    exemple: true\n    arrets:")
    k = knowledge_of(tmp_path, example)
    state, replies = talk(k, here(45.0011, 1.0011), text("impots"), button("a:more"))
    assert replies[0].text.startswith("🚌")
    assert "⏰ Me le rappeler" not in labels(replies)
    _, replies = step(state, button("a:remind"), TUESDAY, k)
    assert "à confirmer" in replies[0].text


def test_every_card_names_the_need(k):
    _, replies = talk(k, text("ma carte vitale"), button("q:tilleuls"))
    assert "Pour : Santé" in replies[0].text
    _, replies = talk(k, text("impots"), button("q:moulin"), now=THURSDAY)
    assert "Pour : Impôts" in replies[0].text


@pytest.mark.parametrize("events, distance, not_said", [
    ([here(45.0045, 1.0028), text("caf")], "(7 min à pied)", "environ"),
    ([text("caf"), button("q:tilleuls")], "(dans votre quartier)", "min à pied"),
    ([text("impots"), button("q:centre")], "(à environ 1 km)", "min à pied"),
    ([text("caf 99100")], "(à environ 4 km)", "min à pied"),
], ids=["shared position: minutes on foot", "quartier: in your quartier", "quartier: about 1 km",
        "postcode: about 4 km"])
def test_distances_only_as_precise_as_known(k, events, distance, not_said):
    _, replies = talk(k, *events)
    assert distance in replies[0].text
    assert not_said not in replies[0].text


def test_route_starts_from_the_person_only_when_they_shared_it(k):
    _, replies = talk(k, text("caf"), button("q:tilleuls"), button("a:route"))
    assert "route=" not in replies[0].text and "openstreetmap.org/?mlat=" in replies[0].text
    # Not called a route when it is only the place on the map, and the resident learns how to get one.
    assert "Itinéraire" not in replies[0].text and "sur le plan" in replies[0].text
    assert "Envoyez votre position" in replies[0].text


@pytest.mark.parametrize("need", sorted(NEEDS))
def test_every_need_has_a_number_when_nothing_is_near(k, need):
    _, replies = talk(k, here(48.85, 2.35), button(f"n:{need}"))  # Paris: far from the territory
    said = replies[0].text
    assert "Je n'ai pas trouvé de lieu" in said and "☎" in said, said


def test_ecole_ends_on_someone_to_ask(k):
    _, replies = talk(k, button("n:ecole"), button("q:tilleuls"))
    assert "secrétariat de l'école" in replies[0].text


def test_freshness_said_once_per_conversation(k):
    state, replies = talk(k, text("caf"), button("q:tilleuls"))
    assert "Informations vérifiées en novembre 2026." in replies[0].text
    state, replies = step(state, button("a:more"), TUESDAY, k)
    assert "vérifiées" not in replies[0].text
    assert state.step == ANSWERED
