"""The rules, assembled: each category's patterns tried by alphabet, the contexts that cancel
them (« il a frappé à la porte »), and the patterns that tell who is hurt. Each rule has its
look-alikes in intents/danger.tsv.
"""

from __future__ import annotations

import re

from bot.understanding.danger import child, food, medical, shelter, suicide, violence
from bot.understanding.danger.patterns import Rules
from bot.understanding.danger.words import CHILD, FOOD, HIT, JE, KID, ME, MEDICAL, SHELTER, SUICIDE, VIOLENCE


def _rx(*patterns: str) -> Rules:
    return Rules(patterns)


RULES: dict[str, Rules] = {
    MEDICAL: Rules(medical.PATTERNS),
    SUICIDE: Rules(suicide.PATTERNS),
    VIOLENCE: Rules(violence.PATTERNS),
    CHILD: Rules(child.PATTERNS),
    SHELTER: Rules(shelter.PATTERNS),
    FOOD: Rules(food.PATTERNS),
}
# A game or a film « violent pour les enfants »: no one hurt.
VIOLENT_FOR_KIDS = r"\b(?:jeu|jeux|film|serie|dessin anime|video|clip)\w*(?: \w+){0,3} (?:trop )?violent\w* pour (?:les |des |mes )?enfant\w*\b"
# Said about something else: these contexts cancel a category's match.
EXCEPT: dict[str, Rules] = {
    SUICIDE: _rx(r"\b(?:papier|dossier|demarche|formulaire|caf|impot)\w*\b(?: \w+){0,6} finir par sauter par la fenetre\b",
                 r"نموت (?:ب)?(?:ال)?ضحك",
                 r"\bme tuer (?:a la|au|a) (?:salle|sport|muscu|gym|entrainement)\w*\b",
                 r"\bnmout 3l(?:a|ih|iha)\b(?! (?:rasi|rassi)\b)",
                 r"\bnmout (?:b|mn|men) (?:dde7k|de7k|d7ek|dhak|ddhak|dd7k)\b"),
    FOOD: _rx(r"\b(?:ai|ont|avon|a|as) faim\b(?: \w+){0,6} (?:resto|restaurant|snack|kebab|pizza|mcdo|macdo|boulangerie)\b",
              r"\bfaim de (?:savoir|connaitre|reussite|victoire|gagner|culture)\b",
              r"\bfaim\b(?: \w+){0,3} (?:on mange|qu on mange|je mange|on mangera) quoi\b",
              r"\b(?:dog|cat|puppy|kitten|fish|bird|hamster|rabbit)\w* (?:is |s |are )?(?:starving|hungry)\b",
              r"(?:جيعانين|جعانين|جوعانين) (?:\S+ )?(?:بغاو|باغيين|كيطلبو|يطلبو|بدهم) (?:ال)?(?:عشا|غدا|فطور|كوتي|لمجه)"),
    MEDICAL: _rx(r"\boverdose (?:on|of|de) (?:coffee|cafe|chocolate|chocolat|sugar|sucre|work|travail|netflix?)\b",
                 r"\bevanoui\w* de (?:rire|joie|bonheur)\b"),
    CHILD: _rx(r"\bdisparu\w* dans (?:sa|ca|son|la|le) (?:chambre|jeu|console|telephone|portable|livre|salle de bain)\b",
               VIOLENT_FOR_KIDS,
               r"\bfugu\w* (?:\w+ ){0,8}(?:est|sont) (?:rentre\w*|revenu\w*|retrouve\w*)\b",
               rf"\b{KID}(?: \w+){{0,2}} (?:a |avait )?(?:frap+\w*|tap\w*) (?:dans )?(?:le|la|un|une|les) (?:ballon|balle|porte|mur|table|sol|volant|clou)\b",
               r"\b(?:s est|se|s etait) (?:\w+ )?cogn\w*(?: \w+){0,4} en jouant\b",
               r"\bhit (?:the|a|his|her) (?:ball|wall|door|table|window|car|post|bar)\b",
               r"\bhit (?:his|her|their|my) head (?:on|against) (?:the|a) (?:table|door|wall|floor|ground|bed|chair|shelf)\b"),
    SHELTER: _rx(
        r"\bdor\w* dehor\w*(?: \w+){0,4} (?:tente|camping|etoile|vacance)\w*\b",
        r"\b(?:dor|dormi|dort|dormir)\w* dans (?:la|une|notre|ma) voiture pendant (?:le|les|notre|nos) (?:voyage|vacance|trajet|route|camping)\b",
        r"\b(?:site|appli\w*|page|compte|serveur|logiciel|jeu) (?:\w+ ){0,2}(?:m|nous|me) (?:a |ont )?(?:mis|jete|jetee|fout\w*) dehor\b",
    ),
    VIOLENCE: _rx(
        VIOLENT_FOR_KIDS,
        r"\b(?:dossier|papier|demarche|boulot|travail|taf|exam|examen|formulaire|facture|caf|impot)\w* (?:va|vont) me tuer\b",
        r"(?:كي|ك|ت|كت)?عذب(?:ني|نا) (?:هاد|هذا|هذه|هاذ) ?(?:ال)?(?:درس|خدمه|مشكل|وراق|ورقه|حراره|سخانه|برد|زحام|امتحان|ماده)",
        r"\b(?:l?bus?|tobi|tram|tran|train|taxi|lkar|lwe9t|lwa9t)\b(?: \w+)? (?:kay|ka|ta)?t3[ae]?d+a 3li(?:ya|a|na)\b",
        r"(?:الطوبيس|الحافله|الباص|الترام|التران|الكار|الطاكسي|الوقت) (?:\S+ )?(?:كي|ك|ت)?تعدا (?:عليا|علينا)",
        r"\bmenac\w* de ne (?:plus|pas) (?:me |nous )?(?:rendre|preter|payer|parler|inviter|voir)\b",
        r"\bfrap\w* (?:a|à) la porte\b", r"\bfrap\w* (?:un|le|mon) (?:texte|code|clavier)\b",
        r"\bje me bat\w*\b", r"\bme bat\w* pour\b", r"\b(?:je me suis|me suis|on s est|nous nous sommes|s est) (?:\w+ )?enferm\w* dehor\b",
        r"\bm a enferm\w* dehor(?: \w+){0,6} (?:en partant|par erreur|sans faire expre|par accident|cle)\b", r"\bagress\w* verbalement\b",
        r"\bbattu\w* (?:aux|au|a la) (?:carte|jeu|echec|tenni|foot|course)\w*\b",
        r"\bfrapp\w* d etonnement\b",
        r"\bmenac\w* de (?:m |nous )?(?:expuls\w*|mettre dehor|virer|couper|porter plainte|resilier)\b",
        r"هدد(?:ني|نا) (?:\S+ )?(?:بالطرد|الطرد|يطلعني|يطلعنا|يخرجني|يخرجنا|يطردني|يطردنا|بالخروج)",
        r"\bhit (?:me|us) up\b", r"\bkill (?:me|us) with (?:his |her |their |your |the )?(?:laughter|laughing|joke|kindne\w*|stor\w*|question\w*)\b", r"\b(?:tape|tapent|tapait) sur (?:les nerf|le systeme)\b", r"\bkill me if i (?:m |am )?(?:late|forget|miss|lose|fail|break)\b",
        r"\bthreaten\w* (?:me|us) with (?:a |an )?(?:fine|eviction|court|debt|bailiff|penalt\w*|expulsion|cutting|suspension)\b",
        r"\bfrapp\w* (?:\w+ )?par (?:sa|ca|son|ses|la|le) (?:generosite|gentillesse|beaute|intelligence|reponse|nouvelle)\b",
        r"\b(?:son|daughter|kid|child|baby|boy|girl) (?:hit|bump\w*) (?:his|her) head (?:on|against) (?:the|a) (?:table|door|floor|ground|bed|chair|shelf)\b",
        r"\bme tue (?:ce|ces|le|la|les)\b", r"\b(?:chef|patron|prof|boss|manager|coach) (?:va|vont|allait) me tuer si (?:je|j)\b", r"\b(?:ca|sa|cela) me tu\w*\b",
    ),
}
# Subjects telling "il va me tuer" (violence) from "je vais me tuer" (suicide).
SELF_KILL = re.compile(rf"\b{JE} (?:\w+ ){{0,3}}me tuer\b")
# Who is hurt when a child and violence are both named: « on me frappe » is an adult, « il frappe
# mes enfants » a child (the child line, with the police numbers).
ADULT_HIT = re.compile(rf"\b(?<!je ){ME} (?:\w+ ){{0,2}}?{HIT}\b|\ben danger\b(?! .*{KID})")
KID_IN_DANGER = re.compile(rf"{KID} (?:\w+ ){{0,2}}en danger")
# A child is the one who hits: « mon fils de 20 ans me frappe » is violence against the parent.
CHILD_HITS_ME = re.compile(rf"\b{KID}(?: de \d+ ans)? {ME} (?:a |ai )?{HIT}\b")
