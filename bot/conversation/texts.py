"""The texts of answers, built from the directory only: nothing here is made up.

Distances are said only as precisely as they are known: walking minutes from a shared
position, "dans votre quartier" or "à environ 2 km" from a quartier, a postcode or a commune.
"""

from __future__ import annotations

import datetime as dt

from bot.conversation.events import Pin
from bot.conversation.i18n import N_, Translator
from bot.places.geo import walking_minutes
from bot.places.hours import Slot, holiday_name
from bot.places.model import Checked, Directory, Tour
from bot.places.nearby import WALK_KM, Option, TourStatus
from bot.places.needs import NEEDS
from bot.understanding.gazetteer import POSITION, QUARTIER

APPOINTMENT = {
    "sans": N_("sans rendez-vous"),
    "conseille": N_("rendez-vous conseillé"),
    "obligatoire": N_("sur rendez-vous seulement"),
}
DAYS = (N_("lundi"), N_("mardi"), N_("mercredi"), N_("jeudi"), N_("vendredi"), N_("samedi"), N_("dimanche"))
MONTHS = (N_("janvier"), N_("février"), N_("mars"), N_("avril"), N_("mai"), N_("juin"), N_("juillet"),
          N_("août"), N_("septembre"), N_("octobre"), N_("novembre"), N_("décembre"))
FREE = N_("gratuit")
NEAR_KM = 0.5  # from a quartier's landmark, closer than this is "in your quartier"


def day_phrase(day: dt.date, today: dt.date, _: Translator) -> str:
    if day == today:
        return _("aujourd'hui")
    if day == today + dt.timedelta(days=1):
        return _("demain")
    if day - today < dt.timedelta(days=7):
        return _(DAYS[day.weekday()])
    return date_phrase(day, _)


def date_phrase(day: dt.date, _: Translator) -> str:
    """"lundi 4 janvier"."""
    return _("{weekday} {day} {month}", weekday=_(DAYS[day.weekday()]), day=day.day,
             month=_(MONTHS[day.month - 1]))


def describe_next(slot: Slot | None, now: dt.datetime, _: Translator) -> str:
    """When can the resident go there, in plain words."""
    if slot is None:
        return _("pas d'ouverture prévue dans les semaines à venir")
    if slot.start <= now < slot.end:
        until = slot.end
        if until.date() == now.date() or until.time() == dt.time():
            return _("ouvert maintenant jusqu'à {end}", end=_.clock(until))
        return _("ouvert maintenant jusqu'à {day} {end}", day=day_phrase(until.date(), now.date(), _),
                 end=_.clock(until))
    if slot.start.date() == now.date():
        return _("ouvre aujourd'hui à {start}, jusqu'à {end}", start=_.clock(slot.start), end=_.clock(slot.end))
    if slot.start.date() == now.date() + dt.timedelta(days=1):
        return _("ouvre demain à {start}, jusqu'à {end}", start=_.clock(slot.start), end=_.clock(slot.end))
    return _("prochaine ouverture : {day} de {start} à {end}", day=day_phrase(slot.start.date(), now.date(), _),
             start=_.clock(slot.start), end=_.clock(slot.end))


def distance_phrase(km: float, by: str | None, _: Translator) -> str:
    if by == POSITION:
        if km <= 3.0:
            return _("{minutes} min à pied", minutes=walking_minutes(km))
        return _("à {km} km", km=_km(km, _))
    if km < NEAR_KM:
        return _("dans votre quartier") if by == QUARTIER else _("tout près")
    return _("à environ {km} km", km=_km(km, _, rough=True))


def _km(km: float, _: Translator, rough: bool = False) -> str:
    if km >= 10 or (rough and km >= 5):
        return f"{km:.0f}"
    return _.decimal(round(km * 2) / 2 if rough else round(km, 1))


def fees(frais: str, _: Translator) -> str:
    """What it costs, as the directory says; its most common word, « gratuit », in the resident's
    language (any other text is the directory's, shown as written)."""
    return _(FREE) if frais.strip().lower() == FREE else frais


def closed_today(schedule_closure: str | None, wall_now: dt.datetime, country: str,
                 _: Translator) -> str | None:
    if schedule_closure:
        return _("Fermé aujourd'hui : {why}", why=schedule_closure)
    name = holiday_name(wall_now.date(), country, _.lang)
    if name:
        return _("Aujourd'hui c'est férié ({name})", name=name)
    return None


def place_text(option: Option, directory: Directory, wall_now: dt.datetime, *, need: str,
               by: str | None, caution: bool, _: Translator) -> str:
    place = option.place
    assert place is not None
    lines = [f"📍 {place.nom}", _("Pour : {need}", need=need_label(need, _))]
    where = place.full_address
    # A place placed at a landmark: the distance is rough, whatever the resident shared.
    distance = distance_phrase(option.km, None if place.approximate else by, _)
    lines.append(f"{where} ({distance})" if where else distance)
    details: list[str] = []
    if place.schedule is None:
        details.append(_("horaires non publiés : appelez avant d'y aller"))
    else:
        closure = place.schedule.closure_on(wall_now.date())
        note = closed_today(closure.message if closure else None, wall_now, directory.pays, _)
        if note and not (option.slot and option.slot.start <= wall_now):
            lines.append(f"⛔ {note}")
        details.append(capital(describe_next(option.slot, wall_now, _)))
    if place.rendez_vous in APPOINTMENT:
        details.append(_(APPOINTMENT[place.rendez_vous]))
    if place.frais:
        details.append(fees(place.frais, _))
    lines.append("🕑 " + " · ".join(details))
    if place.telephone:
        lines.append(f"☎ {place.telephone}")
    if place.a_apporter:
        lines.append(_("🎒 À apporter : {items}", items=", ".join(place.a_apporter)))
    if place.note:
        lines.append(f"ℹ️ {place.note}")
    fresh = freshness(place.date_maj, wall_now, _, first=caution)
    if fresh:
        lines.append(fresh)
    return "\n".join(lines)


def stop_text(option: Option, directory: Directory, wall_now: dt.datetime, *, need: str,
              by: str | None, _: Translator) -> str:
    stop = option.stop
    assert stop is not None
    tour = directory.tour_of(stop)
    lines = [_near_line(tour, option.km, by, _), _("Pour : {need}", need=need_label(need, _))]
    distance = distance_phrase(option.km, None if stop.approximate else by, _)
    lines.append(f"📍 {stop.nom}" + (f", {stop.full_address}" if stop.full_address else "") + f" ({distance})")
    if stop.schedule is None:
        details = [capital(_("{when} (heures non publiées)", when=stop.quand or _("jours non publiés")))]
    else:
        details = [capital(_passage(option.slot, wall_now, _))]
    if tour.rendez_vous in APPOINTMENT:
        details.append(_(APPOINTMENT[tour.rendez_vous]))
    if tour.frais:
        details.append(fees(tour.frais, _))
    lines.append("🕑 " + " · ".join(details))
    lines.extend(_tour_footer(tour, _))
    fresh = freshness(tour.date_maj, wall_now, _, first=False)
    if fresh:
        lines.append(fresh)
    return "\n".join(lines)


def _near_line(tour: Tour, km: float, by: str | None, _: Translator) -> str:
    """"Passe près de chez vous" only when it is within walking distance, as far as we know."""
    if by == POSITION and km <= WALK_KM:
        return _("🚌 {tour} passe près de chez vous", tour=tour.nom)
    if by == QUARTIER and km < NEAR_KM:
        return _("🚌 {tour} passe dans votre quartier", tour=tour.nom)
    return f"🚌 {tour.nom}"


def _passage(slot: Slot | None, wall_now: dt.datetime, _: Translator) -> str:
    if slot is None:
        return _("pas de passage prévu dans les semaines à venir")
    if slot.start <= wall_now < slot.end:
        return _("là maintenant, jusqu'à {end}", end=_.clock(slot.end))
    return _("passe {day} de {start} à {end}", day=day_phrase(slot.start.date(), wall_now.date(), _),
             start=_.clock(slot.start), end=_.clock(slot.end))


def _tour_footer(tour: Tour, _: Translator) -> list[str]:
    lines = []
    if tour.telephone:
        lines.append(f"☎ {tour.telephone}")
    if tour.exemple:
        lines.append(_("⚠️ Horaires à confirmer par téléphone avant de vous déplacer.")
                     if tour.telephone else _("⚠️ Horaires à confirmer : ils ne sont pas encore publiés."))
    elif tour.note:
        lines.append(f"ℹ️ {tour.note}")
    return lines


def tour_text(status: TourStatus, wall_now: dt.datetime, by: str | None, _: Translator) -> str:
    """Where the bus is now, and the one stop that matters to the resident (the pin shown)."""
    tour = status.tour
    lines = [f"🚌 {tour.nom}"]
    if not any(s.schedule is not None for s in tour.stops):
        return "\n".join(lines + _unscheduled_lines(status, by, _) + _tour_footer(tour, _)
                         + [x for x in (freshness(tour.date_maj, wall_now, _, first=False),) if x])
    if status.here and status.here.stop and status.here.slot:
        lines.append(_("Maintenant : {stop}, jusqu'à {end}", stop=status.here.stop.nom,
                       end=_.clock(status.here.slot.end)))
    else:
        lines.append(_("Maintenant : pas à un arrêt"))
    shown = tour_stop_shown(status)
    if shown is not None and shown is status.near:
        assert shown.stop is not None
        label = _("Près de chez vous") if by == POSITION else _("Dans votre quartier") \
            if by == QUARTIER and shown.km < NEAR_KM else _("Arrêt le plus proche")
        lines.append(_("{label} : {stop} ({distance}), {when}", label=label, stop=shown.stop.nom,
                       distance=distance_phrase(shown.km, by, _), when=_passage(shown.slot, wall_now, _)))
    elif status.next is not None and status.next.stop is not None:
        lines.append(_("Prochain arrêt : {stop}, {when}", stop=status.next.stop.nom,
                       when=_passage(status.next.slot, wall_now, _)))
    lines.extend(_tour_footer(tour, _))
    fresh = freshness(tour.date_maj, wall_now, _, first=False)
    if fresh:
        lines.append(fresh)
    return "\n".join(lines)


def _unscheduled_lines(status: TourStatus, by: str | None, _: Translator) -> list[str]:
    """A tour whose times are not published: its published days and places, or nothing."""
    tour = status.tour
    if not tour.stops:
        return [_("Ses arrêts et ses horaires ne sont pas publiés.")]
    lines = []
    if status.near is not None and status.near.stop is not None and by in (POSITION, QUARTIER):
        lines.append(_("Passe dans votre quartier :"))
    for stop in tour.stops[:4]:
        where = stop.nom + (f" ({stop.adresse})" if stop.adresse else "")
        lines.append(_("• {when} : {where}", when=stop.quand or _("jours non publiés"), where=where))
    lines.append(_("Heures non publiées."))
    return lines


def tour_stop_shown(status: TourStatus) -> Option | None:
    """The stop that matters most to the resident, pinned on the map: theirs, else where the bus
    stands now, else where it goes next."""
    return status.near or status.here or status.next


def sooner_text(option: Option, wall_now: dt.datetime, by: str | None, _: Translator) -> str:
    place = option.place
    assert place is not None and option.slot is not None
    return _("💡 Plus tôt : {place} ({distance}) — {when}.", place=place.nom,
             distance=distance_phrase(option.km, by, _), when=describe_next(option.slot, wall_now, _))


def hours_text(option: Option, wall_now: dt.datetime, _: Translator, count: int = 3) -> str:
    """The next openings of the place or stop shown, for "à quelle heure ça ouvre ?"."""
    name = option.place.nom if option.place else option.stop.nom if option.stop else ""
    schedule = option.place.schedule if option.place else option.stop.schedule if option.stop else None
    if schedule is None:
        return _("🕑 Je ne connais pas les horaires de {name} : ils ne sont pas publiés. "
                 "Appelez avant d'y aller.", name=name)
    slots = []
    for slot in schedule.slots(wall_now):
        slots.append(slot)
        if len(slots) == count:
            break
    if not slots:
        return _("🕑 {name} : pas d'ouverture prévue dans les semaines à venir.", name=name)
    lines = [_("🕑 Prochaines ouvertures de {name} :", name=name)]
    for slot in slots:
        if slot.start <= wall_now:
            lines.append("• " + _("maintenant, jusqu'à {end}", end=_.clock(slot.end)))
        else:
            lines.append("• " + _("{day} de {start} à {end}", day=day_phrase(slot.start.date(), wall_now.date(), _),
                                  start=_.clock(slot.start), end=_.clock(slot.end)))
    return "\n".join(lines)


def pin_of(option: Option) -> Pin:
    if option.place is not None:
        p = option.place
        return Pin(p.nom, p.full_address, p.latitude, p.longitude)
    s = option.stop
    assert s is not None
    return Pin(s.nom, s.full_address, s.latitude, s.longitude)


def need_label(need: str, _: Translator) -> str:
    n = NEEDS.get(need)
    return _(n.button) if n else need


def national_text(need: str, _: Translator) -> str | None:
    n = NEEDS.get(need)
    return _("☎ Vous pouvez appeler {who}.", who=_(n.national)) if n and n.national else None


def contacts_text(need: str | None, option: Option | None, directory: Directory, _: Translator) -> str:
    """Who a resident can call: the place found, else the national number for the need."""
    lines = [_("🙋 Pour parler à quelqu'un :")]
    phone_found = False
    if option is not None and option.place is not None and option.place.telephone:
        lines.append(_("☎ {name} : {phone}", name=option.place.nom, phone=option.place.telephone))
        phone_found = True
    if option is not None and option.stop is not None:
        tour = directory.tour_of(option.stop)
        if tour.telephone:
            lines.append(_("☎ {name} : {phone}", name=tour.nom, phone=tour.telephone))
            phone_found = True
    national = NEEDS[need].national if need in NEEDS else None
    if national:
        lines.append(_("☎ Ou {who}.", who=_(national)) if phone_found else _("☎ {who}.", who=capital(_(national))))
        phone_found = True
    if not phone_found:
        lines.append(_("☎ Solidarité numérique (aide pour les démarches) : 01 70 772 372, du lundi au vendredi."))
    return "\n".join(lines)


def mediators_when(directory: Directory, wall_now: dt.datetime, _: Translator, *, short: bool = False) -> str:
    """When a mediator can answer, from their hours in the directory (if known)."""
    m = directory.mediateurs
    slot = m.schedule.next_slot(wall_now) if m is not None and m.schedule is not None else None
    if slot is not None and slot.start > wall_now:
        when = _("{day} à {time}", day=day_phrase(slot.start.date(), wall_now.date(), _), time=_.clock(slot.start))
        if short:
            return _("Les médiateurs reviennent {when} et vous répondront ici.", when=when)
        return _("Les médiateurs ne sont pas là en ce moment : ils reviennent {when} et vous répondront "
                 "ici. En attendant, vous pouvez appeler les numéros ci-dessus.", when=when)
    if short:
        return ""
    if slot is not None:
        return _("Il vous répondra ici, dès que possible.")
    return _("Il vous répondra ici, dès que possible. En attendant, vous pouvez appeler les "
             "numéros ci-dessus.")


STALE_AFTER = dt.timedelta(days=365)


def freshness(checked: Checked | None, wall_now: dt.datetime, _: Translator, *, first: bool) -> str | None:
    """Said on every card of an entry not checked for a year; for others, on the first card only."""
    if checked is None:
        return _("Date de vérification inconnue : appelez avant de vous déplacer.")
    when = checked_when(checked, _)
    if checked.older_than(wall_now.date(), STALE_AFTER):
        return _("⚠️ Vérifié en {when} : appelez avant de vous déplacer.", when=when)
    return _("Informations vérifiées en {when}.", when=when) if first else None


def checked_when(checked: Checked, _: Translator) -> str:
    """"décembre 2022", or "2025" when only the year is known."""
    if checked.precision == "year":
        return str(checked.day.year)
    return f"{_(MONTHS[checked.day.month - 1])} {checked.day.year}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
