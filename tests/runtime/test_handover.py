"""Handing over to a human through Telegram, and admin-only commands, against the stand-in."""

from __future__ import annotations

import pytest

from tests.channels import fakebotapi as tg
from tests.channels.tgharness import ALICE, BOB, Running, say
from tests.conftest import settled

GROUP = -100777
ADMIN = 4242


@pytest.fixture
def bot(api, tmp_path, clock) -> Running:
    return Running(api, tmp_path / "bot.sqlite3", clock, mediators_chat_id=GROUP,
                   admin_ids=frozenset({ADMIN}))


async def test_human_handover_round_trip(api, bot, clock):
    async with bot.run():
        await say(api, tg.message(ALICE, "mon dossier caf est bloqué"), ALICE, messages=1)
        await say(api, tg.callback(ALICE, "q:tilleuls"), ALICE, method="sendVenue")
        before = api.count(GROUP)
        texts = await say(api, tg.callback(ALICE, "a:human"), ALICE, messages=2)
        assert "05 00 00 00 10" in texts[0] and "3230" in texts[0]
        assert "transmis votre demande à un médiateur" in texts[1]
        await api.wait_for(lambda: api.count(GROUP) > before)
        summary_msg = api.sent(GROUP, "sendMessage")[-1]
        summary = summary_msg[1]["text"]
        assert "CAF" in summary and "Les Tilleuls" in summary and "mon dossier caf est bloqué" in summary
        assert str(ALICE) not in summary and "Habitant" not in summary  # no id, no name
        reply_to = api.last_message(GROUP)

        # A mediator answers in the group, replying to the summary.
        texts = await say(api, tg.message(BOB, "Bonjour, je peux vous appeler demain ?", chat=GROUP,
                                          kind="supergroup", reply_to=reply_to), ALICE)
        assert "💬 Médiateur : Bonjour, je peux vous appeler demain ?" in texts[0]

        # The resident's next message goes to the group, and the bot only acknowledges it.
        posted = api.count(GROUP)
        texts = await say(api, tg.message(ALICE, "oui merci, après 14h"), ALICE)
        await api.wait_for(lambda: api.count(GROUP) > posted)  # the group's posts have their own queue
        assert api.texts(GROUP)[-1] == "💬 oui merci, après 14h"
        assert texts[0].startswith("Transmis ✅")

        # /fin gives the resident back to the bot.
        texts = await say(api, tg.message(ALICE, "/fin"), ALICE)
        assert "de nouveau là" in texts[0]
        texts = await say(api, tg.message(ALICE, "jcherche du taf"), ALICE, messages=1)
        assert "Emploi" in texts[0]


async def test_mediator_can_end_the_handover(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await api.wait_for(lambda: api.count(GROUP) >= 1)
        reply_to = api.last_message(GROUP)
        texts = await say(api, tg.message(BOB, "/fin", chat=GROUP, kind="supergroup", reply_to=reply_to), ALICE)
        assert "Le médiateur a terminé l'échange" in texts[0]
        texts = await say(api, tg.message(ALICE, "retraite"), ALICE, messages=1)
        assert "Retraite" in texts[0]


async def test_handover_survives_a_restart_and_gives_the_bot_back_after_2_hours(api, bot, clock):
    async with bot.run() as channel:
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await api.wait_for(lambda: api.count(GROUP) >= 1)
        await settled(channel.runtime, "mediators")  # posted and marked sent: not posted again at restart
    async with bot.run():
        posted = api.count(GROUP)
        texts = await say(api, tg.message(ALICE, "vous êtes là ?"), ALICE)
        assert texts[0].startswith("Transmis ✅")
        await api.wait_for(lambda: api.count(GROUP) > posted)  # the group's posts have their own queue
        assert api.texts(GROUP)[-1] == "💬 vous êtes là ?"
        clock.advance(hours=2, minutes=1)
        texts = await say(api, tg.message(ALICE, "caf"), ALICE, messages=1)
        assert "Où êtes-vous" in texts[0]  # silent for 2 hours: back with the bot


async def test_oubli_ends_the_handover(api, bot):
    async with bot.run() as channel:
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await say(api, tg.message(ALICE, "/oubli"), ALICE)
        texts = await say(api, tg.callback(ALICE, "e:yes"), ALICE)
        assert "1 échange avec un médiateur" in texts[0]
        key = channel.runtime.key("telegram", str(ALICE))
        assert await channel.runtime.store.handover(key, channel.runtime.clock()) is None


async def test_stats_for_admins_only(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "caf"), ALICE, messages=1)
        await say(api, tg.callback(ALICE, "q:tilleuls"), ALICE, method="sendVenue")
        texts = await say(api, tg.message(ADMIN, "/stats"), ADMIN)
        assert "📊" in texts[0] and "Réponses : 1" in texts[0]
        texts = await say(api, tg.message(BOB, "/stats"), BOB)
        plain = await say(api, tg.message(BOB, "/nimportequoi"), BOB)
        assert texts == plain  # exactly what an unknown command gets
        assert "📊" not in texts[0]


async def test_reminder_delivered_on_telegram(api, bot, clock):
    async with bot.run() as channel:
        clock.set("2026-11-29T10:00")  # Sunday
        await say(api, tg.message(ALICE, "impots"), ALICE, messages=1)
        await say(api, tg.callback(ALICE, "q:tilleuls"), ALICE, method="sendVenue")
        await say(api, tg.callback(ALICE, "a:remind"), ALICE)
        await say(api, tg.callback(ALICE, "r:eve"), ALICE)
        assert await channel.deliver_reminders() == 0
        clock.set("2026-11-29T18:00")
        assert await channel.deliver_reminders() == 1
        assert api.texts(ALICE)[-1].startswith("⏰ Rappel")
        assert "Maison des services des Tilleuls" in api.texts(ALICE)[-1]


async def test_console_shows_handover(runtime, mediators):
    from bot.channels.console import ConsoleMediators, ConsoleSession
    printed: list[str] = []
    runtime.mediators = ConsoleMediators(printed.append)
    runtime.source.current.mediators = True
    session = ConsoleSession(runtime, "x")
    out = await session.send("je veux parler à quelqu'un")
    assert "transmis votre demande à un médiateur" in out
    assert printed == ["   ↪ transmis à un médiateur"]
    assert (await session.send("vous êtes là ?")).startswith("🤖 Transmis ✅")  # acknowledged
    assert printed[-1] == "   ↪ transmis à un médiateur"
    out = await session.send("/fin")
    assert "de nouveau là" in out


# -- a hand-over never goes silent (fictitious territory: mediators Tuesday–Saturday 13:00–21:00) --

@pytest.fixture
async def territory_runtime(tmp_path, clock):
    from bot.runtime import KnowledgeSource, Runtime
    from bot.storage.store import Store
    from tests.conftest import INTENTS, RecordingMediators
    from tests.fixtures import write_territory
    store = await Store.open(tmp_path / "h.sqlite3")
    rt = Runtime(store, KnowledgeSource(write_territory(tmp_path), INTENTS), b"s", clock, RecordingMediators())
    yield rt
    await store.close()


async def ask(rt, text=None, **kw):
    from bot.conversation.events import Incoming
    return await rt.handle(Incoming("telegram", "77", text=text, **kw), address="77")


def said(replies) -> str:
    return "\n".join(r.text for r in replies)


async def test_each_message_is_acknowledged_with_when_an_answer_can_come(territory_runtime, clock):
    rt = territory_runtime
    clock.set("2026-11-29T20:00")  # Sunday evening: the mediators come back on Tuesday at 13:00
    replies = await ask(rt, "je veux parler à quelqu'un")
    assert "ils reviennent mardi à 13h" in said(replies) and "☎" in said(replies)
    replies = await ask(rt, "c'est pour mon dossier de retraite")
    assert replies[0].text == "Transmis ✅ Les médiateurs reviennent mardi à 13h et vous répondront ici."
    assert [b.payload for b in replies[0].buttons] == ["h:end"]
    assert rt.mediators.sent[-1] == "💬 c'est pour mon dossier de retraite"


async def test_revenir_au_bot_ends_the_hand_over(territory_runtime, clock):
    rt = territory_runtime
    await ask(rt, "je veux parler à quelqu'un")
    replies = await ask(rt, button="h:end")
    assert "de nouveau là" in said(replies)
    assert rt.mediators.sent[-1] == "ℹ️ La personne a terminé l'échange."
    replies = await ask(rt, "impots")
    assert "Où êtes-vous" in said(replies)


@pytest.mark.parametrize("event", [{"button": "n:impots"}, {"start": ""}], ids=["a need button", "/start"])
async def test_a_new_request_gives_the_bot_back_and_closes_cleanly(territory_runtime, event):
    rt = territory_runtime
    await ask(rt, "je veux parler à quelqu'un")
    replies = await ask(rt, **event)
    assert "Transmis" not in said(replies)
    assert rt.mediators.sent[-1] == "ℹ️ La personne a terminé l'échange."
    key = rt.key("telegram", "77")
    assert await rt.store.handover(key, rt.clock()) is None


async def test_danger_during_a_hand_over_gets_the_numbers_first(territory_runtime):
    rt = territory_runtime
    await ask(rt, "je veux parler à quelqu'un")
    replies = await ask(rt, "il va me tuer")
    assert replies[0].text.startswith("🚨") and [c.phone for c in replies[0].contacts][:1] == ["17"]
    assert rt.mediators.sent[-1] == "🚨 il va me tuer"


async def test_a_likely_danger_during_a_hand_over_gets_the_numbers_as_a_condition(territory_runtime):
    rt = territory_runtime
    await ask(rt, "je veux parler à quelqu'un")
    replies = await ask(rt, "je vais mal")  # no rule says so: the second opinion does
    assert "Si vous pensez à mourir" in replies[0].text and "3114" in [c.phone for c in replies[0].contacts]
    assert replies[1].text.startswith("Transmis ✅")
    assert rt.mediators.sent[-1] == "⚠️ Danger possible : je vais mal"
    replies = await ask(rt, "c'est pour la caf")
    assert len(replies) == 1 and replies[0].text.startswith("Transmis ✅")
    assert rt.mediators.sent[-1] == "💬 c'est pour la caf"


async def test_the_bot_still_answers_where_the_person_is(territory_runtime):
    rt = territory_runtime
    replies = await ask(rt, "je veux parler à quelqu'un, la caf m'a coupé les aloc")
    assert "Où êtes-vous" in replies[-1].text
    replies = await ask(rt, "les tilleuls")
    assert replies[0].text.startswith("📍 Maison des services des Tilleuls")
    assert not rt.mediators.sent[-1].endswith("les tilleuls")


async def test_a_late_answer_from_a_mediator_still_reaches_the_person(territory_runtime, clock):
    rt = territory_runtime
    await ask(rt, "je veux parler à quelqu'un")
    clock.advance(hours=20)  # the next day: the person's messages went back to the bot…
    replies = await ask(rt, "caf")
    assert "Où êtes-vous" in said(replies)
    late = await rt.mediator_reply("m1", "Je vous rappelle demain")  # …but the answer still gets through
    assert (late.channel, late.address) == ("telegram", "77")
    assert late.reply.text.startswith("💬 Médiateur : Je vous rappelle demain")
    replies = await ask(rt, "merci beaucoup")
    assert replies[0].text.startswith("Transmis ✅")
