"""Handing over to a human through Telegram, and admin-only commands, against the stand-in."""

from __future__ import annotations

import pytest

from tests.channels import fakebotapi as tg
from tests.channels.tgharness import ALICE, BOB, Running, say

GROUP = -100777
ADMIN = 4242


@pytest.fixture
def bot(api, tmp_path, clock) -> Running:
    return Running(api, tmp_path / "bot.sqlite3", clock, mediators_chat_id=GROUP,
                   admin_ids=frozenset({ADMIN}))


async def test_human_handover_round_trip(api, bot, clock):
    async with bot.run():
        await say(api, tg.message(ALICE, "mon dossier caf est bloqué"), ALICE, messages=1)
        await say(api, tg.callback(ALICE, "q:saint-eloi"), ALICE, method="sendVenue")
        before = api.count(GROUP)
        texts = await say(api, tg.callback(ALICE, "a:human"), ALICE, messages=2)
        assert "05 49 52 67 66" in texts[0] and "3230" in texts[0]
        assert "transmis votre demande à un médiateur" in texts[1]
        await api.wait_for(lambda: api.count(GROUP) > before)
        summary_msg = api.sent(GROUP, "sendMessage")[-1]
        summary = summary_msg[1]["text"]
        assert "CAF" in summary and "Saint-Éloi" in summary and "mon dossier caf est bloqué" in summary
        assert str(ALICE) not in summary and "Habitant" not in summary  # no id, no name
        reply_to = api.last_message(GROUP)

        # A mediator answers in the group, replying to the summary.
        texts = await say(api, tg.message(BOB, "Bonjour, je peux vous appeler demain ?", chat=GROUP,
                                          kind="supergroup", reply_to=reply_to), ALICE)
        assert "💬 Médiateur : Bonjour, je peux vous appeler demain ?" in texts[0]

        # The resident's next message goes to the group, and the bot says nothing itself.
        before_alice = api.count(ALICE)
        await say(api, tg.message(ALICE, "oui merci, après 14h"), GROUP)
        assert api.texts(GROUP)[-1] == "💬 oui merci, après 14h"
        assert api.count(ALICE) == before_alice

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


async def test_handover_survives_a_restart_and_ends_after_48_hours(api, bot, clock):
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await api.wait_for(lambda: api.count(GROUP) >= 1)
    async with bot.run():
        await say(api, tg.message(ALICE, "vous êtes là ?"), GROUP)
        assert api.texts(GROUP)[-1] == "💬 vous êtes là ?"
        clock.advance(hours=49)
        texts = await say(api, tg.message(ALICE, "caf"), ALICE, messages=1)
        assert "Où êtes-vous" in texts[0]  # silent for 48 hours: back with the bot


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
        await say(api, tg.callback(ALICE, "q:saint-eloi"), ALICE, method="sendVenue")
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
        await say(api, tg.callback(ALICE, "q:trois-cites"), ALICE, method="sendVenue")
        await say(api, tg.callback(ALICE, "a:remind"), ALICE)
        await say(api, tg.callback(ALICE, "r:eve"), ALICE)
        assert await channel.deliver_reminders() == 0
        clock.set("2026-11-29T18:00")
        assert await channel.deliver_reminders() == 1
        assert api.texts(ALICE)[-1].startswith("⏰ Rappel")
        assert "France services des 3 Cités" in api.texts(ALICE)[-1]


async def test_console_shows_handover(runtime, mediators):
    from bot.channels.console import ConsoleMediators, ConsoleSession
    printed: list[str] = []
    runtime.mediators = ConsoleMediators(printed.append)
    runtime.source.current.mediators = True
    session = ConsoleSession(runtime, "x")
    out = await session.send("je veux parler à quelqu'un")
    assert "transmis votre demande à un médiateur" in out
    assert printed == ["   ↪ transmis à un médiateur"]
    assert await session.send("vous êtes là ?") == ""  # the bot stays quiet
    assert printed[-1] == "   ↪ transmis à un médiateur"
    out = await session.send("/fin")
    assert "de nouveau là" in out
