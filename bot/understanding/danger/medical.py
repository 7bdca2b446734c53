"""A medical emergency: someone who does not breathe, bleeds, has swallowed something, collapsed… Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import BROKEN, KID, PERSON, SOMEONE

PATTERNS: tuple[str, ...] = (
    # Batch 27: a pregnant wife bleeding a lot (Arabic).
    r"(?:كي|كت|ك|ت|ي)?نزف\S* (?:بزاف|كثير|الدم)",
    # Batch 26: fallen down the stairs and not answering; a coin swallowed, unable to breathe (Arabic); a child
    # who ate someone else's medicine (Darija).
    r"\bfell (?:down|off|from) (?:the )?(?:stair|ladder|bed|chair)\w*\b(?: \w+){0,4} (?:not (?:answering|moving|breathing|waking)|unconscious|isn t (?:moving|answering|breathing))\b",
    r"(?:لا|ما) ?(?:يستطيع|تستطيع|نستطيع) ?(?:التنفس|يتنفس|تتنفس)(?! (?:بال|من ال|ب)?(?:انف|نيف|خشم))",
    r"(?:ابتلع|ابتلعت|بلع|بلعات|بلعت)\S* (?:\S+ )?(?:قطعه|بيسه|حجره|بطاريه|مغناطيس|عظمه|حاجه)",
    rf"\b{KID}\b (?:\w+ ){{0,1}}kla\w* (?:\w+ ){{0,1}}(?:dwa|dowa|doua|l?ktachat|l?hbob|l?7bob)\b(?! (?:dyalo|dyalha|li 3tah|li 3tatou|li 9al)\b)",
    # Batch 25: a face drooping on one side; a wife giving birth now (Darija).
    r"\b(?:visage|bouche) (?:qui )?(?:tombe|tordu\w*|paralys\w*|de travers)\w*\b(?! de (?:fatigue|sommeil)\b)", r"\bface (?:is )?droop\w*\b",
    r"\b(?:kat|ka|ta|bdat t)wled (?:daba|drok|dork|db)\b",
    # Batch 24: blood coming out of the head after a fall (in Arabic).
    r"(?:كيخرج|يخرج|خارج|كيسيل|يسيل)\S*(?: ليه| ليها| ليا| منو| منها)? (?:ال)?دم (?:\S+ )?(?:من|م) ?(?:راس|ودن|فم)\S*",
    # Batch 23: breathing badly and turning blue; a child burning with fever and vomiting (Darija).
    r"\b(?:respire|respirer)\w* (?:\w+ )?(?:mal|plus|pas|difficilement)\b(?: \w+){0,3} (?:devient|devenu\w*|vire|est) (?:tout |toute )?(?:bleu|violet)\w*\b",
    rf"\b{KID}\b(?: \w+){{0,2}} (?:skhoun|s5oun|sokhoun|skhouna|s5ouna)\w* bzaf (?:w|o) (?:kayrje3|kayrj3|katrje3|kaytqiya|kayt9ia|kayrjef|katrjef)\b(?! (?:mn|men|l|ldar|f|fi|m3a)\b)",
    # Batch 22: a leg that no longer moves, a child who swallowed adults' medicine (in Arabic).
    r"\b(?:jambe|bras?|main|visage|bouche|cote|pied) (?:\w+ ){0,2}ne bouge (?:plus|pas|plu)\b(?! (?:trop|tres|bien|beaucoup|comme avant)\b)",
    r"(?:بنتي|ولدي|ابني|الطفل|الولد|البنت|بنت|ولد|الدري|الدريه)\s(?:\S+ )?(?:كلا|كلات|شرب|شربات|بلع|بلعات)\S* (?:\S+ ){0,2}(?:دوا|الدوا|دواء|الدواء|حبوب|الحبوب|كينه)",
    # Batch 21: a head bleeding after a fall, a wife giving birth now.
    r"\b(?:ras\w*|wjh\w*|fomm\w*) (?:kay|ka|ki|ta)?d[ae]?m+[ie]\b(?! (?:chwiya|chwia|shwiya|ghir chwiya)\b)", r"(?:راس|وجه|فم)\S* (?:كي|ك|ت|كت)?دمي\b",
    r"(?:مراتي|مرتي|زوجتي|مرات خويا|بنتي|اختي) (?:\S+ )?(?:كتولد|غاتولد|بدات تولد)",
    # Batch 20: a friend who collapsed and « is not waking up ».
    r"\b(?:my|our|a) (?:friend|neighbour|neighbor|colleague|cousin|brother|sister|son|daughter|grandmother|grandfather|grandma|grandpa) (?:has |just )?(?:collapsed|fainted)\b(?! (?:last|yesterday|once|before|in the past|laughing)\b)(?! (?:on|onto|into) (?:the |my |his |her |our )?(?:sofa|couch|bed)\b)",
    (r"\b(?:he|she|friend|neighbour|neighbor|husband|wife|mother|mum|mom|father|dad|son|daughter|baby|child|kid|"
     r"brother|sister|grandma|grandpa|grandmother|grandfather|partner|colleague)\b(?: \w+){0,5} (?:is not|isn t|not) "
     r"(?:wak|waking) up\b(?! (?:for|in time|on time|early|before|when)\b)"),
    # Batch 19: no longer breathing well, about to give birth, fell and no longer answers (Darija).
    r"ما ?بقا\S* (?:\S*قدر )?(?:كي|كت|ي|ت)تنفس", r"غادي تولد (?:دابا|دروك|الان|دغيا)", r"\bghadi t?wled (?:daba|drok)\b",
    r"\bt[ae]?y?7(?:at|et)? (?:\w+ ){0,2}(?:w )?ma (?:b[q9]at(?:ch)? )?(?:kat|kay|ka)?(?:jawb|jaweb|tkellem|t7rrk|fi9)\w*\b",
    # Batch 18: a battery swallowed, a baby on its way, rat poison eaten.
    r"\bswallow\w* (?:a|the|some) (?:battery|magnet|coin|button|bleach|pill|tablet)\b(?! (?:last|in the past|a (?:week|month|year|few)|year ago|when))", r"\bbaby is coming\b",
    r"\b(?:dwa|dowa|sem+) (?:dyal |d )?l?far\b", r"(?:دوا|سم) (?:ديال )?(?:ال)?فار\b", r"\bmort aux rat\b",
    *BROKEN,
    # Batch 17: pain down the left arm, not responding, fell and shaking, convulsing in Darija.
    r"\b(?:douleur|mal)\w* (?:\w+ ){0,3}bras gauche\b(?: \w+){0,8} (?:transpir\w*|sueur|poitrine|essouffl\w*|malaise|vomi\w*)\b",
    r"\b(?:transpir\w*|sueur|poitrine|essouffl\w*|malaise)\b(?: \w+){0,8} bras gauche\b",
    (rf"\b(?:{SOMEONE}|friend|my \w+) (?:\w+ ){{0,6}}(?:is |s )?(?:not|isn t|isnt|stopped) respond\w*\b"
    r"(?! to (?:my |the |our |your )?(?:email|mail|message|letter|call|text|phone))"),
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
    (rf"\b{SOMEONE} (?:\w+ ){{0,6}}(?:won t|will not|doesn t|does not|isn t|can t) (?:wake|waking) up\b"
    r"(?! (?:for|in time|early|on time|in the morning|before))"),
    r"طاح\S* (?:\S+ )?و?ما ?بقا\S* (?:كي|كت|ي|ت)(?:جاوب|تكلم|تحرك|نوض)",
    # Batch 13: a fall with no getting up, half a face dropped, a child who ate an adult's pills.
    r"\btombe\w* (?:\w+ ){0,4}(?:ne )?(?:se releve|peut (?:plus|pas) se (?:relever|lever))\b",
    r"\bface (?:is |has )?(?:dropp\w*|droop\w*|fallen|gone numb|paralys\w*|paralyz\w*)\b",
    rf"\b{KID} (?:\w+ ){{0,1}}kla\w* (?:\w+ ){{0,1}}(?:dwa|dowa|doua|l?hbob|l?7bob) dyal (?:jd+\w*|mm\w*|bb\w*|baba|mama|khal\w*|3amm?\w*|jaddi|jadda)\b",
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
    rf"\b{SOMEONE} (?:is |s )choking\b(?! on (?:her|his|my|their) word)",
    r"راس\S* (?:كي|كت|ي|ت)سيل",
    r"(?:^|\s)(?:ما ?|لا |م)(?:كي|كا|كت|ك|ي|ت)?تنفس",  # « مكيتنفسش », glued negation
    rf"\b(?:il|elle|{PERSON}|{KID}) (?:\w+ ){{0,2}}(?:ne )?(?:bouge|reagit|repond) plus\b(?! (?:au|a mes|a nos|aux|a mon|a ma) (?:telephone|message|appel|mail|sms|lettre|courrier|portable))",
    rf"\b{SOMEONE} (?:is |s )?(?:not|isn t|isnt) moving\b",
    rf"\b{SOMEONE} (?:has |just )?(?:collapsed|fainted)\b(?! (?:last|yesterday|once|before|in the past)\b)",
    r"\bne se reveille plus\b", r"\b(?:mari|femme|pere|mere|fils|fille|bebe|frere|soeur|il|elle) ne se reveille pas\b(?! (?:le matin|pour|a l heure|a temps|avant|tot|quand|avec|le|la))", r"\b4[0-2] (?:de |degre )?(?:de )?fievre\b",
    r"\btombe\w* (?:\w+ ){0,3}ne (?:repond|bouge|reagit|respire|parle) (?:plus|pas)\b",
    r"\bbrul\w* (?:\w+ ){0,3}(?:huile|eau) bouillante\b", r"\bburn\w* (?:\w+ ){0,2}boiling\b",
    r"\b(?:pri|mange|avale) (?:tous?|toute|toutes|plein de|beaucoup de) (?:mes |ses |les |de )?(?:medicament|cachet|comprime|pilule)\w*",
    r"\bkla\w* (?:\w+ ){0,1}(?:dwa|dowa|doua|l?ktachat|l?hbob|l?7bob)\b(?: \w+){0,2} (?:bzaf|kamlin|kolchi)\b",
    r"(?:كلا|كلات|بلع|بلعات|شرب|شربات)\S* (?:ال)?(?:دوا|دواء|حبوب)(?:\s\S+){0,2}\s(?:بزاف|كثير|كامل|كلو)",
    rf"\b{KID} (?:est |devient )?(?:tout |toute )?(?:bleu|violet)\b",
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
    r"ما ?(?:قادر|قادره|قادرش|قادراش|يقدر|كيقدر|تقدر|كتقدر)\S* (?:ي|ت|ن)تنفس(?! (?:بال|من ال|ب)?(?:انف|نيف|خشم))",
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
)
