"""The real python-telegram-bot application against the local Bot API stand-in."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from starlette.applications import Starlette

from bot.channels.serve import running
from bot.channels.telegram import dialable
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import Store
from tests.channels import fakebotapi as tg
from tests.channels.tgharness import ALICE, BOB, Running, buttons, say, settings_for
from tests.conftest import DIRECTORY, INTENTS, settled


@pytest.fixture
def bot(api, tmp_path, clock) -> Running:
    return Running(api, tmp_path / "bot.sqlite3", clock)


async def test_start_greets_with_buttons_and_sets_commands(api, bot):
    async with bot.run():
        texts = await say(api, tg.message(ALICE, "/start"), ALICE)
        assert "Bonjour 👋" in texts[0]
        greeting = api.sent(ALICE, "sendMessage")[-1][1]
        labels = [b[0] for b in buttons(greeting)]
        assert labels[:2] == ["CAF, allocations", "Emploi"] and "Autre" in labels
        assert all(len(data.encode()) <= 64 for _, data in buttons(greeting))
        commands = [p for m, p in api.requests if m == "setMyCommands"]
        assert {c["command"] for c in commands[0]["commands"]} >= {"start", "aide", "bus", "oubli"}
        assert api.poll_count < 50  # long polling is honoured, no busy loop


async def test_need_then_location_gives_text_and_venue(api, bot):
    async with bot.run():
        texts = await say(api, tg.message(ALICE, "la caf ma coupé les aloc"), ALICE, messages=1)
        assert "Où êtes-vous" in texts[0]
        ask = api.sent(ALICE, "sendMessage")[-1][1]
        keys = [b["text"] for row in ask["reply_markup"]["keyboard"] for b in row]
        assert ask["reply_markup"]["keyboard"][0][0] == {"text": "📍 Envoyer ma position", "request_location": True}
        assert "Les Tilleuls" in keys and "Autre" in keys
        await say(api, tg.location(ALICE, 45.0045, 1.0028), ALICE, method="sendVenue")
        answer = api.texts(ALICE)[-1]
        assert "Maison des services des Tilleuls" in answer
        assert "Ouvert maintenant jusqu'à 12h" in answer
        assert "(+33500000010)" in answer  # a number the phone can dial
        venue = api.sent(ALICE, "sendVenue")[-1][1]
        assert venue["title"] == "Maison des services des Tilleuls"
        assert venue["latitude"] == pytest.approx(45.0003)
        assert [m for m, p in api.requests if str(p.get("chat_id")) == str(ALICE)][-2:] == ["sendMessage", "sendVenue"]


async def test_button_press_is_answered(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "/start"), ALICE)
        texts = await say(api, tg.callback(ALICE, "n:retraite"), ALICE, messages=1)
        assert "Retraite" in texts[0]
        assert any(m == "answerCallbackQuery" for m, _ in api.requests)
        await say(api, tg.callback(ALICE, "q:tilleuls"), ALICE, method="sendVenue")
        assert "Maison des services des Tilleuls" in api.texts(ALICE)[-1]
        texts = await say(api, tg.callback(ALICE, "zz:unknown-button"), ALICE)
        assert "Ce bouton ne marche plus" in texts[0]


async def test_tapping_a_quartier_on_the_keyboard(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "impots"), ALICE)
        await say(api, tg.message(ALICE, "Les Tilleuls"), ALICE, method="sendVenue")
        assert "Maison des services des Tilleuls" in api.texts(ALICE)[-1]
        await say(api, tg.message(ALICE, "/start"), ALICE)
        await say(api, tg.message(ALICE, "caf"), ALICE)
        texts = await say(api, tg.message(ALICE, "Autre"), ALICE)
        assert "Écrivez le nom de votre quartier" in texts[0]


async def test_deep_link_with_quartier_and_need(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "/start s-maison-services_q-tilleuls_n-caf"), ALICE, method="sendVenue")
        assert any("Maison des services des Tilleuls" in t for t in api.texts(ALICE))
        texts = await say(api, tg.message(BOB, "/start ../../etc/passwd"), BOB)
        assert "Bonjour 👋" in texts[0]


@pytest.mark.parametrize("update, expected", [
    (tg.sticker(ALICE), "Je ne lis que les messages écrits"),
    (tg.voice(ALICE), "Je ne lis que les messages écrits"),
    (tg.photo(ALICE), "Je ne lis que les messages écrits"),
], ids=["sticker", "voice", "photo"])
async def test_unsupported_media_answered_kindly(api, bot, update, expected):
    async with bot.run():
        texts = await say(api, update, ALICE)
        assert expected in texts[0]


async def test_html_is_escaped(api, bot):
    async with bot.run():
        texts = await say(api, tg.message(ALICE, "<b>caf</b> & co"), ALICE, messages=1)
        sent = api.sent(ALICE, "sendMessage")[-1][1]
        assert sent["parse_mode"] == "HTML"
        assert "<b>" not in texts[0]


async def test_restart_between_two_messages_resumes(api, tmp_path, clock):
    bot = Running(api, tmp_path / "db.sqlite3", clock)
    async with bot.run():
        await say(api, tg.message(ALICE, "jcherche du taf"), ALICE, messages=1)
    async with bot.run():
        await say(api, tg.message(ALICE, "le moulin"), ALICE, method="sendVenue")
        assert "Pour : Emploi" in api.texts(ALICE)[-1]


async def test_group_chat_only_when_addressed(api, bot):
    group = -100500
    async with bot.run():
        await api.push(tg.message(ALICE, "caf", chat=group, kind="supergroup"))
        await say(api, tg.message(BOB, "@orientation_test_bot bonjour", chat=group, kind="supergroup"), group)
        texts = api.texts(group)
        assert len(texts) == 1 and "message privé" in texts[0]


@pytest.mark.parametrize("faults", [{"sendMessage": [429]}, {"sendMessage": [500, 500]},
                                    {"sendVenue": [500], "sendMessage": [500]}],
                         ids=["429 retry_after", "two 500s", "500 on venue and text"])
async def test_no_reply_lost_on_429_and_500(api, bot, faults):
    async with bot.run():
        await say(api, tg.message(ALICE, "caf"), ALICE, messages=1)
        api.faults.update({k: list(v) for k, v in faults.items()})
        await say(api, tg.callback(ALICE, "q:tilleuls"), ALICE, method="sendVenue")
        assert "Maison des services des Tilleuls" in api.texts(ALICE)[-1]
        assert all(not v for v in api.faults.values())  # the faults did happen


async def test_error_handler_tells_the_resident_and_logs_no_text(api, bot, caplog):
    async with bot.run() as channel:
        async def boom(*a, **k):
            raise RuntimeError("database on fire")
        channel.runtime.handle_queued = boom  # type: ignore[method-assign]
        with caplog.at_level(logging.INFO):
            texts = await say(api, tg.message(ALICE, "mon secret 0612345678"), ALICE)
        assert "problème technique" in texts[0]
        assert "0612345678" not in caplog.text and tg.TOKEN not in caplog.text


async def test_no_token_and_no_text_in_info_logs(api, bot, caplog):
    with caplog.at_level(logging.INFO):
        async with bot.run():
            await say(api, tg.message(ALICE, "ma carte vitale 0612345678"), ALICE)
    assert tg.TOKEN not in caplog.text
    assert "0612345678" not in caplog.text and "carte vitale" not in caplog.text


def test_dialable_numbers():
    assert dialable("☎ 05 49 52 67 66") == "☎ 05 49 52 67 66 (+33549526766)"
    assert dialable("au 3230") == "au 3230"
    assert dialable("0549526766.") == "0549526766 (+33549526766)."


# -- webhook ----------------------------------------------------------------------------------

async def test_webhook_checks_secret_and_accepts_json_with_charset(api, tmp_path, clock):
    store = await Store.open(tmp_path / "w.sqlite3")
    runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s", clock)
    settings = settings_for(api, webhook_url="https://example.org/hook", webhook_secret="s3cret")
    body = json.dumps({"update_id": 1, **tg.message(ALICE, "/start")}).encode()
    async with running(settings, runtime, telegram=True, whatsapp=False) as svc:
        assert [m for m, _ in api.requests if m == "setWebhook"]
        web = Starlette(routes=svc.routes)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://test") as client:
            wrong = await client.post("/hook", content=body, headers={
                "X-Telegram-Bot-Api-Secret-Token": "nope", "Content-Type": "application/json"})
            assert wrong.status_code == 403
            for n, ctype in enumerate(("application/json", "application/json; charset=utf-8",
                                       "application/json; charset=UTF-8")):
                before = api.count(ALICE)
                update = json.dumps({"update_id": 10 + n, **tg.message(ALICE, "/start")}).encode()
                ok = await client.post("/hook", content=update, headers={
                    "X-Telegram-Bot-Api-Secret-Token": "s3cret", "Content-Type": ctype})
                assert ok.status_code == 200, ctype
                await api.wait_for(lambda before=before: api.count(ALICE) > before)
            # Telegram sends an update again when it did not hear 200 in time: answered once.
            before = api.count(ALICE)
            again = await client.post("/hook", content=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
            assert again.status_code == 200
            await settled(runtime, "telegram")
            assert api.count(ALICE) == before
            assert (await client.get("/healthcheck")).text == "ok"
            bad = await client.post("/hook", content=b"{not json", headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
            assert bad.status_code == 400
    await store.close()


async def test_webhook_mode_serves_on_port_and_registers_the_secret(api, tmp_path, clock, unused_tcp_port):
    """`python -m bot telegram` with WEBHOOK_URL: setWebhook, then Telegram's POSTs on PORT."""
    import asyncio

    from bot.channels.serve import serve
    store = await Store.open(tmp_path / "wh.sqlite3")
    runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s", clock)
    settings = settings_for(api, webhook_url="https://bot.example.org/telegram", webhook_secret="s3cret",
                            port=unused_tcp_port)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, runtime, telegram=True, whatsapp=False, stop=stop))
    try:
        await api.wait_for(lambda: any(m == "setWebhook" for m, _ in api.requests))
        hook = next(p for m, p in api.requests if m == "setWebhook")
        assert hook["url"] == "https://bot.example.org/telegram" and hook["secret_token"] == "s3cret"
        base = f"http://127.0.0.1:{unused_tcp_port}"
        async with httpx.AsyncClient(base_url=base) as client:
            for _ in range(100):  # the server may take a moment to listen
                try:
                    if (await client.get("/healthcheck")).text == "ok":
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.05)
            body = json.dumps({"update_id": 7, **tg.message(ALICE, "bonjour")})
            refused = await client.post("/telegram", content=body, headers={"X-Telegram-Bot-Api-Secret-Token": "x"})
            assert refused.status_code == 403
            ok = await client.post("/telegram", content=body, headers={
                "X-Telegram-Bot-Api-Secret-Token": "s3cret", "Content-Type": "application/json; charset=utf-8"})
            assert ok.status_code == 200
            await api.wait_for(lambda: api.count(ALICE) >= 1)
            assert "Bonjour 👋" in api.texts(ALICE)[0]
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await store.close()


async def test_reply_kept_through_an_outage_and_sent_at_restart(api, tmp_path, clock, caplog):
    """Telegram down longer than the retries last: the answer is sent when the bot comes back."""
    bot = Running(api, tmp_path / "outage.sqlite3", clock)
    async with bot.run():
        await say(api, tg.message(ALICE, "impots"), ALICE)
        api.faults["sendMessage"] = [500] * 40  # every retry, and the error message, fail
        api.faults["sendVenue"] = [500] * 40
        await api.push(tg.callback(ALICE, "q:moulin"))
        # The answer is tried until the retries give up, then left in the outbox.
        await api.wait_for(lambda: any("Permanence du jeudi" in p.get("text", "") for _, p in api.failed)
                           and len(api.faults["sendMessage"]) <= 35)
    assert any("Permanence du jeudi" in p.get("text", "") for _, p in api.failed)
    assert not any("Permanence du jeudi" in t for t in api.texts(ALICE))
    api.faults.clear()
    clock.advance(seconds=90)  # past the outbox's backoff (and its lease, had the bot died sending)
    async with bot.run() as channel:  # the restart sends what was saved but never delivered
        await api.wait_for(lambda: any("Permanence du jeudi" in t for t in api.texts(ALICE))
                           and bool(api.sent(ALICE, "sendVenue")))
        await settled(channel.runtime, "telegram")
    async with bot.run() as channel:
        assert await channel.runtime.store.pending_outbox("telegram") == []  # sent once, then forgotten


async def test_emergency_numbers_first_and_as_contacts(api, bot):
    async with bot.run():
        await say(api, tg.message(ALICE, "mon mari me frappe"), ALICE, method="sendContact", messages=3)
        first = api.sent(ALICE, "sendMessage")[0][1]["text"]
        assert first.startswith("🚨") and "3919" in first
        cards = [p["phone_number"] for _, p in api.sent(ALICE, "sendContact")]
        assert cards == ["17", "114", "3919"]
        methods = [m for m, p in api.requests if str(p.get("chat_id")) == str(ALICE)]
        assert methods[:4] == ["sendMessage", "sendContact", "sendContact", "sendContact"]


async def test_need_and_place_in_one_message_and_follow_ups(api, tmp_path, clock):
    from tests.fixtures import write_territory
    bot = Running(api, tmp_path / "t.sqlite3", clock, directory=write_territory(tmp_path))
    async with bot.run():
        await say(api, tg.message(ALICE, "caf tilleuls"), ALICE, method="sendVenue")
        card = api.texts(ALICE)[-1]
        assert card.startswith("📍 Maison des services des Tilleuls") and "Pour : CAF" in card
        assert "(dans votre quartier)" in card
        texts = await say(api, tg.message(ALICE, "et à quelle heure ça ouvre ?"), ALICE)
        assert "Prochaines ouvertures" in texts[0]
        await say(api, tg.message(ALICE, "c'est où ?"), ALICE, method="sendVenue")
        assert api.sent(ALICE, "sendVenue")[-1][1]["title"] == "Maison des services des Tilleuls"
        texts = await say(api, tg.message(ALICE, "👍"), ALICE)
        assert texts[0].startswith("Très bien")


async def test_hand_over_acknowledged_on_telegram(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path),
                  mediators_chat_id=group)
    clock.set("2026-11-29T20:00")  # Sunday evening
    async with bot.run():
        texts = await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        assert "ils reviennent mardi à 13h" in texts[1]
        await api.wait_for(lambda: api.count(group) >= 1)  # the request, posted for the mediators
        posted = api.count(group)
        texts = await say(api, tg.message(ALICE, "c'est urgent pour ma retraite"), ALICE)
        assert texts[0].startswith("Transmis ✅")
        await api.wait_for(lambda: api.count(group) > posted)  # the group's posts have their own queue
        assert api.texts(group)[-1] == "💬 c'est urgent pour ma retraite"
        keyboard = api.sent(ALICE, "sendMessage")[-1][1]["reply_markup"]["inline_keyboard"]
        assert keyboard[0][0]["callback_data"] == "h:end"
        texts = await say(api, tg.callback(ALICE, "h:end"), ALICE)
        assert "de nouveau là" in texts[0]


async def test_a_post_for_the_mediators_outlives_a_restart_and_routes_their_answer(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    directory = write_territory(tmp_path)
    api.down_chats.add(group)  # the group cannot be reached: the post waits in the outbox
    clock.set("2026-11-29T20:00")
    async with Running(api, tmp_path / "h.sqlite3", clock, directory=directory, mediators_chat_id=group).run():
        await api.push(tg.message(ALICE, "je veux parler à quelqu'un"))
        await api.wait_for(lambda: any("transmis votre demande" in t for t in api.texts(ALICE)))
        await api.wait_for(lambda: any(str(p.get("chat_id")) == str(group) for _, p in api.failed))
        texts = await say(api, tg.message(1003, "caf"), 1003)  # nobody else waits for the group
        assert "Où êtes-vous" in texts[0]
    assert not api.texts(group)
    api.down_chats.clear()
    clock.set("2026-11-29T21:00")  # an hour later, another start: the post still matters to them
    async with Running(api, tmp_path / "h.sqlite3", clock, directory=directory, mediators_chat_id=group).run():
        await api.wait_for(lambda: any("Nouvelle demande d'aide" in t for t in api.texts(group)))
        post = api.last_message(group)
        await api.push(tg.message(BOB, "Bonjour, je vous appelle demain", chat=group, kind="supergroup",
                                  reply_to=post))
        await api.wait_for(lambda: any("je vous appelle demain" in t for t in api.texts(ALICE)))


async def test_erasing_also_erases_what_waits_for_the_mediators(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    directory = write_territory(tmp_path)
    api.down_chats.add(group)
    clock.set("2026-11-29T20:00")
    async with Running(api, tmp_path / "h.sqlite3", clock, directory=directory, mediators_chat_id=group).run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un, ma retraite"), ALICE, messages=2)
        await api.push(tg.message(ALICE, "/oubli"))
        await api.wait_for(lambda: any("Voulez-vous que j'efface" in t for t in api.texts(ALICE)))
        await api.push(tg.callback(ALICE, "e:yes"))
        await api.wait_for(lambda: any("effacé" in t for t in api.texts(ALICE)))
    api.down_chats.clear()
    clock.set("2026-11-29T21:00")
    async with Running(api, tmp_path / "h.sqlite3", clock, directory=directory, mediators_chat_id=group).run():
        await say(api, tg.message(1003, "je veux parler à quelqu'un"), 1003, messages=2)
        await api.wait_for(lambda: any("Nouvelle demande d'aide" in t for t in api.texts(group)))
    assert not any("retraite" in t for t in api.texts(group))  # Alice's older post was erased, not sent


async def test_arabic_conversation_and_menus_in_each_language(api, bot):
    async with bot.run():
        texts = await say(api, tg.message(ALICE, "ابحث عن عمل"), ALICE, messages=2)
        assert texts[0] == "🌐 سأجيبك بالعربية."  # sent as is: Telegram lays Arabic out right to left
        assert "أين أنت؟" in texts[1]
        ask = api.sent(ALICE, "sendMessage")[-1][1]
        keys = [b["text"] for row in ask["reply_markup"]["keyboard"] for b in row]
        assert "📍 إرسال موقعي" in keys and "Les Tilleuls" in keys
        await say(api, tg.message(ALICE, "Les Tilleuls"), ALICE, method="sendVenue")
        assert "من أجل: العمل" in "\n".join(api.texts(ALICE))
        menus = {p.get("language_code"): {c["command"]: c["description"] for c in p["commands"]}
                 for m, p in api.requests if m == "setMyCommands"}
        assert menus[None]["langue"] == "Changer de langue"
        assert menus["en"]["langue"] == "Change language" and menus["ar"]["langue"] == "تغيير اللغة"


def test_instances_share_telegrams_overall_rate():
    from telegram.ext import AIORateLimiter

    from bot.channels.telegram.channel import share_rate
    limiter = AIORateLimiter(overall_max_rate=30, max_retries=3)
    share_rate(limiter, 30, 3)
    assert limiter._base_limiter.max_rate == pytest.approx(10)  # type: ignore[union-attr]
    share_rate(limiter, 30, 1)  # the others are gone: the whole rate again
    assert limiter._base_limiter.max_rate == pytest.approx(30)  # type: ignore[union-attr]
