"""The stable need ids shared by the directory, the intents, the statistics and the tests."""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Marks a French text for the catalogues (bot/conversation/i18n.py): translated where shown."""
    return message


@dataclass(frozen=True)
class Need:
    id: str
    button: str  # short, fits a phone button
    label: str  # plain name said back to the resident
    # Who to call when nothing local fits. Public national services, from service-public.fr and
    # each service's own site (checked 2026-11); every need has one, so no answer is a dead end.
    national: str


NEEDS: dict[str, Need] = {
    n.id: n
    for n in (
        Need("caf", N_("CAF, allocations"), N_("CAF (allocations, APL, RSA, prime d'activité)"),
             N_("la CAF au 3230 (service gratuit + prix d'un appel), ou caf.fr")),
        Need("emploi", N_("Emploi"), N_("Emploi, chômage, CV, formation"),
             N_("France Travail au 3949")),
        Need("retraite", N_("Retraite"), N_("Retraite"), N_("l'Assurance retraite au 3960")),
        Need("sante", N_("Santé"), N_("Santé, carte Vitale, mutuelle"),
             N_("l'Assurance maladie (Ameli) au 3646")),
        Need("logement", N_("Logement"), N_("Logement, HLM, expulsion"),
             N_("l'ADIL de votre département (conseils gratuits, anil.org) ; pour un loyer impayé : "
                "SOS Loyers impayés au 0 805 16 00 75 (appel gratuit)")),
        Need("energie", N_("Électricité, gaz"), N_("Factures d'électricité, de gaz, chèque énergie"),
             N_("le chèque énergie au 0 805 204 805 (appel gratuit), ou Énergie-Info au 0 800 112 212 "
                "(appel gratuit) pour un problème avec un fournisseur")),
        Need("impots", N_("Impôts"), N_("Impôts"), N_("les impôts au 0809 401 401 (appel gratuit)")),
        Need("papiers", N_("Papiers"), N_("Papiers : carte d'identité, passeport, titre de séjour, permis"),
             N_("l'ANTS au 34 00 (ants.gouv.fr) pour la carte d'identité, le passeport et le permis ; "
                "la préfecture pour un titre de séjour")),
        Need("numerique", N_("Internet, ordinateur"),
             N_("Apprendre l'ordinateur, le smartphone, internet"),
             N_("Solidarité numérique au 01 70 772 372")),
        Need("equipement", N_("Avoir un ordinateur"),
             N_("Avoir un ordinateur, un téléphone, une connexion, imprimer"),
             N_("Solidarité numérique au 01 70 772 372 ; Emmaüs Connect (emmaus-connect.org) pour un "
                "téléphone, un ordinateur ou une connexion à petit prix")),
        Need("droit", N_("Droits, justice"), N_("Conseil juridique, litige, aide aux victimes"),
             N_("le 3039 (accès au droit, prix d'un appel) ; si vous êtes victime : France Victimes au "
                "116 006 (gratuit, 7 jours sur 7)")),
        Need("poste", N_("La Poste"), N_("La Poste, colis, recommandé"),
             N_("La Poste au 36 31 (prix d'un appel), ou laposte.fr")),
        Need("ecole", N_("École"), N_("École : Pronote, ENT, cantine, bourses"),
             N_("le secrétariat de l'école ou du collège de votre enfant ; pour Pronote ou l'ENT : "
                "Solidarité numérique au 01 70 772 372")),
        Need("social", N_("Aide sociale, urgence"),
             N_("Aide alimentaire, assistante sociale, urgence"),
             N_("le 115 (hébergement d'urgence, gratuit, jour et nuit)")),
    )
}

# The first screen shows the most asked needs; "Autre" opens the rest.
MAIN_NEEDS = ("caf", "emploi", "retraite", "sante", "papiers", "numerique")

# Conversation intents beside the needs.
BUS = "bus"
HUMAN = "humain"
GREETING = "bonjour"
THANKS = "merci"
HELP = "aide"
ERASE = "oubli"
CARE = "soins"  # finding a doctor: oriented, not answered with a place
OUT_OF_SCOPE = "hors_sujet"  # what the bot does not do: recognised so as to claim no need
CONVERSATION_INTENTS = (BUS, HUMAN, GREETING, THANKS, HELP, ERASE, CARE, OUT_OF_SCOPE)
ALL_INTENT_IDS = tuple(NEEDS) + CONVERSATION_INTENTS
