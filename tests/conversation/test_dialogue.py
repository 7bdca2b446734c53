"""Whole conversations through the core's `step`: events in, what the resident reads out."""

from __future__ import annotations

import pytest

from bot.conversation.dialogue import step, turn
from bot.conversation.events import Incoming
from bot.conversation.state import ANSWERED, ASK_NEED, ASK_WHERE, CLARIFY, CONFIRM_ERASE, State
from tests.conftest import paris
from tests.conversation.helpers import button, labels, read, talk, text
from tests.fixtures import knowledge_of

NOW = paris("2026-12-01T10:00")  # Tuesday 10:00












@pytest.mark.parametrize(
    "messages, expected",
    [
        (["bonjour"], "Pour quoi avez-vous besoin d'aide"),
        (["bonjour", "la caf ma coupé les aloc"], "Où êtes-vous"),
        (["bonjour", "la caf ma coupé les aloc", "tilleuls"], "Maison des services des Tilleuls"),
        (["jcherche du taf", "le moulin"], "Pour : Emploi"),
        (["retrète", "99000"], "Ouvert maintenant"),
        (["mon compte ameli marche pas", "centre ville"], "☎"),
        (["je dors dans la rue ce soir", "le moulin"], "Centre social du Moulin"),
        (["blablabla zorglub"], "Je n'ai pas compris votre demande"),
        (["meteo demain"], "Je ne peux pas vous aider pour ça"),
        (["où est le bus"], "Bus des services"),
    ],
    ids=["greeting asks the need", "need asks where", "quartier gives the nearest place",
         "slang need and typed quartier", "typo need and postcode", "answer has a phone",
         "social need finds the solidarity house", "not understood is said plainly",
         "out of scope is said plainly", "bus status"],
)
def test_conversation_reads(knowledge, messages, expected):
    _, replies = talk(knowledge, *map(text, messages))
    assert expected in read(replies)


def test_every_reply_offers_a_way_out(knowledge):
    events = [text("bonjour"), text("caf"), text("tilleuls"), button("a:more"), button("a:route"),
              button("a:remind"), text("???"), text("🙂"), text(""), Incoming("t", "u1", media="sticker")]
    state = State()
    for e in events:
        state, replies = step(state, e, NOW, knowledge)
        assert replies, e
        assert any(r.buttons for r in replies), (e, read(replies))


def test_answer_has_pin_address_hours_and_phone(knowledge):
    state, replies = talk(knowledge, text("caf"), button("q:tilleuls"))
    assert state.step == ANSWERED
    answer = replies[0]
    assert answer.pin is not None and answer.pin.name == "Maison des services des Tilleuls"
    assert "1 place des Tilleuls" in answer.text
    assert "Ouvert maintenant jusqu'à 12h" in answer.text
    assert "05 00 00 00 10" in answer.text
    assert "Informations vérifiées en novembre 2026." in answer.text
    # Open now: no reminder to offer.
    assert labels(replies)[:4] == ["Autre lieu", "🗺 Itinéraire", "🙋 Parler à quelqu'un", "Nouvelle demande"]


def test_location_shared_then_need(knowledge):
    _, replies = talk(knowledge, Incoming("t", "u1", location=(45.0045, 1.0028)), text("impots"))
    assert "Maison des services des Tilleuls" in read(replies)
    assert "min à pied" in read(replies)


def test_invalid_location_is_refused_kindly(knowledge):
    state, replies = talk(knowledge, text("caf"), Incoming("t", "u1", location=(123.0, 999.0)))
    assert "Je n'ai pas pu lire cette position" in read(replies)
    assert state.step == ASK_WHERE


def test_unknown_button_reasks_current_question(knowledge):
    state, replies = talk(knowledge, text("caf"), button("zz:nonsense"))
    assert "Ce bouton ne marche plus" in read(replies)
    assert "Où êtes-vous" in read(replies)
    assert state.step == ASK_WHERE and state.need == "caf"


@pytest.mark.parametrize("message, expected", [
    ("", "Votre message est vide"),
    ("   ", "Votre message est vide"),
    ("🙂🙂🙂", "Je n'ai pas compris"),
    ("x" * 5000, "Je n'ai pas compris votre demande"),
    ("caf " * 1250, "Où êtes-vous"),
], ids=["empty", "blank", "emoji only", "5000 characters of noise", "5000 characters with a need"])
def test_odd_messages_get_a_clear_answer(knowledge, message, expected):
    _, replies = talk(knowledge, text(message))
    assert expected in read(replies)


@pytest.mark.parametrize("media", ["voice", "sticker", "photo", "document", "contact"])
def test_unsupported_media(knowledge, media):
    state, replies = talk(knowledge, text("caf"), Incoming("t", "u1", media=media))
    assert "Je ne lis que les messages écrits" in read(replies)
    assert state.need == "caf"  # nothing lost


@pytest.mark.parametrize("word", ["/start", "/aide", "menu", "recommencer", "Menu !"])
def test_reset_words_start_over(knowledge, word):
    state, replies = talk(knowledge, text("caf"), button("q:tilleuls"), text(word))
    assert state.step == ASK_NEED and state.need is None
    assert "Pour quoi avez-vous besoin d'aide" in read(replies)


def test_unsure_need_offers_candidates(knowledge):
    state, replies = talk(knowledge, text("ma carte vital"))
    if state.step == CLARIFY:
        assert "Vous voulez dire" in read(replies)
        assert "Autre chose" in labels(replies)
    else:  # understood outright is fine too
        assert state.need == "sante"


def test_clarify_then_choose(knowledge):
    state = State(step=CLARIFY, candidates=("caf", "logement"))
    state, replies = step(state, button("n:logement"), NOW, knowledge)
    assert state.need == "logement" and "Où êtes-vous" in read(replies)


def test_clarify_offers_a_doctor_but_never_small_talk(knowledge):
    state = State(step=CLARIFY, candidates=("soins", "bonjour", "caf"))
    state, replies = step(state, Incoming("test", "u1", media="sticker"), NOW, knowledge)
    assert "Trouver un médecin" in labels(replies) and "bonjour" not in labels(replies)
    assert "soins" not in labels(replies)
    state, replies = step(state, button("n:soins"), NOW, knowledge)
    assert "3646" in read(replies)  # the care answer, not a mediator


def test_new_request_keeps_where(knowledge):
    state, _ = talk(knowledge, text("caf"), button("q:moulin"), button("a:new"))
    assert state.need is None and state.where == "Le Moulin"
    state, replies = step(state, text("impots"), NOW, knowledge)
    assert "Permanence du jeudi" in read(replies)


def test_another_place_cycles(knowledge):
    state, first = talk(knowledge, text("numerique"), button("q:tilleuls"))
    state, second = step(state, button("a:more"), NOW, knowledge)
    assert first[0].text != second[0].text
    for _ in range(10):
        state, replies = step(state, button("a:more"), NOW, knowledge)
        assert replies


def test_route_link(knowledge):
    _, replies = talk(knowledge, Incoming("t", "u1", location=(45.0045, 1.0028)), text("caf"),
                          button("a:route"))
    assert "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=45.00450%2C1.00280" in read(replies)


def test_human_gives_place_phone_and_national_number(knowledge):
    _, replies = talk(knowledge, text("retraite"), button("q:moulin"), button("a:human"))
    assert "05 00 00 00 12" in read(replies)
    assert "3960" in read(replies)


def test_human_without_context_still_gives_a_number(knowledge):
    _, replies = talk(knowledge, text("je veux parler à quelqu'un"))
    assert "☎" in read(replies)


def test_nothing_local_gives_national_number(knowledge):
    _, replies = talk(knowledge, text("caf"), Incoming("t", "u1", location=(43.30, 5.37)))  # Marseille
    assert "Je n'ai pas trouvé de lieu" in read(replies)
    assert "3230" in read(replies)


def test_closed_now_says_next_opening(knowledge):
    _, replies = talk(knowledge, text("caf"), button("q:tilleuls"), now=paris("2026-12-04T19:00"))
    assert "Prochaine ouverture : lundi de 9h à 12h" in read(replies)


def test_deep_link_with_quartier_and_need_answers_at_once(knowledge):
    state, replies = talk(knowledge, Incoming("t", "u1", start="s-maison-services_q-tilleuls_n-caf"))
    assert state.source == "maison-services" and state.quartier == "tilleuls"
    assert "Maison des services des Tilleuls" in read(replies)


@pytest.mark.parametrize("payload", ["", "!!!", "q-nowhere_n-pizza", "x" * 200, "é"])
def test_malformed_deep_link_just_greets(knowledge, payload):
    _, replies = talk(knowledge, Incoming("t", "u1", start=payload))
    assert "Pour quoi avez-vous besoin d'aide" in read(replies)


def test_erase_asks_then_confirms(knowledge):
    state, replies = talk(knowledge, text("caf"), text("/oubli"))
    assert state.step == CONFIRM_ERASE and "Oui, tout effacer" in labels(replies)
    t = turn(state, button("e:yes"), NOW, knowledge)
    assert [e.kind for e in t.effects] == ["erase"]
    assert "J'ai effacé votre conversation, vos rappels" in read(t.replies)
    assert t.state == State()


def test_erase_cancelled_keeps_everything(knowledge):
    state, _ = talk(knowledge, text("caf"), button("q:tilleuls"), text("supprimer mes données"))
    state, replies = step(state, button("e:no"), NOW, knowledge)
    assert state.need == "caf" and "je ne supprime rien" in read(replies)


def test_step_is_pure_and_deterministic(knowledge):
    state = State(step=ASK_WHERE, need="caf")
    a = step(state, text("tilleuls"), NOW, knowledge)
    b = step(state, text("tilleuls"), NOW, knowledge)
    assert a == b
    assert state == State(step=ASK_WHERE, need="caf")


def test_state_round_trips_and_survives_garbage():
    s = State(step=ANSWERED, need="caf", position=(46.5, 0.3), where="x", candidates=("a",))
    assert State.from_json(s.to_json()) == s
    for junk in ["", "{", "[]", '{"step": "nope"}', '{"position": "abc"}', "null"]:
        assert State.from_json(junk) == State()


def test_sooner_place_is_one_tap_away(tmp_path):
    # Le Moulin, Friday 10:00: the Thursday permanence is nearest; the Maison des services, 2 km
    # away, is open now.
    k = knowledge_of(tmp_path)
    state, replies = talk(k, text("retraite"), button("q:moulin"), now=paris("2026-12-04T10:00"))
    assert "Permanence du jeudi" in replies[0].text
    hint = replies[-1]
    assert hint.text.startswith("💡 Plus tôt : Maison des services des Tilleuls")
    state, replies = step(state, button(hint.buttons[0].payload), paris("2026-12-04T10:00"), k)
    assert replies[0].text.startswith("📍 Maison des services des Tilleuls")
    assert "Ouvert maintenant jusqu'à 12h" in replies[0].text
