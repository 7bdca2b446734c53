"""Emergencies come first: the right numbers in the very first reply, at every step, any hour."""

from __future__ import annotations

import pytest

from bot.conversation.dialogue import step, turn
from bot.conversation.events import Incoming
from bot.conversation.state import ANSWERED, ASK_WHERE, CLARIFY, CONFIRM_ERASE, REMIND, State
from tests.conftest import paris
from tests.conversation.helpers import text
from tests.fixtures import knowledge_of

NIGHT = paris("2026-12-05T03:00")  # Saturday, 3 in the morning


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    return knowledge_of(tmp_path_factory.mktemp("territory"))




def numbers(reply) -> list[str]:
    return [c.phone for c in reply.contacts]


@pytest.mark.parametrize("message, first_lines, phones", [
    ("mon mari me frappe", ["17", "114", "3919"], ["17", "114", "3919"]),
    ("je veux mourir", ["3114", "15"], ["3114", "15"]),
    ("on frappe mon fils", ["119", "17", "114"], ["119", "17", "114"]),
    ("je dors dehors ce soir", ["115"], ["115"]),
    ("j'ai rien a manger", ["115"], ["115"]),
    ("il ne respire plus", ["15", "114"], ["15", "114"]),
    ("my husband hits me", ["17", "114", "3919"], ["17", "114", "3919"]),
    ("بغيت نموت", ["3114"], ["3114", "15"]),
    ("rajli kaydrebni", ["17", "3919"], ["17", "114", "3919"]),
    ("il m'a cassé le bras, j'ai peur", ["15", "17", "3919"], ["15", "114", "17"]),
    ("mon fils de 20 ans me frappe", ["17", "3919"], ["17", "114", "3919"]),
], ids=["violence at home", "suicidal words", "child in danger", "nowhere to sleep", "no food",
        "medical emergency", "english", "arabic", "darija", "a bone broken by someone",
        "hit by a grown son (not the child line)"])
def test_first_reply_gives_the_numbers_with_no_question(k, message, first_lines, phones):
    t = turn(State(), text(message), NIGHT, k)
    first = t.replies[0]
    for number in first_lines:
        assert f" {number} " in f" {first.text} ".replace(":", " "), first.text
    assert numbers(first) == phones  # sent as contacts too: one tap to call
    assert "?" not in first.text.split("\n", 1)[1]  # the numbers, no question
    assert "🤔" not in "\n".join(r.text for r in t.replies)
    assert [e.kind for e in t.effects][:1] == ["danger"]


@pytest.mark.parametrize("state", [
    State(),
    State(step=ASK_WHERE, need="caf"),
    State(step=CLARIFY, candidates=("caf", "logement")),
    State(step=ANSWERED, need="caf", position=(45.0, 1.0), where="Les Tilleuls", quartier="tilleuls", by="quartier"),
    State(step=REMIND, need="caf", position=(45.0, 1.0), where="Les Tilleuls", quartier="tilleuls", by="quartier"),
    State(step=CONFIRM_ERASE),
], ids=["first message", "asked where", "clarifying", "after an answer", "choosing a reminder", "confirming erasure"])
def test_emergency_first_at_every_step(k, state):
    _, replies = step(state, text("il va me tuer aidez moi"), NIGHT, k)
    assert replies[0].text.startswith("🚨")
    assert "17" in replies[0].text and "3919" in replies[0].text


@pytest.mark.parametrize("message", [
    "mourir de rire", "ma batterie est morte", "il a frappé à la porte", "ça me tue ces papiers",
    "je me bats pour mon dossier caf", "urgence dossier caf", "au secours la caf", "je dors mal",
    "recette de couscous", "my phone is dead", "il m'a cassé la tête avec ses histoires de caf",
])
def test_look_alikes_get_no_emergency_numbers(k, message):
    t = turn(State(), text(message), NIGHT, k)
    assert all(not r.contacts for r in t.replies)
    assert "danger" not in [e.kind for e in t.effects]


def test_violence_then_local_victims_support_where_the_person_is(k):
    state, replies = step(State(), text("mon compagnon me tape"), NIGHT, k)
    assert state.step == ASK_WHERE and state.need == "droit"
    assert "aide aux victimes" in replies[-1].text and "Où êtes-vous" in replies[-1].text
    assert "🙋 Parler à quelqu'un" in [b.label for b in replies[-1].buttons]
    state, replies = step(state, Incoming("test", "u1", button="q:centre"), NIGHT, k)
    assert replies[0].text.startswith("📍 Aide aux victimes de Villetest")


def test_known_position_gives_the_local_help_in_the_same_turn(k):
    state = State(step=ANSWERED, need="caf", position=(45.012, 1.018), where="Le Moulin",
                  quartier="moulin", by="quartier")
    _, replies = step(state, text("je suis à la rue avec mes enfants"), NIGHT, k)
    assert "115" in replies[0].text
    assert any(r.text.startswith("📍 Centre social du Moulin") for r in replies[1:])


def test_a_place_said_with_the_danger_is_not_asked_again(k):
    state, replies = step(State(), text("je dors dans ma voiture, je suis au Moulin"), NIGHT, k)
    assert "115" in replies[0].text
    assert any(r.text.startswith("📍 Centre social du Moulin") for r in replies[1:])
    assert "Où êtes-vous" not in "\n".join(r.text for r in replies)
    assert state.step == ANSWERED and state.where == "Le Moulin"


def test_suicide_offers_a_person_not_a_form(k):
    _, replies = step(State(), text("j'ai envie d'en finir"), NIGHT, k)
    assert "3114" in replies[0].text
    assert "🙋 Parler à quelqu'un" in [b.label for r in replies for b in r.buttons]
    assert "Où êtes-vous" not in "\n".join(r.text for r in replies)


def test_several_dangers_keep_every_number_once(k):
    _, replies = step(State(), text("mon mari me frappe et je dors dehors"), NIGHT, k)
    first = replies[0].text
    assert first.startswith("🚨") and "3919" in first and "115" in first
    assert first.count("☎ 17 ") == 1


# A message the rules leave alone but the learnt second opinion (danger/learned.py) takes for danger.
def test_a_likely_danger_gets_its_numbers_as_a_condition_then_the_usual_answer(k):
    from bot.understanding.danger import detect
    assert detect("je vais mal") == ()  # the rules say nothing: the second opinion does
    t = turn(State(), text("je vais mal"), NIGHT, k)
    first = t.replies[0]
    assert first.text.startswith("💙 Si vous pensez à mourir") and "3114" in first.text
    assert numbers(first) == ["3114", "15"]
    assert len(t.replies) > 1 and t.replies[-1].buttons  # then the conversation goes on as usual
    assert [e.data for e in t.effects if e.kind == "danger"] == [{"categories": ["possible"]}]


@pytest.mark.parametrize("message", [
    "je cherche un travail", "la caf a baissé mon apl", "mon fils est malade il lui faut un médecin",
    "je dois payer mon loyer", "i need a doctor", "بغيت نخدم", "nuit", "je suis fatigué",
])
def test_the_second_opinion_leaves_everyday_needs_alone(k, message):
    t = turn(State(), text(message), NIGHT, k)
    assert all(not r.contacts for r in t.replies)
    assert "danger" not in [e.kind for e in t.effects]


def test_a_child_likely_in_danger_also_gets_112(k, monkeypatch):
    # A child choking could be read as a child in danger: 112 comes with the child line.
    from bot.understanding.danger.learned import NONE, DangerModel
    monkeypatch.setattr(k.matcher, "danger", DangerModel(lambda _: {"child": 0.7, NONE: 0.3}))
    first = turn(State(), text("ma fille a un souci je sais pas quoi faire"), NIGHT, k).replies[0]
    assert first.text.startswith("🚨 Si un enfant est en danger")
    assert "119" in first.text and "112" in first.text
