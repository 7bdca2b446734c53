"""The texts of answers, built from the directory only: nothing here is made up."""

from __future__ import annotations

import datetime as dt

from bot.conversation.events import Pin
from bot.places.geo import walking_minutes
from bot.places.hours import date_fr, day_phrase, describe_next, hm, holiday_name
from bot.places.model import Directory, Tour
from bot.places.nearby import Option, TourStatus
from bot.places.needs import NEEDS

APPOINTMENT = {
    "sans": "sans rendez-vous",
    "conseille": "rendez-vous conseillé",
    "obligatoire": "sur rendez-vous seulement",
}


def distance_phrase(km: float) -> str:
    if km <= 3.0:
        return f"{walking_minutes(km)} min à pied"
    return f"à {km:.0f} km" if km >= 10 else f"à {km:.1f} km".replace(".", ",")


def closed_today(schedule_closure: str | None, wall_now: dt.datetime, country: str) -> str | None:
    if schedule_closure:
        return f"Fermé aujourd'hui : {schedule_closure}"
    name = holiday_name(wall_now.date(), country)
    if name:
        return f"Aujourd'hui c'est férié ({name})"
    return None


def place_text(option: Option, directory: Directory, wall_now: dt.datetime) -> str:
    place = option.place
    assert place is not None
    lines = [f"📍 {place.nom}"]
    where = place.full_address
    lines.append(f"{where} ({distance_phrase(option.km)})" if where else distance_phrase(option.km))
    details: list[str] = []
    if place.schedule is None:
        details.append("horaires non publiés")
    else:
        closure = place.schedule.closure_on(wall_now.date())
        note = closed_today(closure.message if closure else None, wall_now, directory.pays)
        if note and not (option.slot and option.slot.start <= wall_now):
            lines.append(f"⛔ {note}")
        details.append(_capital(describe_next(option.slot, wall_now)))
    if place.rendez_vous in APPOINTMENT:
        details.append(APPOINTMENT[place.rendez_vous])
    if place.frais:
        details.append(place.frais)
    lines.append("🕑 " + " · ".join(details))
    if place.telephone:
        lines.append(f"☎ {place.telephone}")
    if place.a_apporter:
        lines.append("🎒 À apporter : " + ", ".join(place.a_apporter))
    if place.note:
        lines.append(f"ℹ️ {place.note}")
    lines.append(_freshness(place.date_maj))
    return "\n".join(lines)


def stop_text(option: Option, directory: Directory, wall_now: dt.datetime, *, intro: bool = True) -> str:
    stop = option.stop
    assert stop is not None
    tour = directory.tour_of(stop)
    lines = [f"🚌 {tour.nom} passe près de chez vous" if intro else f"🚌 {tour.nom}"]
    lines.append(f"📍 {stop.nom}" + (f", {stop.full_address}" if stop.full_address else "")
                 + f" ({distance_phrase(option.km)})")
    details = [_capital(_passage(option, wall_now))]
    if tour.rendez_vous in APPOINTMENT:
        details.append(APPOINTMENT[tour.rendez_vous])
    if tour.frais:
        details.append(tour.frais)
    lines.append("🕑 " + " · ".join(details))
    lines.extend(_tour_footer(tour))
    return "\n".join(lines)


def _passage(option: Option, wall_now: dt.datetime) -> str:
    slot = option.slot
    if slot is None:
        return "pas de passage prévu dans les semaines à venir"
    if slot.start <= wall_now < slot.end:
        return f"là maintenant, jusqu'à {hm(slot.end)}"
    return f"passe {day_phrase(slot.start.date(), wall_now.date())} de {hm(slot.start)} à {hm(slot.end)}"


def _tour_footer(tour: Tour) -> list[str]:
    lines = []
    if tour.telephone:
        lines.append(f"☎ {tour.telephone}")
    if tour.exemple:
        lines.append("⚠️ Horaires à confirmer par téléphone avant de vous déplacer."
                     if tour.telephone else "⚠️ Horaires à confirmer : ils ne sont pas encore publiés.")
    elif tour.note:
        lines.append(f"ℹ️ {tour.note}")
    return lines


def tour_text(status: TourStatus, wall_now: dt.datetime) -> str:
    tour = status.tour
    lines = [f"🚌 {tour.nom}"]
    if status.here and status.here.stop and status.here.slot:
        lines.append(f"Maintenant : {status.here.stop.nom}, jusqu'à {hm(status.here.slot.end)}")
    else:
        lines.append("Maintenant : pas à un arrêt")
    if status.next and status.next.stop:
        lines.append(f"Prochain arrêt : {status.next.stop.nom}, {_passage(status.next, wall_now)}")
    if status.near and status.near.stop:
        lines.append(f"Près de chez vous : {status.near.stop.nom} ({distance_phrase(status.near.km)}), "
                     f"{_passage(status.near, wall_now)}")
    lines.extend(_tour_footer(tour))
    return "\n".join(lines)


def sooner_text(option: Option, wall_now: dt.datetime) -> str:
    place = option.place
    assert place is not None and option.slot is not None
    return (f"💡 Plus tôt : {place.nom} ({distance_phrase(option.km)}) — "
            f"{describe_next(option.slot, wall_now)}.")


def pin_of(option: Option) -> Pin:
    if option.place is not None:
        p = option.place
        return Pin(p.nom, p.full_address, p.latitude, p.longitude)
    s = option.stop
    assert s is not None
    return Pin(s.nom, s.full_address, s.latitude, s.longitude)


def national_text(need: str) -> str | None:
    n = NEEDS.get(need)
    return f"☎ Vous pouvez appeler {n.national}." if n and n.national else None


def contacts_text(need: str | None, option: Option | None, directory: Directory) -> str:
    """Who a resident can call: the place found, else the national number for the need."""
    lines = ["🙋 Pour parler à quelqu'un :"]
    phone_found = False
    if option is not None and option.place is not None and option.place.telephone:
        lines.append(f"☎ {option.place.nom} : {option.place.telephone}")
        phone_found = True
    if option is not None and option.stop is not None:
        tour = directory.tour_of(option.stop)
        if tour.telephone:
            lines.append(f"☎ {tour.nom} : {tour.telephone}")
            phone_found = True
    national = NEEDS[need].national if need in NEEDS else None
    if national:
        lines.append(f"☎ Ou {national}.")
        phone_found = True
    if not phone_found:
        lines.append("☎ Solidarité numérique (aide pour les démarches) : 01 70 772 372, du lundi au vendredi.")
    return "\n".join(lines)


def _freshness(day: dt.date | None) -> str:
    if day is None:
        return "Ces informations peuvent avoir changé : en cas de doute, appelez avant de venir."
    return f"Informations du {date_fr(day)} : en cas de doute, appelez avant de venir."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
