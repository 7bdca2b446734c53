"""The Telegram adapter: updates in as the core's events, replies out as messages and pins."""

from __future__ import annotations

import contextlib
import logging

from telegram import BotCommand, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import Forbidden, NetworkError
from telegram.ext import AIORateLimiter, Application, ContextTypes, TypeHandler

from bot.channels.telegram.ordering import PerChatUpdates
from bot.channels.telegram.render import MAX_TEXT, keyboard, location_keyboard, render_text
from bot.channels.telegram.retries import with_retries
from bot.conversation.events import TECHNICAL_ERROR, Incoming, Reply
from bot.conversation.i18n import DEFAULT, LANGUAGES, Translator, translator
from bot.runtime import Runtime, Undeliverable
from bot.settings import Settings
from bot.storage.sqlite import Reminder

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
CONCURRENCY = 4


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
MEDIA_KINDS = ("voice", "audio", "sticker", "photo", "video", "video_note", "animation",
               "document", "contact", "poll", "dice", "game", "venue", "story")


class TelegramChannel:
    def __init__(self, runtime: Runtime, settings: Settings) -> None:
        self.runtime = runtime
        self.settings = settings
        self.app: Application | None = None  # type: ignore[type-arg]
        self.username: str | None = None

    # -- wiring ----------------------------------------------------------------------------

    def build(self, *, webhook: bool = False) -> Application:  # type: ignore[type-arg]
        """Create the Application with every handler, rate limiter and error handler."""
        # httpx logs each request's URL at INFO, and the URL holds the token.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        if not self.settings.token:
            from bot.errors import ConfigError
            raise ConfigError("TELEGRAM_BOT_TOKEN n'est pas défini : donnez le jeton du bot (BotFather)")
        base = self.settings.base_url
        builder = (Application.builder().token(self.settings.token).base_url(base)
                   .base_file_url(base.rstrip("/").removesuffix("/bot") + "/file/bot")
                   .rate_limiter(AIORateLimiter(overall_max_rate=self.settings.max_rate, max_retries=3))
                   .concurrent_updates(PerChatUpdates(CONCURRENCY))
                   # httpcore's pool costs grow with its size: keep it to what is used.
                   .connection_pool_size(CONCURRENCY * 2))
        if webhook:
            builder = builder.updater(None)
        app = builder.build()
        app.add_handler(TypeHandler(Update, self.on_update))
        app.add_error_handler(self.on_error)
        app.bot_data["channel"] = self
        self.app = app
        self.runtime.outlets[CHANNEL] = self.send_to
        return app

    async def send_to(self, address: str, reply: Reply) -> None:
        """The runtime's way to reach a Telegram resident (a mediator's answer)."""
        try:
            await self.send(int(address), reply)
        except Forbidden:
            raise Undeliverable("the recipient blocked the bot") from None

    async def prepare(self, app: Application) -> None:  # type: ignore[type-arg]
        """Commands menu, bot name, and what was due while the bot was down."""
        me = await app.bot.get_me()
        self.username = me.username
        with contextlib.suppress(NetworkError):
            await with_retries(lambda: app.bot.set_my_commands(commands(translator(DEFAULT))))
            for lang in LANGUAGES:
                if lang != DEFAULT:
                    menu = commands(translator(lang))
                    await with_retries(lambda menu=menu, lang=lang: app.bot.set_my_commands(menu, language_code=lang))
        await self.flush_outbox()
        await self.deliver_reminders()

    # -- sending ---------------------------------------------------------------------------

    async def send(self, chat_id: int | str, reply: Reply) -> Message | None:
        assert self.app is not None
        bot = self.app.bot
        text = render_text(reply)
        chunks = [text[i:i + MAX_TEXT] for i in range(0, len(text), MAX_TEXT)] or [""]
        first: Message | None = None
        if reply.ask_location:
            # One keyboard per message: the location button and the choices go together in a
            # reply keyboard; a choice sends its label, which the conversation understands.
            first = await with_retries(lambda: bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, reply_markup=location_keyboard(reply)))
        else:
            for i, chunk in enumerate(chunks):
                last = i == len(chunks) - 1
                markup = keyboard(reply) if last else None
                sent = await with_retries(lambda c=chunk, m=markup: bot.send_message(
                    chat_id, c, parse_mode=ParseMode.HTML, reply_markup=m,
                    disable_web_page_preview=True))
                first = first or sent
        for contact in reply.contacts:  # a card the phone calls with one tap
            await with_retries(lambda c=contact: bot.send_contact(chat_id, phone_number=c.phone,
                                                                  first_name=c.name[:64]))
        if reply.pin is not None:
            pin = reply.pin
            await with_retries(lambda: bot.send_venue(
                chat_id, latitude=pin.latitude, longitude=pin.longitude,
                title=pin.name[:256], address=(pin.address or pin.name)[:256]))
        return first

    async def send_all(self, chat_id: int | str, replies: list[Reply]) -> None:
        for r in replies:
            await self.send(chat_id, r)

    # -- updates ---------------------------------------------------------------------------

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Translate one update, let the runtime answer, send the replies."""
        if update.callback_query is not None:
            query = update.callback_query
            with contextlib.suppress(NetworkError):
                await with_retries(query.answer)
            if query.message is None or query.from_user is None:
                return
            chat = query.message.chat
            if chat.type != ChatType.PRIVATE:
                return
            inc = Incoming(CHANNEL, str(query.from_user.id), button=query.data or "")
            await self.answer(chat.id, inc)
            return
        if update.edited_message is not None:
            msg = update.edited_message
            if msg.chat.type == ChatType.PRIVATE and msg.from_user is not None:
                await self.answer(msg.chat.id, Incoming(CHANNEL, str(msg.from_user.id), media="edited"))
            return
        msg = update.message
        if msg is None or msg.from_user is None:
            return  # channel posts, polls, member updates: nothing for a resident
        if msg.chat.type != ChatType.PRIVATE:
            await self.on_group_message(msg, app_language(update))
            return
        if self.is_admin_stats(msg):
            from bot.admin.stats import stats_text
            from bot.places.hours import local
            today = local(self.runtime.clock()).date()
            await self.send(msg.chat.id, Reply(await stats_text(self.runtime.store, today)))
            return
        await self.answer(msg.chat.id, self.incoming(msg))

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

    async def answer(self, chat_id: int, inc: Incoming) -> None:
        replies, queued = await self.runtime.handle_queued(inc, address=str(chat_id))
        await self.send_all(chat_id, replies)
        await self.runtime.sent(queued)

    async def flush_outbox(self) -> int:
        """Send the replies of turns saved before a crash or an outage but never confirmed sent."""
        count = 0
        for queued, address, replies in await self.runtime.unsent(CHANNEL):
            try:
                await self.send_all(int(address), replies)
            except Forbidden:
                logger.info("a queued reply's recipient blocked the bot; dropped")
            except NetworkError:
                logger.warning("queued replies still not deliverable; will retry at next start")
                break
            await self.runtime.sent(queued)
            count += 1
        return count

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
        if reply_to is None or not msg.text:
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

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log once, without message texts, and tell the resident something went wrong."""
        logger.error("error while handling an update: %s", type(context.error).__name__,
                     exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None \
                and update.effective_chat.type == ChatType.PRIVATE:
            with contextlib.suppress(Exception):
                _ = app_language(update)
                await self.send(update.effective_chat.id, Reply(_(TECHNICAL_ERROR)))

    # -- mediators and reminders -----------------------------------------------------------

    async def forward(self, text: str) -> str | None:
        """Post to the mediators' group (the runtime's Mediators port)."""
        assert self.app is not None and self.settings.mediators_chat_id is not None
        sent = await self.send(self.settings.mediators_chat_id, Reply(text))
        return str(sent.message_id) if sent is not None else None

    async def deliver_reminders(self) -> int:
        return await self.runtime.deliver_reminders(CHANNEL, self.send_reminder)

    async def send_reminder(self, reminder: Reminder, reply: Reply) -> None:
        await self.send_to(reminder.address, reply)

    async def reminders_loop(self) -> None:
        await self.runtime.reminders_loop(CHANNEL, self.send_reminder)
