"""The WhatsApp channel end to end: Meta's webhook in, the Cloud API stand-in out (loopback)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from bot.channels.serve import running
from bot.channels.whatsapp import GraphClient, WhatsAppChannel, messages_for
from bot.channels.whatsapp.channel import REMINDER_TEMPLATE, load_templates
from bot.conversation import texts
from bot.conversation.events import Button, Contact, Pin, Reply
from bot.conversation.i18n import translator
from bot.runtime import KnowledgeSource, Runtime
from bot.settings import Settings
from bot.storage.store import Store
from tests.channels import fakewhatsapp as wa
from tests.conftest import DIRECTORY, INTENTS, Clock, RecordingMediators, settled

FATIMA = "33612345678"


def settings_for(cloud: wa.FakeCloudAPI, **extra) -> Settings:
    return Settings(whatsapp_token=wa.TOKEN, whatsapp_phone_number_id=wa.PHONE_ID,
                    whatsapp_app_secret=wa.APP_SECRET, whatsapp_verify_token=wa.VERIFY_TOKEN,
                    whatsapp_api_url=cloud.base_url, **extra)


@pytest.fixture
async def cloud(clock) -> AsyncIterator[wa.FakeCloudAPI]:
    api = wa.FakeCloudAPI(clock)
    await api.start()
    yield api
    await api.stop()


async def no_wait(_: float) -> None:
    return None


class Phone:
    """The channel as deployed (its webhook app), and a resident writing to it."""

    def __init__(self, cloud: wa.FakeCloudAPI, db: Path, clock: Clock, mediators=None) -> None:
        self.cloud, self.db, self.clock, self.mediators = cloud, db, clock, mediators
        self.channel: WhatsAppChannel | None = None
        self.http: httpx.AsyncClient | None = None

    @contextlib.asynccontextmanager
    async def run(self) -> AsyncIterator[Phone]:
        """As `python -m bot whatsapp` runs it: the webhook into the inbox, the queues' loops."""
        store = await Store.open(self.db)
        await store.release_leases()  # as the bot does at start on SQLite
        runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"secret", self.clock, self.mediators)
        settings = settings_for(self.cloud)
        client = GraphClient(settings.whatsapp_api_url, wa.PHONE_ID, wa.TOKEN, sleep=no_wait)
        try:
            async with running(settings, runtime, telegram=False, whatsapp=True, whatsapp_client=client) as svc:
                self.channel = svc.whatsapp
                app = Starlette(routes=svc.routes)
                async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
                    self.http = http
                    yield self
        finally:
            await store.close()

    async def settled(self) -> None:
        """Wait until what was received is handled and answered (or refused for good)."""
        assert self.channel is not None
        await settled(self.channel.runtime, "whatsapp")

    async def post(self, *messages: dict, **kw) -> httpx.Response:
        for m in messages:
            self.cloud.last_inbound[m["from"]] = self.clock()  # what opens the 24-hour window
        body, headers = wa.signed(wa.envelope(*messages, **kw))
        assert self.http is not None
        return await self.http.post("/whatsapp", content=body, headers=headers)

    async def say(self, message: dict) -> list[dict]:
        """Send one message as the resident; the messages the bot answered with."""
        before = len(self.cloud.to(message["from"]))
        response = await self.post(message)
        assert response.status_code == 200, response.text
        await self.settled()
        return self.cloud.to(message["from"])[before:]


@pytest.fixture
def phone(cloud, tmp_path, clock) -> Phone:
    return Phone(cloud, tmp_path / "wa.sqlite3", clock)


def last_choices(messages: list[dict], having: str | None = None) -> dict:
    """The last message with buttons or a list (with the choice `having`, if given)."""
    return next(m for m in reversed(messages) if m["type"] == "interactive"
                and m["interactive"]["type"] in ("button", "list")
                and (having is None or having in [i for _, i in wa.FakeCloudAPI.choices(m)]))


async def test_bonjour_need_location_place_card_and_buttons(phone, cloud):
    async with phone.run():
        out = await phone.say(wa.text(FATIMA, "bonjour"))
        greeting = last_choices(out)
        assert "Bonjour 👋" in greeting["interactive"]["body"]["text"]
        assert greeting["interactive"]["type"] == "list"  # 7 choices: more than 3 buttons
        assert ("CAF, allocations", "n:caf") in cloud.choices(greeting)
        out = await phone.say(wa.chose(FATIMA, greeting, "n:caf"))
        assert out[0]["interactive"]["type"] == "location_request_message"
        assert "Où êtes-vous" in out[0]["interactive"]["body"]["text"]
        assert "Les Tilleuls" in [t for t, _ in cloud.choices(out[1])]  # or a quartier from a list
        out = await phone.say(wa.location(FATIMA, 45.0045, 1.0028))
        card = last_choices(out)
        text = card["interactive"]["body"]["text"]
        assert "📍 Maison des services des Tilleuls" in text and "Ouvert maintenant" in text
        assert out[-1]["type"] == "location" and out[-1]["location"]["name"] == "Maison des services des Tilleuls"
        await phone.say(wa.chose(FATIMA, card, "🗺 Itinéraire"))
        assert "openstreetmap.org" in cloud.texts(FATIMA)[-1]
    assert cloud.refused == []  # no message broke a limit
    assert cloud.read  # incoming messages marked read


async def test_bad_or_missing_signature_gets_no_answer(phone, cloud):
    async with phone.run():
        body, headers = wa.signed(wa.envelope(wa.text(FATIMA, "bonjour")), secret="not-the-app-secret")
        assert (await phone.http.post("/whatsapp", content=body, headers=headers)).status_code == 403
        assert (await phone.http.post("/whatsapp", content=body)).status_code == 401
        assert (await phone.http.post("/whatsapp", content=b"x" * (2 * 1024 * 1024),
                                      headers=headers)).status_code == 413
        good_body, good = wa.signed({"object": "whatsapp_business_account"})
        assert (await phone.http.post("/whatsapp", content=b"{" + good_body, headers=good)).status_code == 403
    assert cloud.sent == []


async def test_verification_handshake(phone):
    async with phone.run():
        ok = await phone.http.get("/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": wa.VERIFY_TOKEN,
                                                       "hub.challenge": "1158201444"})
        assert ok.status_code == 200 and ok.text == "1158201444"
        wrong = await phone.http.get("/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "guess",
                                                          "hub.challenge": "1"})
        assert wrong.status_code == 403


async def test_a_message_delivered_twice_is_answered_once_even_after_a_restart(phone, cloud):
    message = wa.text(FATIMA, "bonjour", wamid="wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUE=")
    async with phone.run():
        assert len(await phone.say(message)) == 1
        assert await phone.say(message) == []
    async with phone.run():  # the bot restarted; Meta delivers the same message again
        assert await phone.say(message) == []


async def test_voice_note_sticker_and_statuses(phone, cloud):
    async with phone.run():
        out = await phone.say(wa.voice(FATIMA))
        assert out and "Je ne lis que les messages écrits" in " ".join(cloud.texts(FATIMA))
        assert await phone.say(wa.sticker(FATIMA))
        before = len(cloud.sent)
        response = await phone.post(statuses=[wa.status(FATIMA)])
        assert response.status_code == 200 and len(cloud.sent) == before
    assert cloud.refused == []


async def test_emergency_numbers_first_and_as_contact_cards(phone, cloud):
    async with phone.run():
        out = await phone.say(wa.text(FATIMA, "mon mari me frappe"))
        assert out[0]["type"] in ("text", "interactive")
        assert "17" in cloud.texts(FATIMA)[0]
        assert out[1]["type"] == "contacts"
        assert {p["phone"] for c in out[1]["contacts"] for p in c["phones"]} >= {"17"}
    assert cloud.refused == []


async def test_arabic_on_whatsapp(phone, cloud):
    async with phone.run():
        out = await phone.say(wa.text(FATIMA, "ابحث عن عمل"))
        assert cloud.texts(FATIMA)[0] == "🌐 سأجيبك بالعربية."
        lists = [m for m in out if m["type"] == "interactive" and m["interactive"]["type"] == "list"]
        assert all(m["interactive"]["action"]["button"] == "اختر" for m in lists)
    assert cloud.refused == []


async def test_reminder_the_day_before_goes_as_the_approved_template(phone, cloud, clock):
    async with phone.run() as p:
        await p.say(wa.text(FATIMA, "retraite"))
        out = await p.say(wa.text(FATIMA, "le moulin"))  # the permanence opens on Thursday
        card = last_choices(out, "a:remind")
        out = await p.say(wa.chose(FATIMA, card, "a:remind"))
        out = await p.say(wa.chose(FATIMA, last_choices(out), "r:eve"))
        assert "je vous écrirai" in cloud.texts(FATIMA)[-1]
        clock.set("2026-12-02T18:00")  # Wednesday evening: 32 hours after her last message
        sent = await p.channel.runtime.deliver_reminders("whatsapp", p.channel.send_reminder)
        assert sent == 1
        template = cloud.to(FATIMA)[-1]
        assert template["type"] == "template"
        assert template["template"]["name"] == "rappel_ouverture"
        assert template["template"]["language"]["code"] == "fr"
        values = [x["text"] for x in template["template"]["components"][0]["parameters"]]
        assert values[0] == "Permanence du jeudi" and "jeudi 3 décembre" in values[1]
    assert cloud.refused == []


async def test_a_refused_template_marks_the_reminder_undeliverable(phone, cloud, clock, caplog):
    cloud.approved = set()  # the admin has not had the template approved yet
    async with phone.run() as p:
        await p.say(wa.text(FATIMA, "retraite"))
        out = await p.say(wa.text(FATIMA, "le moulin"))
        out = await p.say(wa.chose(FATIMA, last_choices(out, "a:remind"), "a:remind"))
        await p.say(wa.chose(FATIMA, last_choices(out), "r:eve"))
        clock.set("2026-12-02T18:00")
        with caplog.at_level(logging.WARNING):
            assert await p.channel.runtime.deliver_reminders("whatsapp", p.channel.send_reminder) == 0
        assert "undeliverable" in caplog.text and "132001" in caplog.text
        assert await p.channel.runtime.store.pending_reminders("whatsapp") == []  # not retried forever


async def test_no_phone_number_or_name_in_the_database(cloud, tmp_path, clock):
    phone = Phone(cloud, tmp_path / "private.sqlite3", clock, mediators=RecordingMediators())
    async with phone.run() as p:
        await p.say(wa.text(FATIMA, "retraite"))
        out = await p.say(wa.text(FATIMA, "le moulin"))
        out = await p.say(wa.chose(FATIMA, last_choices(out, "a:remind"), "a:remind"))
        await p.say(wa.chose(FATIMA, last_choices(out), "r:eve"))  # a reminder: an address kept
        await p.say(wa.text(FATIMA, "je veux parler à quelqu'un"))  # a hand-over: an address kept
        store = p.channel.runtime.store
        await store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.name.startswith("private.sqlite3"))
    assert FATIMA.encode() not in raw and b"Fatima" not in raw


async def test_mediator_answer_reaches_a_whatsapp_resident_within_24_hours(cloud, tmp_path, clock):
    mediators = RecordingMediators()
    phone = Phone(cloud, tmp_path / "m.sqlite3", clock, mediators=mediators)
    async with phone.run() as p:
        await p.say(wa.text(FATIMA, "je veux parler à quelqu'un"))
        assert "(whatsapp)" in mediators.sent[0] and FATIMA not in mediators.sent[0]  # channel, not number
        runtime = p.channel.runtime
        delivery = await runtime.mediator_reply("m1", "Bonjour, je vous appelle demain")
        await runtime.deliver(delivery)
        assert "💬 Médiateur : Bonjour, je vous appelle demain" in cloud.texts(FATIMA)[-1]
        clock.set("2026-12-03T12:00")  # two days later: WhatsApp refuses free-form messages
        from bot.runtime import Undeliverable
        with pytest.raises(Undeliverable):
            await runtime.deliver(await runtime.mediator_reply("m1", "Vous êtes là ?"))
    assert [code for code, _ in cloud.refused] == [131047]


async def test_a_reply_kept_through_an_outage_is_sent_at_restart(phone, cloud, clock):
    async with phone.run() as p:
        cloud.faults = [500] * 6  # the read receipt and the reply fail, retries included
        response = await p.post(wa.text(FATIMA, "bonjour"))
        assert response.status_code == 200  # stored: Meta will not send it again, and need not
        await until(lambda: not cloud.faults)
        assert cloud.to(FATIMA) == []
        assert len(await p.channel.runtime.store.pending_outbox("whatsapp")) == 1
    clock.advance(seconds=30)  # past the outbox's backoff
    async with phone.run() as p:
        await p.settled()
        assert "Bonjour 👋" in cloud.texts(FATIMA)[0]


async def until(condition, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.005)


@pytest.mark.parametrize("reply", [
    Reply("x" * 5000),
    Reply("y" * 2000, tuple(Button(f"Choix numéro {i} un peu long", f"c:{i}") for i in range(15))),
    Reply("Où êtes-vous ?", tuple(Button(f"Quartier {i}", f"q:{i}") for i in range(7)),
          ask_location="📍 Envoyer ma position"),
    Reply("z" * 1500, (Button("Oui", "e:yes"), Button("Non", "e:no"))),
    Reply("🚨", contacts=(Contact("Police secours 17", "17"),), pin=Pin("Lieu", "1 rue", 45.0, 1.0)),
], ids=["long text", "fifteen long choices", "location request and quartiers", "long body", "contacts and pin"])
def test_every_reply_fits_whatsapp_limits(reply):
    messages = messages_for(reply)
    assert messages
    for m in messages:
        assert wa.violations(m) == [], m
    titles = [t for m in messages for t, _ in wa.FakeCloudAPI.choices(m)]
    assert len(titles) == len(reply.buttons)  # no choice lost


async def test_serve_runs_whatsapp_beside_telegram(cloud, tmp_path, clock, unused_tcp_port):
    """`python -m bot serve`: one process, one port, both channels."""
    from bot.channels.serve import serve
    from tests.channels import fakebotapi as tg
    bot_api = tg.FakeBotAPI()
    await bot_api.start()
    store = await Store.open(tmp_path / "both.sqlite3")
    runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s", clock)
    settings = settings_for(cloud, token=tg.TOKEN, base_url=f"http://127.0.0.1:{bot_api.port}/bot",
                            port=unused_tcp_port)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, runtime, telegram=True, whatsapp=True, stop=stop))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{unused_tcp_port}") as client:
            for _ in range(200):  # the server may take a moment to listen
                try:
                    if (await client.get("/healthcheck")).text == "ok":
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.05)
            cloud.last_inbound[FATIMA] = clock()
            body, headers = wa.signed(wa.envelope(wa.text(FATIMA, "bonjour")))
            assert (await client.post("/whatsapp", content=body, headers=headers)).status_code == 200
            await settled(runtime, "whatsapp")
            assert "Bonjour 👋" in cloud.texts(FATIMA)[0]
        await bot_api.push(tg.message(1001, "bonjour"))
        await bot_api.wait_for(lambda: bot_api.count(1001) >= 1)  # Telegram polls in the same process
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await store.close()
        await bot_api.stop()


def test_missing_settings_are_named_at_start(tmp_path):
    from tests.conftest import run_bot
    result = run_bot("whatsapp", env={"WHATSAPP_TOKEN": "t", "BOT_DATABASE": str(tmp_path / "x.sqlite3")})
    assert result.returncode == 1
    assert "WHATSAPP_PHONE_NUMBER_ID" in result.stderr and "WHATSAPP_APP_SECRET" in result.stderr
    assert "WHATSAPP_TOKEN" not in result.stderr.split("manquant")[0].split(":")[-1]  # the one given is not


async def test_a_mediators_whatsapp_link_starts_the_conversation(phone, cloud):
    from urllib.parse import parse_qs, urlparse

    from tests.conftest import run_bot
    result = run_bot("link", "--source", "maison-services", "--quartier", "tilleuls", "--need", "caf",
                     "--whatsapp", "+33 1 00 00 00 00")
    assert result.returncode == 0, result.stderr
    link = urlparse(result.stdout.strip())
    assert link.netloc == "wa.me" and link.path == "/33100000000"
    first_message = parse_qs(link.query)["text"][0]  # what WhatsApp writes for the resident
    async with phone.run():
        await phone.say(wa.text(FATIMA, first_message))
        assert "Maison des services des Tilleuls" in " ".join(cloud.texts(FATIMA))


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_each_templates_example_is_what_the_bot_sends(lang):
    # Meta reviews a template by its example: one that does not look like the real messages
    # (« 9h » in English, Morocco's « دجنبر ») is a reason to refuse or to query it.
    _ = translator(lang)
    start, end = dt.datetime(2026, 12, 1, 9), dt.datetime(2026, 12, 1, 12)
    when = _("{day} de {start} à {end}", day=texts.date_phrase(start.date(), _),
             start=_.clock(start), end=_.clock(end))
    template = load_templates()[(REMINDER_TEMPLATE, lang)]
    assert template["components"][0]["example"]["body_text"][0][1] == when
