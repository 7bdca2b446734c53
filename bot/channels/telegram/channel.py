"""The Telegram adapter: updates in as the core's events, replies out as messages and pins.

Updates are stored in the inbox before Telegram is told they arrived (the next long poll's
offset, or the webhook's 200); the runtime hands them back here (`handle`), each resident's in
order, on whichever instance claims them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from typing import Any

from telegram import BotCommand, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut
from telegram.ext import AIORateLimiter, ExtBot

from bot.channels.telegram.render import keyboard, location_keyboard, render_chunks, render_text
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.retries import with_retries
from bot.conversation.events import TECHNICAL_ERROR, Incoming, Reply, replies_to_json
from bot.conversation.i18n import DEFAULT, LANGUAGES, Translator, translator
from bot.runtime import Relay, Runtime, Undeliverable
from bot.settings import Settings, hide
from bot.storage.store import Inbound, Reminder

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
MEDIATORS = "mediators"  # the outbox queue of posts to the mediators' group


def commands(_: Translator) -> list[BotCommand]:
    """The commands menu, in one language (Telegram shows each user the one of their app)."""
    return [
        BotCommand("start", _("Commencer")),
        BotCommand("aide", _("Comment ça marche")),
        BotCommand("bus", _("Où est le bus France services")),
        BotCommand("rappels", _("Mes rappels")),
        BotCommand("langue", _("Changer de langue")),
        BotCommand("oubli", _("Effacer mes données")),
    ]


def app_language(update: object) -> Translator:
    """For the rare texts sent before a conversation is read: the language of the person's app."""
    user = update.effective_user if isinstance(update, Update) else None
    code = (user.language_code or "")[:2] if user is not None else ""
    return translator(code if code in LANGUAGES else DEFAULT)

# Mediators' group: they read French.
MEDIATOR_ENDED = "✅ Échange terminé."
MEDIATOR_GONE = "Cette personne n'est plus en ligne avec un médiateur (échange terminé)."
MEDIATOR_UNREACHABLE = ("Ce message n'a pas pu être remis à la personne (elle a bloqué le bot, ou "
                        "WhatsApp n'autorise plus de lui écrire : plus de 24 h sans message de sa part).")
MEDIATOR_RETRY = "Ce message n'a pas pu être envoyé pour l'instant (problème de réseau) : réessayez dans un moment."
MEDIA_KINDS = ("voice", "audio", "sticker", "photo", "video", "video_note", "animation",
               "document", "contact", "poll", "dice", "game", "venue", "story")


POLL_TIMEOUT = 25  # seconds Telegram holds a long poll open
CONNECTIONS = 16


def user_of(update: dict[str, Any]) -> str:
    """Whose update it is, to keep each person's updates in order (0 for none)."""
    for key in ("message", "edited_message", "callback_query", "my_chat_member", "chat_member", "channel_post"):
        part = update.get(key)
        if isinstance(part, dict):
            who = part.get("from") or part.get("chat") or {}
            return str(who.get("id", 0))
    return "0"


def share_rate(limiter: AIORateLimiter, total: float, instances: int) -> None:
    """Each of `instances` bots sharing one token gets its part of Telegram's overall rate.
    (AIORateLimiter has no public setter; its overall limiter is an aiolimiter AsyncLimiter.)"""
    base = getattr(limiter, "_base_limiter", None)
    if base is not None:
        base.max_rate = total / max(1, instances)
        base._rate_per_sec = base.max_rate / base.time_period


class TelegramChannel:
    def __init__(self, runtime: Runtime, settings: Settings) -> None:
        if not settings.token:
            from bot.errors import ConfigError
            raise ConfigError("TELEGRAM_BOT_TOKEN n'est pas défini : donnez le jeton du bot (BotFather)")
        hide(settings.token, settings.webhook_secret)
        self.runtime = runtime
        self.settings = settings
        base = settings.base_url
        self.limiter = AIORateLimiter(overall_max_rate=settings.max_rate, max_retries=3)
        self.bot = ExtBot(settings.token, base_url=base,
                          base_file_url=base.rstrip("/").removesuffix("/bot") + "/file/bot",
                          request=AiohttpRequest(CONNECTIONS),
                          get_updates_request=AiohttpRequest(1, read_timeout=POLL_TIMEOUT + 10),
                          rate_limiter=self.limiter)
        self.username: str | None = None
        runtime.outlets[CHANNEL] = self.send_to

    # -- wiring ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Bot name and commands menu (each language's)."""
        await self.bot.initialize()
        self.username = self.bot.username
        with contextlib.suppress(NetworkError):
            await with_retries(lambda: self.bot.set_my_commands(commands(translator(DEFAULT))))
            for lang in LANGUAGES:
                if lang != DEFAULT:
                    await with_retries(functools.partial(self.bot.set_my_commands, commands(translator(lang)),
                                                         language_code=lang))

    async def stop(self) -> None:
        await self.bot.shutdown()

    async def use_webhook(self, url: str, secret: str | None) -> None:
        await with_retries(lambda: self.bot.set_webhook(url, secret_token=secret, allowed_updates=Update.ALL_TYPES))

    async def use_polling(self) -> None:
        # getUpdates is refused while a webhook is set; what Telegram holds is kept.
        await with_retries(lambda: self.bot.delete_webhook(drop_pending_updates=False))

    async def send_to(self, address: str, reply: Reply) -> None:
        """The runtime's way to reach a Telegram resident (a mediator's answer)."""
        await self.send_replies(address, [reply])

    # -- receiving: stored in the inbox before Telegram is told -----------------------------

    def readable(self, data: object) -> bool:
        """An update the adapter can handle: an object with an integer id that the library parses."""
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            return False
        try:
            Update.de_json(data, self.bot)
        except Exception:  # noqa: BLE001 (whatever the library raises on a malformed part)
            return False
        return True

    async def receive(self, updates: list[dict[str, Any]]) -> int:
        return await self.runtime.queues.receive(
            CHANNEL, [(str(u.get("update_id")), user_of(u), u) for u in updates if "update_id" in u])

    async def poll(self) -> None:
        """Long polling; an update's offset is confirmed (by the next call) only once it is stored.
        Updates stay JSON until handled: they are stored as such."""
        offset: int | None = None
        delay = 1.0
        while True:
            try:
                updates = await self.bot._post("getUpdates", {
                    "offset": offset, "timeout": POLL_TIMEOUT, "allowed_updates": Update.ALL_TYPES},
                    read_timeout=POLL_TIMEOUT + 10)
                delay = 1.0
            except asyncio.CancelledError:
                raise
            except (NetworkError, TimedOut) as e:
                logger.warning("polling failed (%s): again in %.0f s", type(e).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)
                continue
            if updates:
                await self.receive(updates)
                offset = int(updates[-1]["update_id"]) + 1

    # -- handling, from the inbox ------------------------------------------------------------

    async def handle(self, payload: dict[str, Any], inbound: Inbound) -> bool:
        update = Update.de_json(payload, self.bot)
        return await self.on_update(update, inbound.id)

    async def give_up(self, payload: dict[str, Any]) -> None:
        update = Update.de_json(payload, self.bot)
        if update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE:
            _ = app_language(update)
            await self.send(update.effective_chat.id, Reply(_(TECHNICAL_ERROR), lang=_.lang))

    # -- sending ---------------------------------------------------------------------------

    async def send_replies(self, address: str, replies: list[Reply]) -> None:
        """Send to a resident; Undeliverable when Telegram refuses for good (blocked, no such chat)."""
        try:
            await self.send_all(int(address), replies)
        except (Forbidden, BadRequest) as e:
            raise Undeliverable(f"{type(e).__name__}: {e.message}") from None

    async def call(self, method: str, **params: Any) -> Any:
        """One Bot API call (retried, rate limited), its answer left as JSON: the library's own
        methods build a Message object from every answer, which costs more than the rest of the
        send and which nothing here reads."""
        data = {k: v for k, v in params.items() if v is not None}
        return await with_retries(lambda: self.bot._post(method, data))

    async def send(self, chat_id: int | str, reply: Reply) -> dict[str, Any] | None:
        """Send one reply (its text in pieces Telegram accepts, contact cards, a pin); returns
        the first message as Telegram answered it."""
        first: dict[str, Any] | None = None
        if reply.ask_location:
            # One keyboard per message: the location button and the choices go together in a
            # reply keyboard; a choice sends its label, which the conversation understands.
            first = await self.call("sendMessage", chat_id=chat_id, text=render_text(reply),
                                    parse_mode=ParseMode.HTML, reply_markup=location_keyboard(reply))
        else:
            chunks = render_chunks(reply.text)
            for i, chunk in enumerate(chunks):
                last = i == len(chunks) - 1
                sent = await self.call("sendMessage", chat_id=chat_id, text=chunk, parse_mode=ParseMode.HTML,
                                       reply_markup=keyboard(reply) if last else None,
                                       link_preview_options={"is_disabled": True})
                first = first or sent
        for contact in reply.contacts:  # a card the phone calls with one tap
            await self.call("sendContact", chat_id=chat_id, phone_number=contact.phone, first_name=contact.name[:64])
        if reply.pin is not None:
            pin = reply.pin
            await self.call("sendVenue", chat_id=chat_id, latitude=pin.latitude, longitude=pin.longitude,
                            title=pin.name[:256], address=(pin.address or pin.name)[:256])
        return first

    async def send_all(self, chat_id: int | str, replies: list[Reply]) -> None:
        for r in replies:
            await self.send(chat_id, r)

    # -- updates ---------------------------------------------------------------------------

    async def on_update(self, update: Update, inbox_id: int | None = None) -> bool:
        """Translate one update, let the runtime answer, send the replies. True if the runtime
        recorded the inbox row as answered (with the turn)."""
        if update.callback_query is not None:
            query = update.callback_query
            with contextlib.suppress(NetworkError):
                await with_retries(query.answer)
            if query.message is None or query.from_user is None:
                return False
            chat = query.message.chat
            if chat.type != ChatType.PRIVATE or chat.id != query.from_user.id:
                return False  # a private chat is its sender's: anything else is forged
            inc = Incoming(CHANNEL, str(query.from_user.id), button=query.data or "")
            return await self.answer(chat.id, inc, inbox_id)
        msg = update.message
        if msg is None or msg.from_user is None:
            # Channel posts, polls, member updates: nothing for a resident. Nor an edit: the
            # message was answered as first sent, a second answer would only confuse.
            return False
        if msg.chat.type != ChatType.PRIVATE:
            await self.on_group_message(msg, app_language(update))
            return False
        if msg.chat.id != msg.from_user.id:
            return False  # a private chat is its sender's: anything else is forged
        if self.is_admin_stats(msg):
            from bot.admin.stats import stats_text
            from bot.places.hours import local
            today = local(self.runtime.clock()).date()
            await self.send(msg.chat.id, Reply(await stats_text(self.runtime.store, today)))
            return False
        return await self.answer(msg.chat.id, self.incoming(msg), inbox_id)

    def is_admin_stats(self, msg: Message) -> bool:
        # For anyone else /stats is an ordinary unknown message: the command is not revealed.
        command = (msg.text or "").split(" ", 1)[0].split("@", 1)[0].lower()
        return command == "/stats" and msg.from_user is not None \
            and msg.from_user.id in self.settings.admin_ids

    def incoming(self, msg: Message) -> Incoming:
        user = str(msg.from_user.id) if msg.from_user else str(msg.chat.id)
        if msg.location is not None:
            return Incoming(CHANNEL, user, location=(msg.location.latitude, msg.location.longitude))
        if msg.text is not None:
            text = msg.text
            command, _, rest = text.partition(" ")
            command = command.split("@", 1)[0]
            if command.lower() == "/start":
                return Incoming(CHANNEL, user, start=rest.strip())
            if text.startswith("/"):
                return Incoming(CHANNEL, user, text=command + (" " + rest if rest else ""))
            return Incoming(CHANNEL, user, text=text)
        kind = next((k for k in MEDIA_KINDS if getattr(msg, k, None)), "other")
        return Incoming(CHANNEL, user, media=kind)

    async def answer(self, chat_id: int, inc: Incoming, inbox_id: int | None = None) -> bool:
        await self.runtime.answer(inc, str(chat_id), self.send_replies, inbox_id)
        return inbox_id is not None

    async def on_group_message(self, msg: Message, _: Translator) -> None:
        mediators = self.settings.mediators_chat_id
        if mediators is not None and msg.chat.id == mediators:
            await self.on_mediator_message(msg)
            return
        if self.addressed(msg):
            link = f"https://t.me/{self.username}" if self.username else _("en message privé")
            await self.send(msg.chat.id, Reply(_("Bonjour 👋 Je réponds seulement en message privé, pour protéger "
                                                 "vos informations. Écrivez-moi directement : {link}", link=link)))

    def addressed(self, msg: Message) -> bool:
        text = msg.text or ""
        name = f"@{self.username}".lower() if self.username else None
        if name and name in text.lower():
            return True
        reply_to = msg.reply_to_message
        return bool(reply_to and reply_to.from_user and reply_to.from_user.is_bot
                    and reply_to.from_user.username == self.username)

    async def on_mediator_message(self, msg: Message) -> None:
        """A mediator's reply to a forwarded request goes back to the resident."""
        reply_to = msg.reply_to_message
        if reply_to is None or not msg.text or msg.from_user is None or msg.from_user.is_bot:
            return  # a person of the group, answering one of the bot's own posts
        if reply_to.from_user is None or reply_to.from_user.username != self.username:
            return
        if msg.text.strip().split("@")[0].lower() == "/fin":
            ended = await self.runtime.mediator_end(str(reply_to.message_id))
            if ended is not None:
                with contextlib.suppress(Undeliverable):
                    await self.runtime.deliver(ended)
                await self.send(msg.chat.id, Reply(MEDIATOR_ENDED))
            return
        delivery = await self.runtime.mediator_reply(str(reply_to.message_id), msg.text)
        if delivery is None:
            await self.send(msg.chat.id, Reply(MEDIATOR_GONE))
            return
        try:
            await self.runtime.deliver(delivery)
        except Undeliverable as e:
            logger.info("a mediator's answer could not be delivered: %s", e)
            await self.send(msg.chat.id, Reply(MEDIATOR_UNREACHABLE))
        except (NetworkError, TimedOut):
            logger.warning("a mediator's answer could not be sent (network)")
            await self.send(msg.chat.id, Reply(MEDIATOR_RETRY))

    # -- mediators and reminders -----------------------------------------------------------

    async def forward(self, text: str, relay: Relay | None = None) -> None:
        """Post to the mediators' group (the runtime's Mediators port) through the outbox, as its
        own queue: kept across a crash (the resident was told « Transmis ✅ »), sent in order at
        the group's pace (Telegram allows 20 messages a minute there) without holding a resident's
        turn, erased with the resident. Raises if it cannot be stored."""
        key = relay.key if relay is not None else ""  # the row's address: where replies are routed
        rt = self.runtime
        await rt.store.queue(key or MEDIATORS, MEDIATORS, rt.box.seal(key), replies_to_json([Reply(text)]), rt.clock())
        rt.queues.outbox_ready.set()

    async def mediators_loop(self) -> None:
        """Send what waits for the mediators' group; a post hours late still matters to them."""
        await self.runtime.queues.outbox_loop(MEDIATORS, self.post_for_mediators, stale=False)

    async def post_for_mediators(self, key: str, replies: list[Reply]) -> None:
        """One outbox row for the group (its address is the resident's key); the route for the
        mediators' replies is remembered once posted."""
        assert self.settings.mediators_chat_id is not None
        for reply in replies:
            try:
                sent = await self.send(self.settings.mediators_chat_id, reply)
            except (Forbidden, BadRequest) as e:  # the bot left the group, a wrong chat id
                raise Undeliverable(f"{type(e).__name__}: {e.message}") from None
            if key and sent and "message_id" in sent:
                await Relay(key, self.runtime.store)(str(sent["message_id"]))

    async def deliver_reminders(self) -> int:
        return await self.runtime.deliver_reminders(CHANNEL, self.send_reminder)

    async def send_reminder(self, reminder: Reminder, reply: Reply) -> None:
        await self.send_replies(reminder.address, [reply])
