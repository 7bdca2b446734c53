"""A child in danger: beaten, touched, missing, left alone. Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import HIT, KID

PATTERNS: tuple[str, ...] = (
    # Batch 27: a shaken baby, a girl forced to marry.
    r"\bbaby (?:was |is |got |been |has been )*shaken\b",
    r"\b(?:teenage\w*|\d+ year old|minor|underage|my daughter|her daughter|his daughter)\b(?: \w+){0,4} (?:forced|made) to marry\b",
    # Batch 26: cigarette burns on a child, dirty videos shown to a son, a father tormenting his children (Arabic).
    rf"\b{KID}\b(?: \w+){{0,6}} (?:brulure|trace|marque)\w* (?:de )?cigarette\w*\b",
    rf"\bmontr\w* (?:des |de )?(?:video|photo|image|film)\w* (?:sale|porno\w*|sexuel\w*|obscene\w*|x)\w* (?:a|au) (?:mon|ma|mes|un|une|notre|nos|son|ca|ses) {KID}\b",
    r"(?:كي|ك|ي|ت|كت)?عذب (?:ولاد|اولاد|دراري|بنات|الطفل|الولد|البنت|ولد|بنت)\S*",
    # Batch 25: a girl sleeping outside, children left alone for days, a neighbours' child always beaten (Arabic).
    r"\b(?:fille|garcon|enfant|gamin|gamine|petit|petite|bebe|ado)\b(?: de \d+ an\w*)? (?:\w+ ){0,2}dort (?:dehor|dans la rue|a la rue)\w*\b(?!(?: \w+){0,3} (?:tente|camping|jardin|colo|camp)\b)",
    r"\b(?:kid|kids|child|children|baby|toddler)\b(?: \w+){0,2} (?:are|is|were|was|get|got) (?:left )?(?:home )?alone (?:for (?:day|hour|week|the whole|all)\w*|all (?:day|night)|overnight)\b",
    r"(?:الدري|الدريه|الولد|البنت|الطفل|الطفله|دري|دريه)(?: \S+){0,4} (?:ديما |دايما |كل نهار )?(?:مضروب|مضروبه)\b(?! علي)",
    # Batch 24: a man asking a girl for photos, a baby crying for hours with nobody answering, children left
    # without food (Darija), a man sending a girl messages (Arabic).
    rf"\b(?:homme|inconnu|adulte|mec|type|monsieur)\b(?: \w+){{0,4}} {KID}\b(?: \w+){{0,10}} demand\w* (?:des |de |une |sa |ses )?(?:photo|video)\w*\b(?! d identite)",
    r"\b(?:toddler|baby|child|kid|little one)\b(?: \w+){0,2} (?:is |s )?(?:all )?alone on (?:the|a|her|his) balcony\b(?! with (?:me|us|her|him|my|his|her)\b)",
    r"\bbebe\b(?: \w+){0,4} pleure\w* depuis (?:des heure\w*|\d+ heure\w*|hier|ce matin|toute la (?:nuit|journee))\b(?: \w+){0,4} personne (?:ne )?(?:repond|ouvre|vient|s en occupe)\b",
    r"(?:بنتي|ولدي|ابني|ابنتي)(?: \S+){0,6} (?:راجل|رجل|شي واحد)\S*(?: \S+)? (?:كي|ك|ي|ت)?(?:صيفط|بعث|رسل)\S* (?:ليها|ليه|لها|له) (?:ميساجات|رسايل|تصاور|صور)",
    r"\b(?:drari|wlad|dri|bnat)\b(?: \w+){0,3} (?:bou7d|bo7d|bw7d|bou7ed)\w*(?: \w+){0,3} bla (?:makla|mak?la|ma ykoulo|ma yaklo)\b",
    # Batch 23: a child locked outside, a neighbour beating his own children, a son gone out and not back (in Arabic).
    r"\b(?:kid|child|children|boy|girl|baby|toddler)\b(?: \w+){0,4} (?:locked|left|shut) (?:outside|out)\b(?! of (?:the |his |her |my |their )?(?:game|chat|account|app|group|class)\b)",
    r"(?:كي|ك|ي|ت|كت)ضرب (?:ولاد|اولاد|دراري|بنات)(?:و|ه|ها|هم)\b(?! ?(?:ف|في|فال|بال) ?(?:البلايستيشن|الكوره|اللعب|الماتش|الكارطه|الضامه|\S*بلايستيشن))",
    r"(?:ولدي|بنتي|ابني|ابنتي|طفلي|ولادي) (?:خرج|خرجت|خرجات|مشا|مشي|مشات)(?: \S+){0,3} (?:وما|و ما|ولم|و لم|ومازال ما|ومزال ما) ?(?:رجع|رجعش|رجعات|رجعاتش|رجعوش|يرجع|ترجع|يرجعش|ترجعش)\b(?! (?:ليا|لي)\b)",
    # Batch 22: a child hit with a belt by a parent, told in English.
    r"\b(?:dad|father|stepdad|stepfather|mum|mom|mother|uncle|parent)\w* (?:\w+ ){0,1}(?:hit|beat|whip)\w* (?:her|him|them) with (?:a|his|her|the) (?:belt|stick|cable|shoe|wire|slipper)\b",
    # Batch 21: marks of blows on a child, a toddler hit every day, children alone since morning.
    rf"\b{KID}\b(?: \w+){{0,4}} (?:a|ont|avait) (?:des )?(?:marque|trace)\w* de coup\b(?! de (?:soleil|froid|chaud|vent|crayon|feutre)\b)",
    r"\b(?:toddler|kid|child|children|son|daughter|baby|boy|girl)\b(?: \w+){0,3} (?:and )?(?:hit|beat|slap|punch)\w* (?:him|her|them)\b(?! back\b)",
    r"\b(?:drari|wlad|dri|bnat)\b(?: \w+){0,3} (?:bou7d|bo7d|bw7d|bou7ed)\w* (?:f|fi) (?:dar|ddar|lbit)\b(?: \w+){0,2} (?:mn sba7|mn sbah|nhar kaml|lil kaml|mn lbare7|mn lbareh|had lil)\b",
    # Batch 20: a stepfather who « la touche », children crying through the wall with blows heard.
    r"\b(?:beau pere|oncle|cousin|voisin|prof|professeur|entraineur|grand pere|parrain|copain de (?:sa|ma) mere) (?:la|le|les) touch(?:e|ait|ent)?\b(?! (?:pas|jamais|plus|du|de|tous|toute|par)\b)",
    r"\benfant\b(?: \w+){0,6} (?:crient|hurlent|pleurent)\b(?: \w+){0,5} (?:de |des )?coup\b(?! de (?:fil|main|pouce|soleil|marteau|perceuse|klaxon|sifflet|tonnerre|vent)\b)",
    # Batch 19: children left alone all day, a stranger following a daughter, a neighbour's child beaten.
    r"(?:كت|ك|ت|ي|كي)?خلي\S* (?:ولاد\S*|الدراري|دراري\S*|الاطفال|بنت\S*|ولد\S*) (?:بوحد\S*|وحد\S*)",
    r"(?:راجل|واحد) (?:غريب|ما عرفتوش)\S* (?:كي|ك|ي)?تبع", r"\b(?:wld|wlad|bent|drari|tfel|tfl)\b (?:\w+ ){0,2}\w*dr[ae]?b(?:o|oh|ouh|uh|ouha|ha|hom)\b",
    # Batch 18: someone touching children, a small child beaten in the street (in Arabic).
    r"\b(?:someone|a man|a guy|an adult|a stranger) (?:is |was )?touch\w* (?:the )?(?:kid|child|children|girl|boy)\b",
    r"(?:طفل|طفله|ولد|بنت|الطفل|الولد|البنت)(?: صغير\S*)? (?:كي|ك|ي|ت)?تضرب",
    # Batch 17: a shaken baby, a toddler left out all day, a child dragged away by force.
    r"\bsecou\w* (?:\w+ ){0,1}(?:bebe|nourrisson|enfant)\b(?: \w+){0,2} (?:tres )?fort\b", r"\bshak\w* (?:the|his|her|their|my) baby\b(?! (?:bottle|formula|milk|food|blanket|toy|seat|carrier|rattle)\b)",
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
    rf"\b{KID}\b(?: \w+){{0,12}} (?:il|elle|ils) (?:le|la|les) (?:frapp\w*|bat|battent|tap\w*|maltrait\w*)\b",
    r"(?:ولد|بنت|ولاد|طفل|اطفال|الطفل|الولد|البنت|الدراري)(?: \S+){0,2} (?:كي|ك|ي|ت|كت)?ضرب(?:وه|وها|وهم)",
    # Batch 13: bruises on children in English, a child not back from school in Arabic.
    r"\b(?:kid|child|children|son|daughter|baby|boy|girl) (?:\w+ ){0,3}(?:covered in|full of|lots of|a lot of|so many) bruise\b",
    (r"(?:ولدي|بنتي|ابني|ابنتي|طفلي|ولادي) (?:\S+ )?(?:ما ?|مازال ما ?)(?:رجع|رجعات|رجعش|رجعاتش|رجعوش|جاش|جاتش|رجعت)(?!\s*(?:ليا|لي|ليه|ليها)\b)"
    r"(?:\s+\S+){0,3}\s+(?:من ?|م|لل|ل)(?:المدرس|المدرسه|الدار|البيت|السكويلا|الليسي|الكوليج)"),
    rf"\b{KID}\b (?:\w+ ){{0,4}}(?:{HIT}|en danger|disparu\w*|abu\w*)\b",
    rf"\b{HIT} (?:\w+ ){{0,2}}{KID}\b", r"\bmaltraitance\b",
    r"\b(?:hit|beat|hurt|abus|slap|kick|punch)\w* (?:his|her|their|the|my|our) (?:kid|child|children|son|daughter|baby|boy|girl)\b",
    rf"\btouch\w* (?:mon|ma|notre|nos|un|une|le|la|les) {KID}\b",
    r"\bchild abuse\b",
    rf"\b{KID} (?:is |are |has been |have been |went |gone )?(?:being )?(?:in danger|beaten|abused|hit|missing)\b",
    rf"{KID} (?:في|ف) خطر", rf"\b{KID} (?:f|fi) (?:khatar|5atar)\b",
    rf"\b{KID} (?:\w+ ){{0,4}}(?:a|ont|est|sont) fugu\w*\b",
    rf"\blaisse\w* (?:\w+ ){{0,2}}{KID}(?: de \d+ (?:an|moi))? (?:tout )?seul\w*\b",
    rf"\b{KID} (?:\w+ ){{0,5}}seul\w* (?:\w+ ){{0,3}}(?:depuis|toute la nuit)\b",
    r"\b(?:a|the) (?:child|kid|baby|little boy|little girl) (?:all )?alone\b",
    r"\bfollow\w* (?:my|our) (?:daughter|son|kid|child|children|girl|boy)\b",
    r"\btouch\w* (?:my|our|his|her) (?:son|daughter|kid|child|children|boy|girl)\b",
    r"\b(?:stranger|man|adult) (?:\w+ ){0,2}messag\w* (?:my|our) (?:\d+ year old|daughter|son|kid|child)\b",
    rf"\b{KID} h[ae]?rb(?:at|et|ou|o)? (?:mn|men) (?:dar|ddar)\b",
    rf"\b{KID} (?:\w+ ){{0,1}}\w*dr[ae]?b(?:o|ouh|oh|uh|ouha)\b",
    rf"\b{KID} (?:\w+ ){{0,5}}\w*dr[ae]?b(?:ni|ha)\b",
    rf"\b{KID} (?:\w+ ){{0,4}}(?:a|avec) des bleu\b",
    rf"\b{KID} (?:\w+ ){{0,3}}(?:was|been|being|is) touched by\b",
    rf"\b{KID} (?:t|te)?kh?t[ae]?f\b(?! (?:lih|liha|lia|lihom))",
    r"(?:ولدي|بنتي|ابني|ابنتي|طفلي) (?:\S+ )?(?:ت|ا)?(?:خطف|ختطف)",
    r"(?:طفل|طفله|ولد صغير|بنت صغيره) (?:\S+ ){0,2}(?:وحده|وحدو|بوحده|بوحدو)",
    r"(?:ولدي|بنتي|ابني|ابنتي|طفلي|ولادي) (?:\S+ )?(?:مفقود|مفقوده|ضايع|ضايعه)",
    r"\bhomme (?:\w+ ){0,2}sui[tv]\w* (?:ma|mon|mes) (?:fille|fils|enfant)\b",
    rf"\b{KID} m[7h]bou?s+\w*\b", r"(?:ولدي|بنتي|ابني|طفلي|ولادي) محبوس",
    rf"\b{KID} ma ?rj[ae]?3(?:at|ch|atch|och|ouch)\w*\b",
    rf"\b{KID} (?:\w+ ){{0,2}}(?:n est pas|pas) rentre\w* (?:de|depuis)\b",
    rf"\b{KID} (?:\w+ ){{0,2}}(?:didn t|did not|hasn t|has not) come (?:back|home)\b",
    rf"\b(?:message|photo|video)\w* (?:bizarre|sexuel\w*|intime\w*|nue|nu|obscene\w*) (?:\w+ ){{0,2}}{KID}\b",
    r"\b(?:ran|run) away from home\b",
    rf"\b{KID} (?:a ete|est|ont ete|sont) (?:enleve\w*|kidnapp\w*)\b(?! de (?:la|le|l|sa|son|ses|mes|ma|mon)\b)",
    rf"\bkidnapp\w* (?:\w+ ){{0,1}}{KID}\b",
    # Lost himself, not lost something: « weldi tlef lia », not « weldi tlef lkarta dyalo ».
    rf"\b{KID} (?:\w+ ){{0,2}}(?:ghber|ghbar|tlef|tlf)\w*(?: (?:lia|liya|lina|mn|men|f|fi|hadi|depuis|lbar7|lbare7)\b|$)",
    r"(?:ولدي|بنتي|ابني|طفلي|ولادي|بناتي) (?:\S+ ){0,2}(?:تلف|غبر|ضاع|اختفي|اختفت|مختفي)(?:\s+(?:ليا|لينا|من|في|ف|هادي|البارح)\S*|\s*$)",
)
