"""The rules that recognise danger (danger.py applies them), per category, most urgent first.

Patterns read the message as `danger.prepare` gives it: normalised words (no accents, lower case,
plurals folded, Arabic letters folded), common typos of key words corrected. Each rule has its
look-alikes in tests/understanding/danger.tsv; `EXCEPT` holds the contexts that cancel a category
(« il a frappé à la porte »), tried only when no other rule of the category matches.
"""

from __future__ import annotations

import re

from bot.understanding.patterns import Rules

MEDICAL = "medical"
SUICIDE = "suicide"
VIOLENCE = "violence"
CHILD = "child"
SHELTER = "shelter"
FOOD = "food"
CATEGORIES = (MEDICAL, SUICIDE, VIOLENCE, CHILD, SHELTER, FOOD)

# -- pieces of patterns (over normalised words: no accents, lower case, plurals folded) -----
_ME = r"(?:me|m|moi|nous|ma|mwa)"
_HIT = (r"(?:frap+\w*|tap(?:e|er|ee|ai|ait|aient|ent|es)|bat|battre|batu\w*|battu\w*|cogn\w*|"
        r"gifl\w*|tabass\w*|etrangl\w*|brutalis\w*|viol(?:e|ee|er|ent|ait)?|sequestr\w*|"
        r"agress\w*|menac\w*|harcel\w*|maltrait\w*|enferm\w*)")
_PERSON = (r"(?:mari|conjoint|compagnon|copain|copine|ex|pere|mere|frere|soeur|fils|beau pere|"
           r"femme|homme|voisin|voisine|oncle|cousin|patron)")
_KID = (r"(?:enfant|fils|fille|bebe|gamin|gamine|petit|petite|mineur|ado|nourrisson|wldi|weldi|"
        r"bnti|binti|wladi|drari|niece|neveu|kid|kids|child|children|(?:my|our|his|her) son|daughter|baby|ابني|بنتي|ولدي|طفل|اطفال|الاطفال|ولادي)")
_JE = r"(?:je|j|jsui|chui)"
_NOT_HAVE_AR = r"(?:ما ?عند(?:ي|نا)ش?)"  # « ما عنديش », « ماعندنا »: I / we have no…
# Someone in English whose body is in danger: « he is choking », « my dad is not moving ».
_SOMEONE = rf"(?:he|she|{_KID}|my (?:husband|wife|mother|father|mum|mom|dad))"
# Who threatens or chokes in English: a person, not « the caf threatens me to cut my benefits ».
_THEY = (r"(?:he|she|they|(?:my|her|his) (?:husband|wife|boyfriend|girlfriend|partner|ex|father|dad|"
         r"stepfather|brother|son|uncle|cousin|neighbour|neighbor|landlord|boss))")
# A bone someone broke: the police numbers, and the doctor's too. Not « la tête »: « il m'a cassé la
# tête avec ses papiers » is said of someone tiresome.
_BONE = r"(?:bras|jambe|nez|cote\w*|machoire|main|poignet|cheville|doigt\w*)"
_BROKEN = (rf"\bm a casse (?:le|la|les|mon|ma|mes) {_BONE}\b",
           r"\b(?:he|she|they|someone|somebody) (?:\w+ ){0,1}(?:broke|fractured) (?:my|her|his|our) (?:arm|leg|nose|jaw|rib|wrist|ankle|finger|hand)\b",
           r"كسر\S* ?(?:لي|ليا|ليه|ليها) (?:يد|يدي|يدو|ذراعي|دراعي|رجلي|رجلو|نيفي|انفي|ضلعي|فكي)\b")
# A child is the one who hits: « mon fils de 20 ans me frappe » is violence against the parent.
CHILD_HITS_ME = re.compile(rf"\b{_KID}(?: de \d+ ans)? {_ME} (?:a |ai )?{_HIT}\b")


def _rx(*patterns: str) -> Rules:
    return Rules(patterns)


RULES: dict[str, Rules] = {
    MEDICAL: _rx(
        *_BROKEN,
        # Batch 17: pain down the left arm, not responding, fell and shaking, convulsing in Darija.
        r"\b(?:douleur|mal)\w* (?:\w+ ){0,3}bras gauche\b(?: \w+){0,8} (?:transpir\w*|sueur|poitrine|essouffl\w*|malaise|vomi\w*)\b",
        r"\b(?:transpir\w*|sueur|poitrine|essouffl\w*|malaise)\b(?: \w+){0,8} bras gauche\b",
        rf"\b(?:{_SOMEONE}|friend|my \w+) (?:\w+ ){{0,6}}(?:is |s )?(?:not|isn t|isnt|stopped) respond\w*\b"
        r"(?! to (?:my |the |our |your )?(?:email|mail|message|letter|call|text|phone))",
        r"طاح\S* (?:\S+ )?و?(?:كي|ك|ي|ت)?رجف", r"\b(?:kay|ka|ta)?tk[ae]?rf\w*\b", r"(?:كي|ك|ي|ت)?تكرفس",
        # Batch 16: a fall from a height, breathing hard with blue lips, bleach drunk, a swelling throat.
        r"\bchute (?:de|d) (?:\d+|plusieur|deux|troi|quatre) (?:metre|etage)\w*\b",
        r"\b(?:du mal|de la peine) a respirer\b", r"\blevre\w* (?:\w+ ){0,2}bleu\w*\b",
        r"\b(?:bu|avale|boit|bois)\w* (?:\w+ ){0,4}(?:javel|produit menager|detergent|lessive|debouch\w*|essence|white spirit)\b",
        r"\b(?:throat|tongue) (?:is |are )?(?:swelling|swollen|closing)\b", r"\banaphyla\w*\b",
        r"\ballergic reaction\b(?: \w+){0,4} (?:face|throat|tongue|lip)\w* (?:is |are )?swell\w*",
        r"\bgorge (?:qui )?(?:gonfle|enfle)\w*\b",
        # Batch 15: a limb paralysed at once, a child who will not wake up, fell and no longer answers.
        r"\bparalys\w* (?:d un coup|soudain\w*|tout a coup|brusquement|depuis (?:ce matin|tout a l heure|une heure))\b",
        r"\b(?:d un coup|soudain\w*|tout a coup|brusquement) (?:\w+ ){0,3}paralys\w*\b",
        rf"\b{_SOMEONE} (?:\w+ ){{0,6}}(?:won t|will not|doesn t|does not|isn t|can t) (?:wake|waking) up\b"
        r"(?! (?:for|in time|early|on time|in the morning|before))",
        r"طاح\S* (?:\S+ )?و?ما ?بقا\S* (?:كي|كت|ي|ت)(?:جاوب|تكلم|تحرك)",
        # Batch 13: a fall with no getting up, half a face dropped, a child who ate an adult's pills.
        r"\btombe\w* (?:\w+ ){0,4}(?:ne )?(?:se releve|peut (?:plus|pas) se (?:relever|lever))\b",
        r"\bface (?:is |has )?(?:dropp\w*|droop\w*|fallen|gone numb|paralys\w*|paralyz\w*)\b",
        rf"\b{_KID} (?:\w+ ){{0,1}}kla\w* (?:\w+ ){{0,1}}(?:dwa|dowa|doua|l?hbob|l?7bob) dyal (?:jd+\w*|mm\w*|bb\w*|baba|mama|khal\w*|3amm?\w*|jaddi|jadda)\b",
        r"\brespir\w* (?:plus|pas|mal|difficilement|bizarrement|tres vite)\b", r"\b(?:fait|fai|faire) un malaise\b",
        r"\bmalaise cardiaque\b", r"\binconscient\w*\b", r"\bevanoui\w*\b", r"\bperdu connaissance\b",
        r"\bcrise (?:cardiaque|d epilep\w*|de convulsion|d asthme)\b", r"\binfarctu\w*\b", r"\bavc\b",
        r"\bconvuls\w*\b", r"\bhemorrag\w*\b", r"\bsaign\w* (?:beaucoup|enormement|abondamment|bcp)\b",
        r"\b(?:overdose|surdose)\b", r"\bavale\w* (?:\w+ ){0,2}(?:medicament|cachet|comprime|produit)\w*",
        r"\b(?:mal|douleur) (?:\w+ ){0,3}poitrine\b", r"\baccouche\b", r"\ben train d accoucher\b",
        r"\bperd les eaux\b", r"\bempoisonn\w*\b", r"\bintoxi\w*\b",
        r"\b(?:not|isn t|isnt|stopped) breathing\b", r"\bcan ?t breathe\b", r"\bheart attack\b",
        r"\bunconsciou\w*\b", r"\bpassed out\b", r"\bseizure\b", r"\bchest pain\b",
        r"\bbleeding (?:a lot|badly|heavily)\b",
        r"(?:ما|لا) ?(?:كيتنفس|يتنفس|تتنفس)", r"ازمه قلبيه", r"فاقد الوعي", r"نزيف",
        r"\bma ?(?:b[q9]at?(?:ch|sh)? )?(?:kay|kat|ta|ka)?tn?[ae]?f+[ae]?s?\w*\b",
        rf"\b{_SOMEONE} (?:is |s )choking\b(?! on (?:her|his|my|their) word)",
        r"راس\S* (?:كي|كت|ي|ت)سيل",
        r"(?:^|\s)(?:ما ?|لا |م)(?:كي|كا|كت|ك|ي|ت)?تنفس",  # « مكيتنفسش », glued negation
        rf"\b(?:il|elle|{_PERSON}|{_KID}) (?:\w+ ){{0,2}}(?:ne )?(?:bouge|reagit) plus\b",
        rf"\b{_SOMEONE} (?:is |s )?(?:not|isn t|isnt) moving\b",
        rf"\b{_SOMEONE} (?:has |just )?(?:collapsed|fainted)\b(?! (?:last|yesterday|once|before|in the past)\b)",
        r"\bne se reveille plus\b", r"\b(?:mari|femme|pere|mere|fils|fille|bebe|frere|soeur|il|elle) ne se reveille pas\b(?! (?:le matin|pour|a l heure|a temps|avant|tot|quand|avec|le|la))", r"\b4[0-2] (?:de |degre )?(?:de )?fievre\b",
        r"\btombe\w* (?:\w+ ){0,3}ne (?:repond|bouge|reagit|respire|parle) (?:plus|pas)\b",
        r"\bbrul\w* (?:\w+ ){0,3}(?:huile|eau) bouillante\b", r"\bburn\w* (?:\w+ ){0,2}boiling\b",
        r"\b(?:pri|mange|avale) (?:tous?|toute|toutes|plein de|beaucoup de) (?:mes |ses |les |de )?(?:medicament|cachet|comprime|pilule)\w*",
        r"\bkla\w* (?:\w+ ){0,1}(?:dwa|dowa|doua|l?ktachat|l?hbob|l?7bob)\b(?: \w+){0,2} (?:bzaf|kamlin|kolchi)\b",
        r"(?:كلا|كلات|بلع|بلعات|شرب|شربات)\S* (?:ال)?(?:دوا|دواء|حبوب)(?:\s\S+){0,2}\s(?:بزاف|كثير|كامل|كلو)",
        rf"\b{_KID} (?:est |devient )?(?:tout |toute )?(?:bleu|violet)\b",
        r"\b(?:a lot of|lot of|so much) blood\b", r"\bcut (?:himself|herself|myself) (?:badly|deep\w*)\b",
        r"\bavale\w* (?:\w+ ){0,2}(?:pile|aimant|piece|bille|bouton|capsule)\b", r"\b(?:s est|se|s etait) etouff\w*\b", r"\betouff\w* avec\b",
        r"\bgh[ae]?b(?:at|et)? 3li(?:ya|a|h|ha)\b", r"غاب(?:ت)? (?:عليا|عليه|عليها)",
        r"\b(?:fever|baby)\b(?: \w+){0,8} (?:is )?not waking up\b",
        r"\bfell (?:from|off|out of) (?:the |a )?(?:balcony|window|roof|stair|ladder)\b",
        r"\btombe\w* (?:du|de la|d un|d une|par la) (?:balcon|fenetre|toit|echelle)\b",
        r"(?:سقط|طاح)\S* من (?:ال)?(?:درج|بالكون|نافذه|سطح|طاقه|شرجم)",
        r"\b(?:tah|ta7)\w* (?:mn|men) (?:t+a9|t+aq|ta9a|s+ta7|lbalcon|balcon|drouj|ddrouj|lfnetra)\b",
        r"\bpique\w* (?:\w+ ){0,5}gonfl\w*\b", r"\bfell (?:\w+ ){0,3}hit (?:his|her|my) head\b",
        r"(?:ت|ا)?حرق\S* (?:\S+ )?بال(?:ماء|ما|زيت|نار)",
        r"\bbouche (?:de traver|tordue)\b", r"\bdrogue\w* (?:\w+ ){0,3}(?:delire|convul|ne repond|inconscient)\w*",
        r"ضيق (?:ف|في) ?(?:ال)?تنفس",
        r"\bbeaucoup de sang\b", r"\bdu sang partout\b", r"\bras+(?:o|ha|i|u)? ka[yt]?s[ie]l\b",
        r"\b(?:pri|avale) trop (?:de |d )?(?:insuline|medicament|cachet|comprime|pilule|somnifere)\w*",
        r"\b(?:visage|gorge|langue|levre)\w* (?:\w+ ){0,1}gonfl\w*\b", r"\bchoc anaphylactique\b",
        r"\bwja3 (?:\w+ ){0,2}(?:f|fi) (?:sder|sdr)\w*\b", r"(?:وجع|الم) (?:\S+ ){0,2}(?:في |ف)(?:ال)?(?:صدر|قلب)",
        r"ما ?(?:قادر|قادره|قادرش|قادراش|يقدر|كيقدر|تقدر|كتقدر)\S* (?:ي|ت|ن)تنفس",
        r"\bma ?[q9][ae]?d[ae]?r\w* (?:y|t|n)tn?[ae]?f+[ae]?s?\w*\b", r"ازمه (?:\S+ )?(?:ربو|قلبيه|تنفس)|نوبه ربو",
        r"\bva accoucher (?:maintenant|tout de suite|la maintenant)\b",
        r"\b(?:having|had) an? (?:stroke|heart attack|seizure)\b",
        r"\b(?:tah|ta7|ja|jat) (?:3lih|3liha|3liya) (?:l?ghchi|l?ghochi|l?ghoch|lghma)\b", r"\bghma (?:3lih|3liha)\b",
        r"(?:اغمي|غمي|غما) (?:عليه|عليها)|طاح (?:عليه|عليها) الغشي",
        r"\b(?:avale|bu|boit|boi) (?:\w+ ){0,2}(?:javel|poison|detergent|lessive|destop)\b",
        r"\b(?:swallowed|drank|drunk|ate) (?:some |a lot of |the )?(?:bleach|pill|poison|detergent|medicine)\b",
        r"(?:شرب|بلع|كلا)\S* (?:\S+ )?(?:جافيل|الجافيل|ماء جافيل|سم|السم|الكلور)",
        r"\b(?:chrb|chreb|chrab|klat|kla|bl3)\w* (?:\w+ )?(?:javel|jafil|jafel|sem|sm)\b",
        r"\bkay?t?s[ie]l (?:\w+ )?dem\b", r"\bdem kay?t?s[ie]l\b",
        r"(?:كيسيل|يسيل|كتسيل|تسيل|كيسيلو) (?:\S+ )?(?:الدم|دم)|(?:الدم|دم) (?:كيسيل|يسيل|كتسيل)",
        # Fallen, a person no longer moves: « طاح وما بقاش كيتحرك », « tah w ma b9ach kayt7errek »
        r"(?:طاح|طاحت|ولدي|بنتي|راجلي|مراتي|بابا|ماما|امي|ابي|خويا|ختي|البيبي)(?:\s\S+){0,4}\sو?(?:ما|م) ?(?:بقات?ش? )?(?:كي|كا|كت|ي|ت)?(?:تحرك|هضر|تكلم)",
        r"\b(?:tah|ta7|tahet|ta7et|weldi|wldi|bnti|rajli|mrati|baba|mama|mmi|bba|khoya|khti)\b(?: \w+){0,4} ma ?(?:b[q9]at?(?:ch|sh)? )?(?:kay|kat|ki)?(?:t?[7h][ae]?r+[ae]?k|hd[ae]?r|3r[ae]?f)",
    ),
    SUICIDE: _rx(
        # Batch 17: « que tout s'arrête », death as better.
        r"\bje veux que tout (?:s arrete|se termine|finisse)\b(?! (?:avec|pour|de|du|des|la|le|les|a|au)\b)",
        r"الموت (?:احسن|خير|ارحم)(?: \S+)? (?:ليا|لي|من)", r"\bl?mout (?:ahsn|ahsen|7sn|khir|khir)\b",
        # Batch 15: off a bridge, cutting oneself.
        r"\b(?:jump|throw myself) (?:off|from|in front of|under) (?:the |a )?(?:bridge|building|roof|balcony|train|window|cliff)\b",
        r"\bcutting myself\b(?! (?:shaving|while|cooking|on))", r"\b(?:cut|hurt|harm)\w* myself (?:again|on purpose)\b",
        r"\bself ?harm\w*\b",
        # Batch 14: no reason to go on, a farewell letter, joining the dead, resting from this world.
        r"\b(?:no|any|a) reason to (?:keep going|go on|live|stay alive|carry on)\b(?! to\b)",
        r"\b(?:goodbye|farewell|suicide) (?:letter|note)\b(?!(?: \w+){0,6} (?:colleague|coworker|team|class|teacher|retirement|leaving))", r"\blettre\w* d adieu\b(?!(?: \w+){0,6} (?:collegue|depart|retraite|pot|demenagement|stage|classe|ecole|maitresse|equipe))", r"رساله (?:ال)?وداع",
        r"\brejoindre (?:\w+ ){0,3}(?:au ciel|au paradi|la haut|dans l au dela)\b",
        r"\bjoin (?:my|her|his) (?:\w+ ){0,1}in heaven\b",
        r"نرتاح من (?:هاد |هذه |هذي |هاذ )?(?:الدنيا|الحياه)", r"\bnrta7 (?:mn|men) (?:had )?(?:d+[eo]?nya|dunya|l?7ayat|l?hayat)\b",
        # Batch 13: not waking up, every pill tonight, « no longer wanting to live » in Arabic.
        r"\b(?:veux|voudrais|voudrai|veu|prefere|aimerai|aimerais) (?:ne )?(?:plus|pas|jamais) (?:me )?reveiller\b(?! (?:a|avant|tot|si tot|demain|le matin|pour|en))",
        r"\b(?:going to|gonna|will|want to) (?:take|swallow) (?:all|every) (?:of )?(?:my |the )?(?:pill|tablet|medication|medicine)\b",
        r"ما ?(?:بقيتش|بقيت) ?(?:باغي|باغيه|بغيت) ?نعيش(?!\s*(?:هنا|في|ف|مع|عند)\S*)",
        r"\bma b[q9]itch? (?:baghi|baghya|bghit) n3i(?:ch|sh)\b(?! (?:hna|f|fi|m3a|3nd)\b)",
        r"\b(?:veux|veu|voudrai|voudrais|vai|vais|envie de|prefere|souhaite|aimerai|aimerais|pense a) "
        r"(?:\w+ ){0,1}mour+i?r+e?\b(?! de (?:rire|chaud|froid|faim|envie|impatience|ennui|peur))",
        r"\bsuicid\w*\b(?! squad)",
        r"\b(?:d|en) finir\b(?! avec (?:mes|mon|ma|les|la|le|ce|cette|ces|ses|son|sa) (?!vie))",
        r"\b(?:plus|pas|aucun|perdu l) envie de vivre\b", r"\b(?:veux|veu|peux|peu) plus vivre\b",
        r"\bmarre (?:de vivre|de la vie)\b", r"\ba quoi bon vivre\b", r"\bvie ne vaut (?:plus )?rien\b",
        rf"\b{_JE} (?:\w+ ){{0,3}}me (?:tuer|pendre|suicider|jeter|foutre en l air)\b",
        rf"\b{_JE} (?:\w+ ){{0,3}}(?:sauter|me jeter) (?:\w+ ){{0,2}}(?:pont|fenetre|immeuble|balcon|train)\b",
        rf"\b{_JE} (?:\w+ ){{0,3}}me faire du mal\b", r"\bscarifi\w*\b", r"\bautomutil\w*\b",
        r"\bdisparaitre pour toujours\b",
        r"\b(?:envie de|veux|voudrais|vais) disparaitre\b(?! (?:des|du)\b)(?! de (?:ce|cette|votre|vos|ton|ta|tes|la liste)\b)",
        r"\b(?:plus|pas|aucun) (?:de )?raison de vivre\b", r"\bending (?:my life|it all)\b",
        r"\b(?:no|don t see the|dont see the|what s the|what the) (?:point|reason) (?:of|in|to) (?:living|live|life|go on|going on)\b",
        r"\btired of (?:living|life|being alive)\b",
        r"\btout s arret\w* (?:pour de bon|pour toujours|definitivement)\b",
        r"\b(?:nobody|no one) would (?:miss me|care if i die)\b(?! at)",
        r"\bmiss me if i die\b",
        r"\b(?:coupe\w*|ouvert) les veine\w*\b",
        r"\bcut (?:my|his|her) wrist\w*\b",
        r"\bne plus exister\b",
        r"\bachete\w* une corde\b(?! a sauter)",
        r"\bwant (?:it all|everything) to (?:stop|end) forever\b", r"\bwant (?:it all|everything) to end\b",
        r"\b(?:bghit|baghi)(?:ch|sh)? nkoun f had d[oe]u?n?ya\b",
        r"(?:ال)?موت (?:احسن|خير) من (?:هاد |هذه )?(?:ال)?حياه",
        r"\bsi je n (?:etai|etais|etait) plus la\b",
        r"\bmieu sans moi\b",
        r"\b(?:vais|veux|va) (?:\w+ ){0,1}avaler (?:tous?|toute|toutes) (?:mes|les) (?:medicament|cachet|comprime|pilule)\w*",
        r"\bbetter off without me\b",
        r"(?:كنت|نكون) ميت\b",
        r"تمنيت (?:لو )?(?:نموت|اموت)",
        r"\b(?:don t|dont|do not|never) want to wake up\b(?! (?:early|at|before|so early|for|in))",
        r"\btook (?:all|a lot of|too many) (?:of )?(?:my |the )?(?:pill|medication|medicine|tablet)\w*\b",
        r"\b(?:بدي|ابغي|عايز|عايزه|عاوز) (?:ا|ن)?موت\b",
        r"ما ?(?:بقيت|بقيتش) (?:قادر|قادره|بغيت)\S* (?:ن|ا)عيش",
        r"\bdormir pour toujours?\b",
        r"\bne plus (?:jamais )?me reveiller\b",
        r"\bl?khat[ae]?r n3i?ch\b",
        r"الخاطر (?:ب)?نعيش",
        r"\b(?:want|going) to end it\b(?! (?:with|by))",
        r"\bn(?:tla7|tle7|rmi|lo7|tli7)\w* (?:ras+i |rasi )?(?:mn|men) (?:t+a9|t+aq|ta9a|s+ta7|lbalcon|balcon|lfnetra|l?pont)\b",
        r"ن(?:رمي|لوح|طيح) (?:راسي|نفسي)",
        r"\b(?:plus|pas) la force de (?:vivre|continuer)\b",
        r"\bfatigue\w* de (?:vivre|la vie)\b",
        r"\b3[ae]?y[iy]t (?:mn|men) (?:had )?l?[7h]ayat?\b",
        r"(?:عييت|تعبت|مليت|كرهت) (?:من )?(?:هاد |هذه )?(?:ال)?حياه",
        r"(?:علاش|لماذا|لاش) (?:ن|ا)عيش", r"\b(?:3lach|3lache|lach) n3i?ch\b",
        r"\b(?:can ?t|cannot|can not) go on\b(?! (?:the|a|an|this|that|your|my|internet|online|website|site|holiday|vacation|trip)\b)",
        r"\bma ?(?:b[q9]it(?:ch|sh)? )?(?:bghit|baghi|bagh)(?:ch|sh)? n3i?ch\b(?! (?:hna|f|fi|m3a|3nd|hnaya)\b)",
        r"ما ?(?:بقيتش ?)?بغيت(?:ش)? ?نعيش(?!\s*(?:هنا|في|ف|مع|عند)\S*)",
        r"\b(?:want|wanna|going|gonna) (?:to )?die\b", r"\bkill myself\b", r"\bend (?:my life|it all)\b",
        r"\b(?:don t|dont|do not) want to (?:live|be alive)\b", r"\bno reason to live\b",
        r"(?:^| )(?:اموت|نموت|بغيت نموت)(?: |$)", r"انتحر|انتحار|نتحر", r"نقتل (?:راسي|نفسي)", r"اقتل نفسي",
        r"\bn ?mo+u?t\b(?! (?:b|bl|mn|men) ?da?[7h]a?k)", r"\bn[q9]t[ae]?l (?:ras+i|n[ae]?fsi)\b", r"\bnt[ae]?har\b",
    ),
    VIOLENCE: _rx(
        # Batch 17: burned, dragged by the hair, a father who beats a mother (in Arabic).
        rf"\b(?:il|elle|{_PERSON}) m a brul\w*\b", r"\bm a train\w* par (?:les cheveu|le bras|terre|les pied)\b",
        r"(?:بابا|ابي|الاب|خويا|راجل ماما) (?:كي|ك|ي|ت)?ضرب (?:ماما|امي|مي|الام|اختي|مرتو)\b",
        r"(?:راجلي|زوجي|جوزي|مرتي|خويا|بابا) (?:\S+ )?حرق(?:ني|تني|ها|نا)\b",
        r"حرق(?:ني|تني|ها|نا) (?:\S+ )?(?:بالسيجاره|بالكارو|بالزيت|بالمكواه|بالحديد)",
        # Batch 16: a head held under water, a threat to burn, « كيتعدا عليا ».
        r"\bm a (?:mis|plonge|enfonce|tenu)\w* la tete (?:dans|sous) l eau\b",
        r"\bthreaten\w* to (?:burn|kill|stab|shoot|hurt|beat)\b",
        r"(?:كي|ك|ي|ت|كت)?تعدا(?:و|ت)? (?:عليا|علي|علينا)\b", r"\bt3[ae]?d+a\w* 3l(?:i|ia|iya|ina)\b",
        # Batch 15: a plate thrown in the face, marks on the neck because of him.
        r"\bm a (?:jete|lance|balance)\w* (?:\w+ ){0,3}(?:a la figure|au visage|dessu|sur moi|a la tete)\b",
        r"\b(?:marque|trace|bleu)\w* (?:\w+ ){0,3}(?:cou|gorge|visage|bras|corps)\w* (?:\w+ ){0,2}a cause de (?:lui|elle|mon|ma)\b",
        # Batch 14: a head slammed against a wall, followed in the street.
        r"\b(?:slam\w*|bang\w*|smash\w*|hit|push\w*|threw|throw\w*) (?:my|her|his) head (?:against|into|on)\b",
        r"\bd[ae]?r[ae]?b\w* (?:lia|li|liya) ras(?:i|ha)? (?:m3a|f|fi) (?:l7it|l?7ayt|lhit|l7ay?[e]?t)\b", r"ضرب\S* (?:ليا|لي) راس\S* (?:مع|ف|في) (?:ال)?حيط",
        r"\b(?:someone|somebody|a man|a guy|men|a stranger|some guy) (?:is |are |keep |has been )?following me\b(?! on (?:instagram|insta|facebook|tiktok|twitter|x|snap\w*))",
        r"\b(?:un homme|un mec|un type|un inconnu|des hommes|des mecs) me sui\w*\b",
        # Batch 13: fear of a partner, threats at the door, a hand at the throat, locked in.
        r"\bj ai (?:tres |trop )?peur de (?:lui|mon mari|mon copain|mon conjoint|mon ex|mon compagnon|ma femme)\b"
        r"(?! (?:dire|demander|parler|annoncer|expliquer|avouer|montrer|deranger|decevoir))",
        rf"\b{_THEY}\b(?: \w+){{0,8}} (?:and |et )?threatening (?:me|us)\b(?! with (?:a |an )?(?:fine|eviction|court|debt|bailiff|penalt))",
        r"\b(?:grab\w*|took|held|hold\w*|squeez\w*|caught) (?:me|her|us) by the (?:throat|neck|hair)\b",
        r"\bm a (?:pris|attrape\w*|serre\w*|tenu\w*) (?:a|par) (?:la gorge|le cou)\b",
        r"\b7b[ae]?s(?:ni|na|ha) (?:f|fi|f l|fl)? ?(?:dar|ddar|bit|lbit|chambre|lbit)\b",
        r"حبس(?:ني|نا|ها) (?:ف|في|فال)?(?:الدار|دار|البيت|بيت)",
        rf"\b(?<!je ){_ME} (?:\w+ ){{0,2}}?{_HIT}\b",
        rf"\b(?:je|on|nous) (?:me |nous )?(?:fai|fait|suis fait|suis faite|sui fait) {_HIT}\b",
        r"\b(?:suis|est|sont|ete|etre|sommes) (?:\w+ ){0,1}(?:battu\w*|frapp\w*|agress\w*|viole|violee|tabass\w*|menace|menacee|sequestr\w*|brutalis\w*)\b",
        r"\bviolen(?:ce|t|te)\b", r"\bfemme battue\b",
        r"\b(?:mi|mis|donne|recu|pri|prend) (?:de |des |un |plein de |de gro )?coup\b(?! de (?:main|fil|soleil|pouce|la panne|telephone|stress|froid|chaud|coeur))",
        r"\b(?:mi|mis|donne|recu) (?:une |des |de |plein de )?(?:gifl\w*|claque|baffe|beigne|raclee)\b",
        r"\bmenac\w* de (?:mort|me tuer|tuer)\b", r"\b(?:me|nous|m) tuer\b",
        r"\bpeur (?:de|pour) (?:mon|ma|ma vie|son|sa)\b(?: (?:mari|conjoint|compagnon|copain|ex|pere|frere|vie)\b)?(?! (?:examen|exam|entretien|rendez|rdv|dossier|avenir|travail|boulot|permi|oral|operation|resultat|note|facture|loyer|code|premier|premiere))",
        rf"\b(?:{_JE}|i m|i am|im|we are|we re|suis|sommes) (?:\w+ ){{0,1}}en danger\b(?! de (?!mort))",
        r"\ben danger (?:chez moi|a la maison|de mort)\b", r"\bdanger de mort\b",
        r"\b(?:hit|hitting|beat|beating|beaten|attacked|attack|abuse|abused|threatened|rape|raped|raping|kill|assaulted|mugged) (?:me|us|my (?:wife|husband|kid|child|children|son|daughter|mother|mum|mom|sister|brother|baby|family))\b",
        r"\bleve\w* la main sur (?:moi|nous|elle|lui)\b",
        r"\bi was (?:raped|attacked|beaten|assaulted)\b",
        # Plurals are folded: « threatens » is read « threaten ».
        rf"\b{_THEY} (?:\w+ ){{0,1}}(?:threaten|kick|slap|punch|chok|strangl)\w* (?:me|us)\b(?! out)",
        rf"\b{_THEY} (?:\w+ ){{0,1}}locked (?:me|us) (?:in|up|inside)\b",
        *_BROKEN, r"\bm a casse (?:les|mes|ma|une) dent\w*\b",
        r"\bm a casse la tete (?:contre|a coup\w*|avec (?:un|une|le|la|sa|son) (?:bouteille|baton|barre|chaise|marteau|poele))\b",
        r"\bdes bleu (?:partout|sur (?:le|tout le|mon|ma) (?:corps|visage|figure|bras)|a cause de (?:lui|elle|mon|ma))\b",
        rf"\b{_THEY} (?:\w+ ){{0,1}}hurt\w* (?:me|us)\b",
        r"\b(?:stalking|harassing|beating|hitting|choking|strangling) (?:me|us)\b",
        r"\bpushed (?:me|us) (?:down|into|against|to the (?:floor|ground))\b",
        r"\btir\w* (?:les|mes) cheveu\w*\b",
        r"\bbrul\w* (?:\w+ ){0,2}cigarette\b",
        rf"\b{_THEY} (?:\w+ ){{0,1}}burn\w* me\b",
        r"\boblige\w* (?:\w+ ){0,3}(?:rapport|coucher|relation\w* sexuel\w*)\b", r"\bm empech\w* de sortir\b",
        r"\b(?:won t|wont|doesn t|does not) let me (?:leave the house|go out|see my (?:family|friend))\b",
        r"(?:ي|كي|ت)?منع(?:ني|نا) (?:من )?(?:الخروج|نخرج)",
        r"\bm a (?:jete|jetee) par terre\b",
        r"\bthrew (?:\w+ ){0,3}at (?:me|us)\b",
        r"(?:ت|ي)?هجم (?:علي|عليا|علينا)\b",
        rf"\b{_THEY} (?:\w+ ){{0,1}}broke (?:my|her|our) (?:nose|arm|leg|jaw|rib|teeth|tooth|hand|finger)\w*\b",
        r"\b(?:fiya|fia|fina) l?markat\b", r"(?:كي|كت|ي|ت)?عذب(?:ني|نا)\b", r"\bka[yt]?3[ae]?d+[ae]?b(?:ni|na)\b",
        r"\b(?:avec|a coup de|a coups de) (?:un |le |son )?couteau\b", r"\b(?:with|has|had|holding) a (?:knife|gun)\b",
        r"\bb (?:mou|lmou|jenwi|ljenwi|sekkin|sikin)\b",
        r"ب(?:ال)?(?:سكين|موس|جنوي)",
        r"محبوس(?:ه)? (?:في |ف)(?:ال)?دار|(?:كي|ي)?حبس(?:ني|نا)|حابسني",
        r"\b\w*dr[ae]?b (?:fiya|fia|fina)\b",
        r"\bm a (?:enferm\w*(?! dehor)|pouss\w* (?:dans|contre|par terre))\b",
        r"\b\w*hd+[ae]?d(?:ni|na)\b",
        r"\b\w*3[ae]?d+[ae]?b (?:fiya|fia|fina)\b",
        r"\b(?:i m|i am|im|we are) in danger\b",
        r"\bdomestic (?:violence|abuse)\b", r"\bis (?:being )?violent\b",
        r"(?:يضرب|كيضرب|تيضرب|ضرب|تضرب|كتضرب)و?(?:ني|نا)\b", r"عنف", r"(?:انا|راني|انني) (?:في|ف) خطر",
        r"يهدد(?:ني|نا)|بالقتل|يقتل(?:ني|نا)|اغتصب",
        r"\b\w*d[ae]?r[ae]?b(?:ni|na)\b", r"\b\w*[q9]t[ae]?l(?:ni|na)\b",
        r"\b(?:ana|rani|ra) (?:f|fi) (?:khatar|5atar|khtar|5tar)\b",
    ),
    CHILD: _rx(
        # Batch 17: a shaken baby, a toddler left out all day, a child dragged away by force.
        r"\bsecou\w* (?:\w+ ){0,1}(?:bebe|nourrisson|enfant)\b(?: \w+){0,2} (?:tres )?fort\b", r"\bshak\w* (?:the|his|her|their|my) baby\b",
        r"\bleave\w* (?:their|his|her|the) (?:toddler|baby|child|kid|children)\w* (?:alone|outside|on the balcony|in the car|locked)\b",
        r"(?:كيجر|يجر|جر|كيسحب) (?:\S+ )?(?:الطفل|الطفله|الولد|البنت|طفل|طفله)(?: \S+){0,2} (?:بزز|بالزز|بالقوه)",
        # Batch 16: an adult who touches a child, told in English.
        r"\b(?:uncle|stepfather|stepdad|cousin|neighbour|neighbor|teacher|coach|babysitter|grandfather|a man) (?:\w+ ){0,1}touch\w* (?:her|him)\b(?! (?:phone|screen|bag|car|computer|stuff|thing|book|food|toy|laptop|tablet)\b)",
        # Batch 15: a younger brother hit, a child hit by a neighbour in Arabic.
        r"\b(?:hit|beat|hurt|abus|slap|kick|punch)\w* (?:my|our|his|her) (?:little|baby|young|small) (?:brother|sister|cousin)\b",
        r"(?:كي|ك|ي|ت|كت)ضرب (?:ال)?(?:ولد|بنت|ولاد|طفل|اطفال|دراري)\b",
        # Batch 14: an adult who touched a child, a baby alone in a car, « il le frappe » after a child.
        r"\b(?:daughter|son|kid|child|girl|boy) s (?:teacher|coach|uncle|neighbour|neighbor|stepfather|cousin|babysitter|friend s dad) touched (?:her|him)\b",
        r"\b(?:baby|child|kid|toddler|bebe|enfant|petit) (?:is |est |was |left |laisse\w* )?(?:all )?(?:alone |seul\w* )?(?:in|dans) (?:a|the|une|la|sa|his|her) (?:car|voiture)\b",
        rf"\b{_KID}\b(?: \w+){{0,12}} (?:il|elle|ils) (?:le|la|les) (?:frapp\w*|bat|battent|tap\w*|maltrait\w*)\b",
        r"(?:ولد|بنت|ولاد|طفل|اطفال|الطفل|الولد|البنت|الدراري)(?: \S+){0,2} (?:كي|ك|ي|ت|كت)?ضرب(?:وه|وها|وهم)",
        # Batch 13: bruises on children in English, a child not back from school in Arabic.
        r"\b(?:kid|child|children|son|daughter|baby|boy|girl) (?:\w+ ){0,3}(?:covered in|full of|lots of|a lot of|so many) bruise\b",
        r"(?:ولدي|بنتي|ابني|ابنتي|طفلي|ولادي) (?:\S+ )?(?:ما ?|مازال ما ?)(?:رجع|رجعات|رجعش|رجعاتش|رجعوش|جاش|جاتش|رجعت)(?!\s*(?:ليا|لي|ليه|ليها)\b)"
        r"(?:\s+\S+){0,3}\s+(?:من ?|م|لل|ل)(?:المدرس|المدرسه|الدار|البيت|السكويلا|الليسي|الكوليج)",
        rf"\b{_KID}\b (?:\w+ ){{0,4}}(?:{_HIT}|en danger|disparu\w*|abu\w*)\b",
        rf"\b{_HIT} (?:\w+ ){{0,2}}{_KID}\b", r"\bmaltraitance\b",
        r"\b(?:hit|beat|hurt|abus|slap|kick|punch)\w* (?:his|her|their|the|my|our) (?:kid|child|children|son|daughter|baby|boy|girl)\b",
        rf"\btouch\w* (?:mon|ma|notre|nos|un|une|le|la|les) {_KID}\b",
        r"\bchild abuse\b",
        rf"\b{_KID} (?:is |are |has been |have been |went |gone )?(?:being )?(?:in danger|beaten|abused|hit|missing)\b",
        rf"{_KID} (?:في|ف) خطر", rf"\b{_KID} (?:f|fi) (?:khatar|5atar)\b",
        rf"\b{_KID} (?:\w+ ){{0,4}}(?:a|ont|est|sont) fugu\w*\b",
        rf"\blaisse\w* (?:\w+ ){{0,2}}{_KID} (?:tout )?seul\w*\b",
        rf"\b{_KID} (?:\w+ ){{0,5}}seul\w* (?:\w+ ){{0,3}}(?:depuis|toute la nuit)\b",
        r"\b(?:a|the) (?:child|kid|baby|little boy|little girl) (?:all )?alone\b",
        r"\bfollow\w* (?:my|our) (?:daughter|son|kid|child|children|girl|boy)\b",
        r"\btouch\w* (?:my|our|his|her) (?:son|daughter|kid|child|children|boy|girl)\b",
        r"\b(?:stranger|man|adult) (?:\w+ ){0,2}messag\w* (?:my|our) (?:\d+ year old|daughter|son|kid|child)\b",
        rf"\b{_KID} h[ae]?rb(?:at|et|ou|o)? (?:mn|men) (?:dar|ddar)\b",
        rf"\b{_KID} (?:\w+ ){{0,1}}\w*dr[ae]?b(?:o|ouh|oh|uh|ouha)\b",
        rf"\b{_KID} (?:\w+ ){{0,5}}\w*dr[ae]?b(?:ni|ha)\b",
        rf"\b{_KID} (?:\w+ ){{0,4}}(?:a|avec) des bleu\b",
        rf"\b{_KID} (?:\w+ ){{0,3}}(?:was|been|being|is) touched by\b",
        rf"\b{_KID} (?:t|te)?kh?t[ae]?f\b(?! (?:lih|liha|lia|lihom))",
        r"(?:ولدي|بنتي|ابني|ابنتي|طفلي) (?:ت|ا)?(?:خطف|ختطف)",
        r"(?:طفل|طفله|ولد صغير|بنت صغيره) (?:\S+ ){0,2}(?:وحده|وحدو|بوحده|بوحدو)",
        r"(?:ولدي|بنتي|ابني|ابنتي|طفلي|ولادي) (?:\S+ )?(?:مفقود|مفقوده|ضايع|ضايعه)",
        r"\bhomme (?:\w+ ){0,2}sui[tv]\w* (?:ma|mon|mes) (?:fille|fils|enfant)\b",
        rf"\b{_KID} m[7h]bou?s+\w*\b", r"(?:ولدي|بنتي|ابني|طفلي|ولادي) محبوس",
        rf"\b{_KID} ma ?rj[ae]?3(?:at|ch|atch|och|ouch)\w*\b",
        rf"\b{_KID} (?:\w+ ){{0,2}}(?:n est pas|pas) rentre\w* (?:de|depuis)\b",
        rf"\b{_KID} (?:\w+ ){{0,2}}(?:didn t|did not|hasn t|has not) come (?:back|home)\b",
        rf"\b(?:message|photo|video)\w* (?:bizarre|sexuel\w*|intime\w*|nue|nu|obscene\w*) (?:\w+ ){{0,2}}{_KID}\b",
        r"\b(?:ran|run) away from home\b",
        rf"\b{_KID} (?:a ete|est|ont ete|sont) (?:enleve\w*|kidnapp\w*)\b(?! de (?:la|le|l|sa|son|ses|mes|ma|mon)\b)",
        rf"\bkidnapp\w* (?:\w+ ){{0,1}}{_KID}\b",
        # Lost himself, not lost something: « weldi tlef lia », not « weldi tlef lkarta dyalo ».
        rf"\b{_KID} (?:\w+ ){{0,2}}(?:ghber|ghbar|tlef|tlf)\w*(?: (?:lia|liya|lina|mn|men|f|fi|hadi|depuis|lbar7|lbare7)\b|$)",
        r"(?:ولدي|بنتي|ابني|طفلي|ولادي|بناتي) (?:\S+ ){0,2}(?:تلف|غبر|ضاع|اختفي|اختفت|مختفي)(?:\s+(?:ليا|لينا|من|في|ف|هادي|البارح)\S*|\s*$)",
    ),
    SHELTER: _rx(
        # Batch 17: put out with one's bags tonight, a stairwell, sleeping in the car (in Arabic).
        r"\bm a (?:mi|mise|jete|jetee) a la porte\b(?:(?: \w+){0,5} (?:ce soir|cette nuit|aujourd hui))",
        r"\bm a (?:mi|mise|jete|jetee) a la porte avec (?:mes|les) (?:valise|affaire|enfant|bebe)\b",
        r"\bsleep\w* (?:in|on) (?:a|the) (?:stairwell|staircase|stair|hallway|basement|car park|bus stop|station)\b",
        r"(?:ناعس|نرقد|راقد|كنباتو|نباتو|كنعسو)\S* (?:ف|في|فال)(?:الطوموبيل|طوموبيل|السياره|الطونوبيل|الزنقه|الشارع)",
        r"\b(?:dor|dort|dormir|dorme|dormon|dormons|passe la nuit|passer la nuit) (?:\w+ ){0,2}(?:dehor|dans la rue|a la rue|exterieur)\b",
        r"\bdormir dans (?:ma|la|une|notre) voiture\b",
        r"\b(?:dor|dort|dormir|dorme|dormon|dormons|dormi|passe la nuit|passer la nuit) (?:\w+ ){0,1}(?:dans|a) (?:la|une|un) (?:gare|parc|cage d escalier|tente|squat|voiture|hall)\b",
        r"\b(?:dor|dort|dormir|dormon|dormons|dormi) (?:\w+ ){0,1}sous (?:un|le|les|une) (?:pont|tente|porche)\b",
        r"\bsleep\w* (?:in|at) (?:my|the|our|a) (?:train |bus )?(?:car|station|park|tent)\b",
        r"\bou aller ce soir\b", r"\b(?:n a|n ai|n avon) nulle part\b(?! (?:ou|pour) (?:ranger|mettre|garer|stocker))",
        r"\b(?:i|we) have nowhere\b(?! to (?:park|put|store|study|work|go (?:for|to get|with|about)))",
        r"\bbla dar (?:had lila|had lil|lyoum|lyouma)\b",
        r"بلا (?:دار|سكن) (?:هاد |هذه )?(?:الليله|اليوم)",
        r"\b(?:rani|ana|ra) barra m3a (?:wladi|drari|bnati|weldi|binti|mrati)\b",
        r"\bplus de logement depuis\b",
        r"بقي(?:ت|نا) بلا (?:دار|سكن)",
        r"\bb[q9]it(?:na)? bla (?:dar|sakan)\b",
        r"\bnulle? part ou aller\b(?! pour)", r"\bexpulse\w* (?:ce matin|aujourd hui|hier|ce soir|cette nuit)\b",
        r"\b(?:on est|nous sommes|je suis|je me retrouve|on se retrouve) (?:\w+ ){0,1}dehor(?: (?:avec|depuis|ce soir|cette nuit)\b|$)",
        r"\bsleep\w* outside\b(?! (?:of|the))", r"\bsleep\w* in a park\b",
        r"\b(?:f|fi) (?:chare3|chari3|zen9a|zenqa) (?:had lil|had lila|lil)\b",
        r"\b(?:kicked|thrown|put) (?:us |me )?out\b(?! of (?:the|a|this) (?:meeting|class|shop|group|queue|line|site|website|app|game|team|bar|club)\b)",
        r"\b(?:we are|we re|i am|i m|im) (?:\w+ ){0,1}outside (?:with|tonight|now|in the cold)\b",
        r"\b(?:suis|sommes|est|sont|retrouve|retrouvee|me retrouve|on est|je me retrouve) (?:\w+ ){0,1}a la rue\b(?! (?:de|du|des|d|victor|jean)\b)",
        r"\bsans (?:abri|domicile|toit)\b", r"\bsdf\b", r"\bpas de toit\b",
        r"\b(?:nulle part|nul part|pas d endroit|aucun endroit|pas de place|pas de lieu) (?:\w+ ){0,2}(?:dormir|dormi|dor|la nuit)\b",
        r"\bou dormir\b", r"\bhebergement d urgence\b",
        r"\b(?:sleep\w*|living|live) (?:on|in) the street\b",
        r"\bnowhere to (?:sleep|stay|go tonight)\b",
        r"\bhomeless\b",
        r"\bsleeping rough\b",
        r"\bno place to (?:sleep|stay|go)\b(?! (?:for|to get|with|about))",
        r"\bevicted (?:today|this morning|tonight)\b",
        r"\b(?:vit|vivon|vivons|habite\w*|on vit) dans (?:une|la|notre|ma) (?:voiture|tente|cave|gare)\b",
        r"\bnowhere to (?:go|live)\b(?! (?:for|to get|with|about))",
        r"\b(?:m|nous|me) (?:a |ont |avon )?(?:mis|mise|jete|jetee|fout\w*) dehor\b",
        r"\btr[ae]?do?u?(?:na|ni) (?:mn|men|m) (?:dar|ddar|l?bit|l?appart)\b",
        r"\bma ?3a?nd(?:i|na)(?:ch|sh)? fin n(?:mchi|mchiw|bat|batu|3es|skon|sknu)\b(?! (?:l|la|le|lel|3nd|ila|l3nd|had|f|fi)\b)",
        r"طردو(?:نا|ني) من (?:الدار|البيت|السكن|الشقه)",
        rf"{_NOT_HAVE_AR} (?:فين|وين) (?:نمشي|نمشيو|نبات|نباتو|نسكن|نعس)(?!\s*(?!الليله|اليوم)(?:ل|ال|عند|الي)\S*)",
        r"(?:فين|وين|اين) (?:نعس|ننعس|نبات|نرقد|انام|ننام)",
        r"(?:انام|ننام|نعس|ننعس|نبات|نايم|ناعس|نرقد)\S* (?:\S+ )?(?:في |ف)?(?:ال)?(?:شارع|زنقه)",
        rf"(?:{_NOT_HAVE_AR}|ليس لدي|ليس عندي) (?:\S+ )?مكان (?:ا|ن)نام",
        r"بلا سكن|بدون ماوي",
        r"\bfin (?:nn3es|n3es|nbat|nna3s|nn3as|n3as|nrged)\b",
        r"\b(?:n3es|nn3es|na3es|nbat|n3ess|na3s|nbatu|nn3su) (?:f|fi) (?:zen9a|zenqa|znqa|zan9a|zanqa|chare3|chari3|lkhla|lkhela|l?gare|lmahatta|tomobil|tonobil|ttomobil)\b",
    ),
    FOOD: _rx(
        # Batch 17: only bread for days, nothing left to eat (in Arabic).
        r"\bne mang\w* (?:que|plus que|rien que) du pain\b",
        r"ما ?بقا(?:ش)? (?:عندنا|عندي) (?:حتي )?(?:حاجه|شي|والو) (?:ن)?(?:ناكل|ناكلو|ناكلوها|ناكلها|نوكلو)",
        r"\b(?:rien|pas|plus rien|plu rien|quoi|de quoi) (?:a |de quoi |d )?manger\b",
        r"\b(?:ai|ont|avon|avons|a|as|est) (?:tres |trop |si )?faim\b", r"\bcrev\w* de faim\b",
        r"\bmourir de faim\b", r"\bmeur\w* de faim\b",
        r"\b(?:pas|rien) mange (?:depuis|de la journee|aujourd)\b",
        r"\b(?:deux|troi|quatre|cinq|plusieur|[2-9]) jour (?:\w+ ){0,4}(?:pas|rien) mange\b",
        r"\bma ?(?:3ndi|3andi|3ndna|3andna)? ?ma ?n(?:wekkel|wkkel|wakel|wkel|wekel)\b",
        r"ما ?(?:عندي|عندنا)? ?ما ?(?:نوكل|نوكلو)",
        r"\bnothing to eat\b", r"\bno food\b(?! bank)", r"\b(?:am|are|is|re|m|s) (?:so |very )?hungry\b",
        r"\bstarving\b(?! for)",
        r"ما ?ناكل|ماناكل|جوعان|جيعان|جايع|ما عندي ما ناكل",
        r"\bma ?(?:3ndi|3andi|3ndna|3andna)? ?ma ?n?akol\w*\b",
        r"\bmanakol\w*\b",
        r"\bpleur\w* de faim\b",
        r"\b(?:no|not|didn t|did not) eat (?:since|for)\b",
        r"\bje ne mange plus\b(?! (?:de|d|du|la|le|les)\b)",
        r"\b(?:have|has) not eaten\b",
        rf"{_NOT_HAVE_AR} (?:حتي )?(?:خبز|الخبز|ماكله|الماكله|اكل|الاكل|طعام|الطعام)(?! (?:حلال|فال|في ال|بال))",
        r"\brien a donner a manger\b",
        r"\b(?:don t|dont|do not|doesn t) have (?:anything|any food) to eat\b",
        rf"{_NOT_HAVE_AR} (?:شي|حاجه) (?:ن)?(?:ناكل|اكل|ناكلو|نوكل|نوكلو)",
        r"\bma ?3a?nd(?:i|na|hom|hum|o|ha)(?:ch|sh)? ma ?(?:n|y|t)?akl\w*\b",
        r"\bmange\w* (?:qu )?une (?:seule )?fois par jour\b",
        r"\bgo\w* to (?:bed|sleep) hungry\b",
        r"\bsaut\w* (?:des |les |un )?repas\b",
        r"\b(?:can ?t|cannot|can not|unable to) feed (?:my|our|the) (?:kid|child|children|family|baby|son|daughter)\b",
        rf"{_NOT_HAVE_AR} (?:حتي )?(?:باش|ما) ?(?:نوكل|ناكل|نوكلو)",
        r"\bma ?kayn(?:ch|sh)? (?:ma|mat) ?n?akl\w*\b",
        r"ما ?كاين(?:ش)? ما ?(?:ناكل|نوكل|نكلو)",
        r"\bnakol ma ?3ndi walo\b", r"\bji3an\w*\b", r"\bjay3\w*\b",
        r"\b(?:not|haven t|havent|hasn t|hasnt|didn t|didnt) (?:eaten|eat) (?:anything |for |since |in )",
        r"\bma ?kl(?:it|ina|aw|at|a)(?:ch|sh)? (?:\w+ ){0,1}(?:walo|hta haja|7ta haja|ta haja|chi haja|yomayn|youmayn|jouj iyam)\b",
        r"ما ?كل(?:يت|ينا|او|ات|ا)(?:ش)? (?:\S+ ){0,1}(?:والو|حتي حاجه|ولا حاجه|يومين|جوج ايام|من البارح)",
        r"\b(?:haven t|havent|have not|hasn t|hasnt|had not|hadn t) (?:had|eaten) (?:any )?(?:food|anything)\b",
        r"لم (?:اكل|ناكل|ياكل) (?:شيا|شي|منذ)",
    ),
}
# Said about something else: these contexts cancel a category's match.
EXCEPT: dict[str, Rules] = {
    FOOD: _rx(r"\b(?:ai|ont|avon|a|as) faim\b(?: \w+){0,6} (?:resto|restaurant|snack|kebab|pizza|mcdo|macdo|boulangerie)\b",
              r"\bfaim de (?:savoir|connaitre|reussite|victoire|gagner|culture)\b"),
    MEDICAL: _rx(r"\boverdose (?:on|of|de) (?:coffee|cafe|chocolate|chocolat|sugar|sucre|work|travail|netflix?)\b"),
    CHILD: _rx(r"\bfugu\w* (?:\w+ ){0,8}(?:est|sont) (?:rentre\w*|revenu\w*|retrouve\w*)\b",
               r"\b(?:s est|se|s etait) (?:\w+ )?cogn\w*(?: \w+){0,4} en jouant\b"),
    SHELTER: _rx(
        r"\b(?:dormi|dort|dormir)\w* dans (?:la|une|notre|ma) voiture pendant (?:le|les|notre|nos) (?:voyage|vacance|trajet|route|camping)\b",
        r"\b(?:site|appli\w*|page|compte|serveur|logiciel|jeu) (?:\w+ ){0,2}(?:m|nous|me) (?:a |ont )?(?:mis|jete|jetee|fout\w*) dehor\b",
    ),
    VIOLENCE: _rx(
        r"\bfrap\w* (?:a|à) la porte\b", r"\bfrap\w* (?:un|le|mon) (?:texte|code|clavier)\b",
        r"\bje me bat\w*\b", r"\bme bat\w* pour\b", r"\b(?:je me suis|me suis|on s est|nous nous sommes|s est) (?:\w+ )?enferm\w* dehor\b",
        r"\bm a enferm\w* dehor(?: \w+){0,6} (?:en partant|par erreur|sans faire expre|par accident|cle)\b", r"\bagress\w* verbalement\b",
        r"\bbattu\w* (?:aux|au|a la) (?:carte|jeu|echec|tenni|foot|course)\w*\b",
        r"\bfrapp\w* d etonnement\b",
        r"\bmenac\w* de (?:m |nous )?(?:expuls\w*|mettre dehor|virer|couper|porter plainte|resilier)\b",
        r"هدد(?:ني|نا) (?:\S+ )?(?:بالطرد|الطرد|يطلعني|يطلعنا|يخرجني|يخرجنا|يطردني|يطردنا|بالخروج)",
        r"\bhit (?:me|us) up\b", r"\b(?:tape|tapent|tapait) sur (?:les nerf|le systeme)\b", r"\bkill me if i (?:m |am )?(?:late|forget|miss|lose|fail|break)\b",
        r"\bthreaten\w* (?:me|us) with (?:a |an )?(?:fine|eviction|court|debt|bailiff|penalt\w*|expulsion|cutting|suspension)\b",
        r"\bfrapp\w* par (?:sa|ca|son|ses|la|le) (?:generosite|gentillesse|beaute|intelligence|reponse|nouvelle)\b",
        r"\bme tue (?:ce|ces|le|la|les)\b", r"\b(?:ca|sa|cela) me tu\w*\b",
    ),
}
# Subjects telling "il va me tuer" (violence) from "je vais me tuer" (suicide).
SELF_KILL = re.compile(rf"\b{_JE} (?:\w+ ){{0,3}}me tuer\b")
# Who is hurt when a child and violence are both named: « on me frappe » is an adult, « il frappe
# mes enfants » a child (the child line, with the police numbers).
ADULT_HIT = re.compile(rf"\b(?<!je ){_ME} (?:\w+ ){{0,2}}?{_HIT}\b|\ben danger\b(?! .*{_KID})")
KID_IN_DANGER = re.compile(rf"{_KID} (?:\w+ ){{0,2}}en danger")
