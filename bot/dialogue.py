"""The conversation, as a pure function: state + event + time → new state + replies.

No I/O here. Channels load the state, call `step`, save the new state, then send the replies;
the runtime carries out the effects (statistics, reminders, hand-over, erasure) in between.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot import answers
from bot.events import Button, Effect, Incoming, Reply
from bot.geo import route_link
from bot.hours import DAYS, MONTHS, PARIS, aware, day_phrase, hm, local
from bot.knowledge import Knowledge
from bot.links import parse_start
from bot.nearby import Option, options_for, sooner_alternative, tours_near
from bot.needs import BUS, ERASE, GREETING, HELP, HUMAN, MAIN_NEEDS, NEEDS, THANKS
from bot.normalize import normalize
from bot.state import (ANSWERED, ASK_NEED, ASK_WHERE, CLARIFY, CONFIRM_ERASE, REMIND, START,
                       TYPE_WHERE, State)
from bot.where import Located, located_at

MAX_TEXT = 1000  # longer messages are read on their first characters only


def words(*phrases: str) -> frozenset[str]:
    """Commands and set phrases, normalised the way messages are."""
    return frozenset(normalize(p) for p in phrases)


RESET_WORDS = words("start", "aide", "menu", "recommencer", "accueil", "restart",
                    "nouvelle demande", "recommencer svp", "retour au menu")
ERASE_WORDS = words("oubli", "supprimer mes données", "effacer mes données")
BUS_WORDS = words("bus", "où est le bus")
BYE_WORDS = words("fin", "quitter", "stop")
EVENING_HOUR = 18

# Button payloads (ASCII, far under Telegram's 64 bytes).
NEW = "a:new"
MORE = "a:more"
ROUTE = "a:route"
REMIND_ME = "a:remind"
HUMAN_BTN = "a:human"
ALL_NEEDS = "a:needs"
WHERE_OTHER = "w:other"
ERASE_YES = "e:yes"
ERASE_NO = "e:no"
REMIND_EVE = "r:eve"
REMIND_HOUR = "r:hour"
REMIND_NO = "r:no"
NOT_THAT = "c:none"
SHOW = "o:"  # show the option at this index


@dataclass(frozen=True)
class Turn:
    state: State
    replies: list[Reply]
    effects: list[Effect]


def step(state: State, incoming: Incoming, now: dt.datetime,
         knowledge: Knowledge) -> tuple[State, list[Reply]]:
    """The documented contract: new state and replies (effects are in `turn`)."""
    t = turn(state, incoming, now, knowledge)
    return t.state, t.replies


def turn(state: State, incoming: Incoming, now: dt.datetime, knowledge: Knowledge) -> Turn:
    return _Dialogue(state, now, knowledge).handle(incoming)


class _Dialogue:
    def __init__(self, state: State, now: dt.datetime, knowledge: Knowledge) -> None:
        self.state = state
        self.now = now if now.tzinfo else aware(now)
        self.wall = local(self.now, PARIS)
        self.k = knowledge
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []

    # -- plumbing ---------------------------------------------------------------------------

    def done(self) -> Turn:
        if not self.replies:  # every event gets an answer, whatever happened
            self.ask_need("Je vous écoute.")
        return Turn(self.state, self.replies, self.effects)

    def say(self, text: str, buttons: tuple[Button, ...] = (), **kw: object) -> None:
        self.replies.append(Reply(text, buttons, **kw))  # type: ignore[arg-type]

    def effect(self, kind: str, **data: object) -> None:
        self.effects.append(Effect(kind, dict(data)))

    # -- entry ------------------------------------------------------------------------------

    def handle(self, inc: Incoming) -> Turn:
        if inc.start is not None:
            return self.on_start(inc.start)
        if inc.location is not None:
            return self.on_location(*inc.location)
        if inc.button is not None:
            return self.on_button(inc.button)
        if inc.media == "edited":
            self.say("J'ai vu que vous avez modifié un message, mais je ne lis que les nouveaux "
                     "messages. Renvoyez-le si besoin 🙂")
            return self.reask()
        if inc.media is not None:
            self.say("Je ne lis que les messages écrits 🙂 Écrivez votre demande avec des mots, "
                     "ou appuyez sur un bouton.")
            return self.reask()
        return self.on_text(inc.text or "")

    def reask(self) -> Turn:
        """Ask the current question again, with its buttons."""
        s = self.state
        if s.step == ASK_WHERE or s.step == TYPE_WHERE:
            self.ask_where()
        elif s.step == CLARIFY and s.candidates:
            self.ask_clarify(s.candidates)
        elif s.step == CONFIRM_ERASE:
            self.ask_erase()
        elif s.step in (ANSWERED, REMIND) and s.need and s.position:
            self.say("Que voulez-vous faire ?", self.follow_up())
        else:
            self.ask_need("Pour quoi avez-vous besoin d'aide ?")
        return self.done()

    # -- events -----------------------------------------------------------------------------

    def on_start(self, payload: str) -> Turn:
        link = parse_start(payload, self.k.directory)
        self.state = State(source=link.source)
        if link.quartier:
            q = self.k.directory.quartiers[link.quartier]
            self.state = self.state.replace(position=(q.latitude, q.longitude), where=q.nom,
                                            quartier=q.id)
        if link.need:
            self.state = self.state.replace(need=link.need)
            self.say("Bonjour 👋 Je vous aide à trouver de l'aide près de chez vous. C'est gratuit.")
            if self.state.position:
                self.answer()
            else:
                self.ask_where(f"Vous cherchez de l'aide pour : {self.label(link.need)}.")
            return self.done()
        self.greet()
        return self.done()

    def on_location(self, lat: float, lon: float) -> Turn:
        where = located_at(lat, lon)
        if where is None:
            self.say("Je n'ai pas pu lire cette position. Essayez encore, ou écrivez votre quartier.")
            self.state = self.state.replace(step=ASK_WHERE if self.state.need else self.state.step)
            return self.reask()
        return self.located(where)

    def located(self, where: Located) -> Turn:
        self.state = self.state.replace(position=(where.latitude, where.longitude),
                                        where=where.label, quartier=where.quartier, shown=0)
        if self.state.need:
            self.answer()
        else:
            self.ask_need(f"C'est noté : {where.label}. Pour quoi avez-vous besoin d'aide ?")
        return self.done()

    def on_button(self, payload: str) -> Turn:
        kind, _, value = payload.partition(":")
        s = self.state
        if payload == NEW:
            self.state = State(source=s.source, position=s.position, where=s.where, quartier=s.quartier)
            self.ask_need("Pour quoi avez-vous besoin d'aide ?")
            return self.done()
        if payload == ALL_NEEDS:
            self.state = s.replace(step=ASK_NEED)
            self.say("Choisissez ce qui se rapproche le plus de votre demande :",
                     tuple(Button(n.button, f"n:{n.id}") for n in NEEDS.values())
                     + (Button("🙋 Parler à quelqu'un", HUMAN_BTN),))
            return self.done()
        if kind == "n" and (value in NEEDS or value == BUS):
            return self.chose_need(value, said=None)
        if payload == NOT_THAT:
            self.state = s.replace(step=ASK_NEED, candidates=())
            self.ask_need("D'accord. Dites-le autrement, ou choisissez :")
            return self.done()
        if kind == "q" and value in self.k.directory.quartiers:
            q = self.k.directory.quartiers[value]
            return self.located(Located(q.latitude, q.longitude, q.nom, q.id))
        if payload == WHERE_OTHER:
            self.state = s.replace(step=TYPE_WHERE)
            self.say("Écrivez le nom de votre quartier, de votre commune ou votre code postal.\n"
                     "Ou envoyez votre position avec le bouton 📍.",
                     (Button("Nouvelle demande", NEW),), ask_location=True)
            return self.done()
        if payload == HUMAN_BTN:
            return self.human()
        if payload == ERASE_YES and s.step == CONFIRM_ERASE:
            return self.erase()
        if payload == ERASE_NO and s.step == CONFIRM_ERASE:
            self.state = s.replace(step=ANSWERED if s.need and s.position else ASK_NEED)
            self.say("D'accord, je ne supprime rien.")
            return self.reask()
        if s.need and s.position and s.step in (ANSWERED, REMIND):
            index = None  # which answer to show: the next one, or the one a hint pointed at
            if payload == MORE:
                index = s.shown + 1
            elif payload.startswith(SHOW) and value.isdigit() and int(value) < 20:
                index = int(value)
            if index is not None:
                self.state = s.replace(shown=index, step=ANSWERED)
                self.answer(another=True)
                return self.done()
            if payload == ROUTE:
                return self.route()
            if payload == REMIND_ME:
                return self.offer_reminder()
            if payload in (REMIND_EVE, REMIND_HOUR) and s.step == REMIND:
                return self.set_reminder(payload)
            if payload == REMIND_NO:
                self.state = s.replace(step=ANSWERED)
                self.say("D'accord, pas de rappel.", self.follow_up(remind=False))
                return self.done()
        self.say("Ce bouton ne marche plus. Voici où nous en sommes :")
        return self.reask()

    def on_text(self, raw: str) -> Turn:
        text = raw.strip()[:MAX_TEXT]
        norm = normalize(text)
        s = self.state
        if not norm:
            if text:  # only emoji or punctuation
                self.say("Je n'ai pas compris 🙂 Écrivez votre demande avec des mots, "
                         "ou appuyez sur un bouton.")
            else:
                self.say("Votre message est vide. Écrivez votre demande, ou appuyez sur un bouton.")
            return self.reask()
        if norm in RESET_WORDS or norm.startswith("start "):
            self.state = State(source=s.source)
            self.greet()
            return self.done()
        if norm in ERASE_WORDS:
            return self.ask_erase()
        if norm in BUS_WORDS:
            return self.chose_need(BUS, said=text)
        if norm in BYE_WORDS:
            self.state = State(source=s.source)
            self.say("D'accord. Écrivez-moi quand vous voulez : je suis là jour et nuit.",
                     (Button("Nouvelle demande", NEW),))
            return self.done()
        if s.step == CONFIRM_ERASE:
            self.state = s.replace(step=ASK_NEED)
        if s.step == ASK_WHERE and norm == "autre":  # the "Autre" choice, typed or tapped
            return self.on_button(WHERE_OTHER)
        if s.step in (ASK_WHERE, TYPE_WHERE):
            where = self.k.gazetteer.locate(text)
            if where is not None:
                return self.located(where)
        match = self.k.matcher.match(text)
        self.effect("understood", ok=match.need is not None)
        if match.need is None and not match.candidates and s.step in (ASK_WHERE, TYPE_WHERE):
            self.say(f"Je ne connais pas « {_short(text)} » 🤔\nEnvoyez votre position avec le bouton 📍, "
                     "ou choisissez votre quartier :")
            self.ask_where()
            return self.done()
        if match.need is None and not match.candidates:
            where = self.k.gazetteer.locate(text) if s.step in (START, ASK_NEED, ANSWERED) else None
            if where is not None:
                return self.located(where)
            self.effect("unmatched", text=text)
            self.state = s.replace(step=ASK_NEED)
            self.say("Je n'ai pas compris votre demande, désolé 🙏\n"
                     "Je peux aider pour les papiers, la CAF, l'emploi, la santé, la retraite, "
                     "internet…\nÉcrivez-la autrement, ou choisissez :",
                     self.need_buttons() + (Button("🙋 Parler à quelqu'un", HUMAN_BTN),))
            return self.done()
        if match.need is None:
            self.state = s.replace(step=CLARIFY, candidates=tuple(c for c, _ in match.candidates),
                                   said=text)
            self.ask_clarify(self.state.candidates)
            return self.done()
        return self.chose_need(match.need, said=text)

    # -- intents ----------------------------------------------------------------------------

    def chose_need(self, need: str, said: str | None) -> Turn:
        s = self.state
        if need == GREETING:
            self.greet(again=s.step != START)
            return self.done()
        if need == HELP:
            self.state = s.replace(step=ASK_NEED)
            self.say("Je vous indique où trouver de l'aide, près de chez vous, et quand y aller. "
                     "C'est gratuit.\nÉcrivez votre demande avec vos mots (par exemple « ma carte "
                     "Vitale » ou « chercher du travail »), ou choisissez :", self.need_buttons())
            return self.done()
        if need == THANKS:
            self.say("Avec plaisir 😊 Bon courage ! Je reste là si besoin.",
                     (Button("Nouvelle demande", NEW), Button("🙋 Parler à quelqu'un", HUMAN_BTN)))
            return self.done()
        if need == ERASE:
            return self.ask_erase()
        if need == HUMAN:
            return self.human(said=said)
        self.state = s.replace(need=need, candidates=(), shown=0,
                               said=said[:300] if said else s.said)
        if need == BUS:
            if self.state.position is None and len(self.k.directory.tours) > 3:
                self.state = self.state.replace(step=ASK_WHERE)
                self.ask_where("Pour vous dire quand le bus passe près de chez vous :")
                return self.done()
            self.answer()
            return self.done()
        if self.state.position is not None:
            self.answer()
        else:
            self.ask_where(f"D'accord : {self.label(need)}.")
        return self.done()

    # -- answers ----------------------------------------------------------------------------

    def answer(self, another: bool = False) -> None:
        s = self.state
        assert s.need is not None
        if s.need == BUS:
            return self.answer_bus()
        assert s.position is not None
        opts = options_for(self.k.directory, s.need, s.position[0], s.position[1], self.wall)
        self.state = s.replace(step=ANSWERED)
        if not opts:
            self.stat(found=False)
            national = answers.national_text(s.need)
            self.say(f"Je n'ai pas trouvé de lieu près de {s.where or 'vous'} pour : {self.label(s.need)}."
                     + (f"\n{national}" if national else ""),
                     (Button("🙋 Parler à quelqu'un", HUMAN_BTN), Button("Nouvelle demande", NEW)))
            return None
        if another and s.shown >= len(opts):
            self.state = self.state.replace(shown=0)
            self.say("Je n'ai pas d'autre lieu près de vous pour cette demande. Je reprends au début :")
        index = self.state.shown
        option = opts[index]
        if not another:
            self.stat(found=True)
        text = (answers.place_text(option, self.k.directory, self.wall) if option.place
                else answers.stop_text(option, self.k.directory, self.wall))
        self.say(text, self.follow_up(more=len(opts) > 1), pin=answers.pin_of(option))
        if index == 0:
            alt = sooner_alternative(opts)
            if alt is not None:
                self.say(answers.sooner_text(alt, self.wall),
                         (Button("Voir ce lieu", f"{SHOW}{opts.index(alt)}"),))
        return None

    def answer_bus(self) -> None:
        s = self.state
        self.state = s.replace(step=ANSWERED)
        statuses = tours_near(self.k.directory, s.position, self.wall)
        if not statuses:
            self.stat(found=False)
            self.say("Je ne connais pas de bus ou de service mobile près de vous.",
                     (Button("Nouvelle demande", NEW), Button("🙋 Parler à quelqu'un", HUMAN_BTN)))
            return
        self.stat(found=True)
        for i, status in enumerate(statuses):
            near = status.near or status.next or status.here
            last = i == len(statuses) - 1
            buttons = (Button("Nouvelle demande", NEW), Button("🙋 Parler à quelqu'un", HUMAN_BTN)) if last else ()
            if last and s.position is None:
                buttons = (Button("📍 Près de chez moi", WHERE_OTHER),) + buttons
            self.say(answers.tour_text(status, self.wall), buttons,
                     pin=answers.pin_of(near) if near else None)

    def stat(self, found: bool) -> None:
        s = self.state
        quartier = self.k.directory.quartiers.get(s.quartier) if s.quartier else None
        where = quartier.nom if quartier else ("position partagée" if s.where == "votre position" else s.where)
        self.effect("answer", need=s.need, quartier=where, source=s.source, found=found)

    def current_option(self) -> Option | None:
        s = self.state
        if not s.need or not s.position or s.need == BUS:
            return None
        opts = options_for(self.k.directory, s.need, s.position[0], s.position[1], self.wall)
        return opts[s.shown] if s.shown < len(opts) else (opts[0] if opts else None)

    def route(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        pin = answers.pin_of(option)
        origin = self.state.position if self.state.where == "votre position" else None
        self.say(f"🗺 Itinéraire à pied vers {pin.name} :\n{route_link(origin, pin.latitude, pin.longitude)}",
                 self.follow_up(route=False))
        return self.done()

    def human(self, said: str | None = None) -> Turn:
        s = self.state
        option = self.current_option()
        self.say(answers.contacts_text(s.need, option, self.k.directory),
                 (Button("Nouvelle demande", NEW),))
        if self.k.mediators:
            self.effect("handover", need=s.need, quartier=s.where, text=said or s.said)
            self.say("J'ai aussi transmis votre demande à un médiateur. Il vous répondra ici, "
                     "dès que possible.\nPour revenir au bot : /fin")
        return self.done()

    # -- reminders --------------------------------------------------------------------------

    def reminder_times(self, option: Option) -> dict[str, dt.datetime]:
        """Local wall times of the reminders that still make sense for this option."""
        out: dict[str, dt.datetime] = {}
        slot = option.slot
        if slot is None or slot.start <= self.wall:
            return out
        eve = dt.datetime.combine(slot.start.date() - dt.timedelta(days=1), dt.time(EVENING_HOUR))
        if eve > self.wall:
            out[REMIND_EVE] = eve
        hour = slot.start - dt.timedelta(hours=1)
        if hour > self.wall:
            out[REMIND_HOUR] = hour
        return out

    def offer_reminder(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        times = self.reminder_times(option)
        if not times:
            self.say("C'est ouvert maintenant ou très bientôt : pas besoin de rappel 🙂",
                     self.follow_up(remind=False))
            return self.done()
        labels = {REMIND_EVE: "La veille à 18h", REMIND_HOUR: "1 heure avant"}
        assert option.slot is not None
        when = f"{day_phrase(option.slot.start.date(), self.wall.date())} à {hm(option.slot.start)}"
        self.state = self.state.replace(step=REMIND)
        self.say(f"Je vous envoie un message avant l'ouverture ({when}). Quand ?",
                 tuple(Button(labels[k], k) for k in times) + (Button("Non merci", REMIND_NO),))
        return self.done()

    def set_reminder(self, which: str) -> Turn:
        option = self.current_option()
        times = self.reminder_times(option) if option else {}
        if option is None or which not in times:
            self.state = self.state.replace(step=ANSWERED)
            self.say("Ce rappel n'est plus possible : l'heure est passée.")
            return self.reask()
        assert option.slot is not None
        pin = answers.pin_of(option)
        due = aware(times[which])
        until = aware(option.slot.end)
        text = self.reminder_text(option)
        self.effect("remind", due=due.isoformat(), until=until.isoformat(), text=text, place=pin.name)
        self.state = self.state.replace(step=ANSWERED)
        self.say(f"⏰ C'est noté : je vous écrirai {day_phrase(times[which].date(), self.wall.date())} "
                 f"à {hm(times[which])}.\nPour voir ou annuler vos rappels : /rappels",
                 self.follow_up(remind=False))
        return self.done()

    def reminder_text(self, option: Option) -> str:
        assert option.slot is not None
        slot = option.slot
        lines = ["⏰ Rappel"]
        if option.place is not None:
            p = option.place
            lines.append(f"📍 {p.nom}, {p.full_address}")
            if p.telephone:
                lines.append(f"☎ {p.telephone}")
        else:
            assert option.stop is not None
            tour = self.k.directory.tour_of(option.stop)
            lines.append(f"🚌 {tour.nom} : {option.stop.nom}")
            if tour.telephone:
                lines.append(f"☎ {tour.telephone}")
        lines.insert(1, f"Ouvert le {_date_long(slot.start)} de {hm(slot.start)} à {hm(slot.end)}")
        return "\n".join(lines)

    # -- erasure ----------------------------------------------------------------------------

    def ask_erase(self) -> Turn:
        self.state = self.state.replace(step=CONFIRM_ERASE)
        self.say("Voulez-vous que j'efface tout ce que je garde sur vous ?\n"
                 "(votre conversation, vos rappels, vos demandes à un médiateur)",
                 (Button("Oui, tout effacer", ERASE_YES), Button("Non", ERASE_NO)))
        return self.done()

    def erase(self) -> Turn:
        self.effect("erase")
        self.state = State()
        self.say("✅ C'est fait. J'ai effacé votre conversation, vos rappels et vos demandes à un "
                 "médiateur. Je ne garde plus rien sur vous.",
                 (Button("Nouvelle demande", NEW),))
        return self.done()

    # -- questions --------------------------------------------------------------------------

    def greet(self, again: bool = False) -> None:
        hello = "Rebonjour 👋" if again else (
            "Bonjour 👋 Je vous aide à trouver de l'aide près de chez vous. C'est gratuit.")
        self.ask_need(f"{hello}\nPour quoi avez-vous besoin d'aide ? Écrivez-le avec vos mots, "
                      "ou choisissez :")

    def ask_need(self, text: str) -> None:
        self.state = self.state.replace(step=ASK_NEED, candidates=())
        self.say(text, self.need_buttons())

    def need_buttons(self) -> tuple[Button, ...]:
        return tuple(Button(NEEDS[n].button, f"n:{n}") for n in MAIN_NEEDS) + (
            Button("Autre", ALL_NEEDS),)

    def ask_clarify(self, candidates: tuple[str, ...]) -> None:
        buttons = tuple(Button(self.short(c), f"n:{c}" if c in NEEDS or c == BUS else HUMAN_BTN)
                        for c in candidates) + (Button("Autre chose", NOT_THAT),)
        if HUMAN not in candidates:
            buttons += (Button("🙋 Parler à quelqu'un", HUMAN_BTN),)
        self.say("Je ne suis pas sûr d'avoir compris. Vous voulez dire :", buttons)

    def ask_where(self, intro: str | None = None) -> None:
        self.state = self.state.replace(step=ASK_WHERE)
        quartiers = list(self.k.directory.quartiers.values())[:5]
        text = "Où êtes-vous ? Envoyez votre position 📍, ou choisissez votre quartier :"
        if intro:
            text = f"{intro} {text}"
        self.say(text, tuple(Button(q.nom, f"q:{q.id}") for q in quartiers)
                 + (Button("Autre", WHERE_OTHER),), ask_location=True)

    def follow_up(self, *, more: bool = True, route: bool = True, remind: bool = True) -> tuple[Button, ...]:
        buttons = []
        if more:
            buttons.append(Button("Autre lieu", MORE))
        if route:
            buttons.append(Button("🗺 Itinéraire", ROUTE))
        if remind:
            buttons.append(Button("⏰ Me le rappeler", REMIND_ME))
        buttons += [Button("🙋 Parler à quelqu'un", HUMAN_BTN), Button("Nouvelle demande", NEW)]
        return tuple(buttons)

    def label(self, need: str) -> str:
        return self.k.matcher.label(need)

    def short(self, intent: str) -> str:
        if intent in NEEDS:
            return NEEDS[intent].button
        return {BUS: "Le bus", HUMAN: "Parler à quelqu'un"}.get(intent, intent)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _date_long(t: dt.datetime) -> str:
    return f"{DAYS[t.weekday()]} {t.day} {MONTHS[t.month - 1]}"
