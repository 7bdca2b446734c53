"""Nowhere to sleep tonight. Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import NOT_HAVE_AR

PATTERNS: tuple[str, ...] = (
    # Batch 27: sleeping in a station (Arabic), thrown into the street (Darija).
    r"(?:كنبات|نبات|كنرقد|نرقد|كنعس|نعس|بت|بتنا|رقدت|كنباتو|كنعسو)\S* (?:ف|في ?)(?:ال)?(?:محطه|لاكار|جامع|حديقه|جرده|زنقه|شارع|قنطره)\S*(?!(?: \S+){0,4} (?:حيت|لان|حتي) ?(?:تاخر|ضاع|فاتني|فاتنا))",
    r"\b(?:tl[ae]?7|tlou7|lo7|lou7)\w* (?:f|fi) (?:zen9a|zenqa|znqa|zan9a|chare3|lkhla)\b",
    # Batch 26: in a station with the children since yesterday.
    r"\b(?:dans|a) (?:une|la) gare depuis (?:hier|\d+ (?:jour|nuit)|ce matin|cette nuit)\w*\b(?!(?: \w+){0,6} (?:greve|train|retard|correspondance)\w*)",
    # Batch 25: thrown out tonight (English), sleeping in a mosque for want of a home (Arabic).
    r"\bthrew (?:me|us) out\b(?! of (?:the|a|this) (?:meeting|class|shop|group|queue|line|site|website|app|game|team|bar|club)\b)",
    r"(?:نرقد|نبات|نعس|كنرقد|كنبات|كنعس|راقد|ناعس)\S*(?: \S+){0,2} (?:حيت|لان|حتي|و) (?:ما ?عندي ?ش?|ماعنديش) (?:دار|سكن|فين (?:نبات|نرقد|نعس))\b",
    # Batch 22: put out of a shelter's door, sleeping on a station's stairs.
    r"\b(?:mis|mettre|mise|jete\w*|vire\w*) a la porte (?:de (?:l hotel|l hebergement|chez|la maison|l appart\w*|notre|mon|ma|du foyer|du centre|du logement)|ce soir|avec (?:mes|les|nos) enfant)",
    r"\b(?:dor|dort|dormir|dorme|dormon|dormi)\w* (?:\w+ ){0,1}dans les (?:escalier|couloir|rue|parc|hall)\w*\b(?! de (?:la maison|chez|notre|mon|ma|l appart\w*)\b)(?!(?: \w+){0,6} en jouant\b)",
    # Batch 20: in the street with one's children (said alone, « ana f zen9a » is « I'm outside »).
    r"\b(?:ana|rani|ra|ahna|7na) (?:f|fi) (?:zen9a|zenqa|znqa|zan9a|zanqa|chare3|chari3) (?:m3a|b) (?:wladi|drari|wlidati|lwlad|bnti|weldi|wldi|rajli|mrati)\b(?!(?: \w+){0,3} (?:ghadi|ghad|ghan|rayhin|ray7in|mchin|jayin|nmchiw|nchriw|lmarche|marche|lmadrasa|lecole|l9raya|sou9|lsou9|hanout)\b)",
    r"(?:انا|راني|حنا|رانا) (?:ف|في|فال)(?:ال)?(?:زنقه|شارع) (?:مع|ب)(?:ولادي|الولاد|الدراري|بنتي|ولدي|راجلي|مرتي)(?!(?: \S+){0,3} (?:غادي|غاديين|ماشيين|جايين|للسوق|السوق|للمدرسه|المدرسه|للحانوت)\b)",
    # Batch 18: outside in the rain with a baby, a tent for a week.
    r"\b(?:suis|sommes|est) dehor (?:\w+ ){0,3}avec (?:mon|ma|mes|nos|notre) (?:bebe|enfant|fils|fille|petit)\w*\b",
    r"\b(?:sleeping|living) in a tent\b(?!(?: \w+){0,4} (?:camping|holiday|vacation|festival))",
    r"\b(?:dort|dormon|dormons|vit|vivon|vivons) (?:sous|dans) (?:une|la) tente\b(?!(?: \w+){0,4} (?:camping|vacance|festival))",
    # Batch 17: put out with one's bags tonight, a stairwell, sleeping in the car (in Arabic).
    r"\bm a (?:mi|mise|jete|jetee) a la porte\b(?:(?: \w+){0,5} (?:ce soir|cette nuit|aujourd hui))",
    r"\bm a (?:mi|mise|jete|jetee) a la porte avec (?:mes|les) (?:valise|affaire|enfant|bebe)\b",
    r"\bsleep\w* (?:in|on) (?:a|the) (?:stairwell|staircase|stair|hallway|basement|car park|bus stop|station)\b",
    r"(?:ناعس|نرقد|راقد|كنباتو|نباتو|كنعسو)\S* (?:ف|في|فال)(?:الطوموبيل|طوموبيل|السياره|الطونوبيل|الزنقه|الشارع)",
    r"\b(?:dor|dort|dormir|dorme|dormon|dormons|passe la nuit|passer la nuit) (?:\w+ ){0,2}(?:dehor|dans la rue|a la rue|exterieur)\b",
    r"\bdormir dans (?:ma|la|une|notre) voiture\b",
    # Said in the present or the past, of one's own car (found while reading English situations: « i slept in my car »).
    r"\b(?:dor|dort|dormi|dormon|dormez) dans (?:ma|notre|ca|mon) (?:voiture|bagnole|caisse|camionnette)\b(?! (?:de|en) (?:poupee|jouet|course|plastique)\b)",
    r"\bslept (?:in|at) (?:my|the|our|a) (?:car|van)\b(?! (?:on the way|during|while|for the (?:trip|journey|drive))\b)",
    r"\b(?:dor|dort|dormir|dorme|dormon|dormons|dormi|passe la nuit|passer la nuit) (?:\w+ ){0,1}(?:dans|a) (?:la|une|un) (?:gare|parc|cage d escalier|tente|squat|voiture|hall|parking)\b",
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
    rf"{NOT_HAVE_AR} (?:فين|وين) (?:نمشي|نمشيو|نبات|نباتو|نسكن|نعس)(?!\s*(?!الليله|اليوم)(?:ل|ال|عند|الي)\S*)(?!\s*(?:نخلص|ندير|نسول|نقرا|نخدم|نصاوب|نطبع|نجيب|نشري|نصور))",
    r"(?:فين|وين|اين) (?:نعس|ننعس|نبات|نرقد|انام|ننام)",
    r"(?:انام|ننام|نعس|ننعس|نبات|نايم|ناعس|نرقد)\S* (?:\S+ )?(?:في |ف)?(?:ال)?(?:شارع|زنقه)",
    rf"(?:{NOT_HAVE_AR}|ليس لدي|ليس عندي) (?:\S+ )?مكان (?:ا|ن)نام",
    r"بلا سكن|بدون ماوي",
    r"\bfin (?:nn3es|n3es|nbat|nna3s|nn3as|n3as|nrged)\b",
    r"\b(?:n3es|nn3es|na3es|nbat|n3ess|na3s|nbatu|nn3su) (?:f|fi) (?:zen9a|zenqa|znqa|zan9a|zanqa|chare3|chari3|lkhla|lkhela|l?gare|lmahatta|tomobil|tonobil|ttomobil)\b",
)
