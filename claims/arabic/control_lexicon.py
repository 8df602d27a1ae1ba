"""The Arabic control lexicon: verb lemmas, the rules built on them, and the words around them.

Each :class:`~claims.arabic.morphology.Lemma` is named once with its stems; each
:class:`Rule` says which lemma forms make it, the preposition that introduces the place
(سيطر على, انسحب من, تقدم نحو), the action and the voice:

- ``active``: the place follows the verb, the actor stands before it (SVO) or between
  (VSO: "سيطرت قوات حفتر على سرت");
- ``fell``: "سقطت سرت بيد قوات حفتر", the place right after the verb, the actor after "بيد";
- ``under``: "سرت تحت سيطرة قوات حفتر", the place before (or inside the phrase: "تخضع
  سرت لسيطرة ..."), the actor after;
- ``expel``: "طرد الجيش داعش من الموصل": the subject took the place, the object left it;
- ``stronghold``: "X، آخر معاقل حفتر", "تعد X معقلا لقوات حفتر": the actor holds X (the
  place right before, else the first place of the sentence).

All strings are folded (:func:`claims.arabic.text.fold`): ة as ه, ى and ئ as ي, hamza
carriers as ا.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.arabic.morphology import (
    Lemma,
    lemma_pattern,
    masdar_pattern,
    past_pattern,
    present_pattern,
)

__all__ = ["ATTEMPT_RE", "BY_RE", "CIVILIANS_RE", "CONDITION_RE", "FEAR_RE", "FROM_ACTOR_RE",
           "INTENT_RE", "LEMMAS", "NEGATION_RE", "PAST_RE", "PLACE_SUBJECT_GAP_RE",
           "PLACE_SUBJECT_RE", "PLEDGE_RE", "RULES", "WARNING_RE", "STILL_RE", "Rule"]

#: Verb lemmas of control, by name (folded stems; present stems without their prefix).
LEMMAS: dict[str, Lemma] = {lemma.name: lemma for lemma in (
    Lemma("control", past=("سيطر",), present=("سيطر",), masdar=("سيطره",), transitive=False),
    Lemma("seize", past=("استولي", "استول"), present=("ستولي", "ستول"),
          masdar=("استيلاء", "الاستيلاء"), transitive=False),
    Lemma("wrest", past=("انتزع",), present=("نتزع",), masdar=("انتزاع",)),
    Lemma("recapture", past=("استعاد", "استرد", "استرجع"),
          present=("ستعيد", "سترد", "سترجع"), passive=("استعيد",),
          masdar=("استعاده", "استرداد", "استرجاع")),
    Lemma("liberate", past=("حرر",), present=("حرر",), masdar=("تحرير",)),
    Lemma("storm", past=("اقتحم", "اجتاح"), present=("قتحم", "جتاح"),
          masdar=("اقتحام", "اجتياح")),
    Lemma("enter", past=("دخل",), present=("دخل",), masdar=("دخول",)),
    Lemma("incursion", past=("توغل",), present=("توغل",), masdar=("توغل",), transitive=False),
    Lemma("siege", past=("حاصر", "طوق"), present=("حاصر", "طوق"), passive=("حوصر",),
          masdar=("حصار", "محاصره", "تطويق")),
    Lemma("shell", past=("قصف", "استهدف", "هاجم"), present=("قصف", "ستهدف", "هاجم"),
          masdar=("قصف", "استهداف", "مهاجمه")),
    Lemma("withdraw", past=("انسحب",), present=("نسحب",), masdar=("انسحاب",),
          transitive=False),
    Lemma("advance", past=("تقدم", "زحف"), present=("تقدم", "زحف"), masdar=("تقدم", "زحف"),
          transitive=False),
    Lemma("approach", past=("اقترب",), present=("قترب",), masdar=("اقتراب",),
          transitive=False),
    Lemma("lose", past=("خسر",), present=("خسر",), masdar=("خساره",)),
    Lemma("fall", past=("سقط",), present=("سقط",), masdar=("سقوط",), transitive=False),
    Lemma("expel", past=("طرد", "دحر"), present=("طرد", "دحر"), masdar=("طرد", "دحر")),
    Lemma("pull out", past=("سحب",), present=("سحب",), masdar=("سحب",)),
    Lemma("retain", past=("احتفظ",), present=("حتفظ",), masdar=("احتفاظ",), transitive=False),
    Lemma("flee", past=("فر",), present=("فر",), masdar=("فرار",), transitive=False),
    # انكفأ / تقهقر / تراجع من (fell back from): a withdrawal; تراجع is also "declined" and
    # تراجع عن "went back on", so only with من and a force as subject (rule "retreat")
    Lemma("retreat", past=("انكفا", "تقهقر", "تراجع"), present=("نكفي", "تقهقر", "تراجع"),
          masdar=("انكفاء", "تقهقر", "تراجع"), transitive=False),
    # أغار على (raided): the present يغير is "changes", so past forms only
    Lemma("raid", past=("اغار",), transitive=False),
    Lemma("leave", past=("غادر",), present=("غادر",), masdar=("مغادره",)),
    # تسلم / استلم (took over a place handed over): a capture by the force that takes it
    Lemma("take over", past=("تسلم", "استلم"), present=("تسلم", "ستلم"),
          masdar=("تسلم", "استلام")),
    Lemma("exit", past=("خرج",), present=("خرج",), masdar=("خروج",), transitive=False),
    Lemma("evacuate", past=("اخلي", "اخل"), present=("خلي",), masdar=("اخلاء",)),
    Lemma("deploy", past=("انتشر", "تمركز", "تموضع"), present=("نتشر", "تمركز", "تموضع"),
          masdar=("انتشار", "تمركز", "تموضع"), transitive=False),
)}


#: Every past form of every lemma, with a clitic و/ف: tells "قد تقدموا" (had advanced)
#: from "قد تتقدم" (may advance).
PAST_RE = re.compile("[وف]?(?:" + "|".join(past_pattern(lemma) for lemma in LEMMAS.values())
                     + ")")


@dataclass(frozen=True, slots=True)
class Rule:
    """A control trigger: its forms (regex), the preposition before the place, action, voice.

    ``voice``: "active", "fell", "under" or "expel" (see the module doc). ``objects``
    are the forms that carry the place as an attached pronoun (استعادوها: "retook it").
    ``force_only``: the verb is said of civilians too (fled, left, evacuated): the
    statement needs a force as its subject and none of :data:`CIVILIANS_RE` in it.
    """

    name: str
    verb: str
    prep: str | None
    action: str
    voice: str = "active"
    objects: str | None = None
    #: Verbs people do too ("فر السكان من المدينة"): a claim only with a force as subject.
    force_only: bool = False


def _object_forms(*names: str) -> str:
    """Return the verb forms of the lemmas with an object pronoun for a place (ها "it", ه)."""
    parts = []
    for name in names:
        lemma = LEMMAS[name]
        stems = "|".join(sorted({*lemma.past, *lemma.passive}, key=len, reverse=True))
        parts.append(rf"(?:{stems})(?:تمو|تم|تا|ت|و|ا|نا)?(?:ها|ه)")
        if lemma.present:
            pres = "|".join(sorted(lemma.present, key=len, reverse=True))
            parts.append(rf"س?[يتنا](?:{pres})(?:و|ا|ون|ان|ين)?(?:ها|ه)")
    return "(?:" + "|".join(parts) + ")"


_L = LEMMAS
#: Nouns of attack that take the place after على: "شن غارات على", "هجوم على".
_ASSAULT = r"(?:ال|ب|بال)?(?:هجوما|هجوم|هجمات|غارات|غاره|ضربات|غارتين)"
#: "أطلق ... النار / قذائف / صواريخ على X": firing on a place is an attack on it.
_FIRE = r"(?:[يتن]?طلق|اطلق)(?:ت|تا|وا|ا|ون|ان)?"
_MISSILES = (r"(?:ال)?(?:نار|قذايف|قذيفه|قذيفتين|صواريخ|صاروخا|صاروخ|رصاص|طلقات|مسيرات|"
             r"مسيره|قنابل)")
RULES: tuple[Rule, ...] = (
    # "تخضع X لسيطرة Y" (is subject to): the place inside the phrase, the actor after it
    Rule("subject to", r"[وف]?(?:[يت]خضع|خضع)(?:ت|ان|ون)?\s+(?:\S+\s+){0,4}?ل(?:ل)?سيطره",
         None, "holds", "under"),
    # rule "subject to siege": "تخضع X (منذ أشهر) لحصار تفرضه Y": Y besieges X
    Rule("subject to siege", r"[وف]?(?:[يت]خضع|خضع)(?:ت|ان|ون)?\s+(?:\S+\s+){0,4}?ل(?:ل)?حصار",
         None, "besieged", "under"),
    Rule("held by", r"تحت\s+(?:(?:ال)?سيطره|سيطرت(?:ها|ه|هم))|(?:ال)?خاضعه?\s+ل(?:ل)?سيطره",
         None, "holds", "under"),
    Rule("fell to", f"{past_pattern(_L['fall'])}|{masdar_pattern(_L['fall'])}|"
         r"وقع(?:ت|تا|وا)?(?=\s+(?:\S+\s+){0,4}?(?:في\s+(?:يد|ايدي|قبضه)|بيد|بايدي))",
         None, "captured", "fell"),
    Rule("control, passive", r"تمت?\s+(?:ال)?سيطره", r"علي", "captured"),
    Rule("control, present", present_pattern(_L["control"]), r"علي", "holds"),
    Rule("control", f"{past_pattern(_L['control'])}|{masdar_pattern(_L['control'])}|"
         rf"(?:بسط|احكم|انتزع|فرض){'(?:ت|تا|وا|ا|ن)?'}\s+(?:\S+\s+){{0,4}}?(?:ال)?"
         r"(?:قبضه|قبضت(?:ها|ه|هم))|"
         f"{lemma_pattern(_L['seize'])}", r"علي", "captured"),
    Rule("recapture", f"{lemma_pattern(_L['recapture'])}|{lemma_pattern(_L['liberate'])}|"
         f"{lemma_pattern(_L['wrest'])}", None, "captured",
         objects=_object_forms("recapture", "liberate", "wrest")),
    Rule("take over", lemma_pattern(_L["take over"]), None, "captured",
         objects=_object_forms("take over"), force_only=True),
    Rule("expel", lemma_pattern(_L["expel"]), r"من", "captured", "expel"),
    Rule("storm", lemma_pattern(_L["storm"]), None, "entered", objects=_object_forms("storm")),
    Rule("incursion", lemma_pattern(_L["incursion"]), r"في|داخل", "entered"),
    Rule("enter", lemma_pattern(_L["enter"]), None, "entered", objects=_object_forms("enter")),
    Rule("siege", f"{lemma_pattern(_L['siege'])}|حصارا|"
         r"(?:فرض|احكم|اطبق)(?:ت|تا|وا|ا|ن)?\s+(?:\S+\s+){0,4}?(?:ال)?(?:طوقا?)\s+علي|"
         r"(?:[وبل]?ال)?(?:احكام|اطباق|فرض)\s+(?:ال)?طوق(?:ا)?\s+علي",
         None, "besieged", objects=_object_forms("siege")),
    Rule("shelling", f"{lemma_pattern(_L['shell'])}|"
         rf"(?:شن|نفذ|يشن|تشن|نشن|ينفذ|تنفذ)(?:ت|تا|وا|ا|ون|ان)?\s+(?:\S+\s+){{0,3}}?{_ASSAULT}"
         rf"(?:\s+\S+){{0,3}}?\s+علي|{_ASSAULT}(?:\s+\S+){{0,3}}?\s+علي|"
         # rule "exposed to, present": "وتتعرض بلدة X لقصف" as "تعرضت بلدة X لقصف"
         rf"(?:[يت]تعرض(?:ان|ون)?|تعرضت?)(?=\s+(?:\S+\s+){{0,3}}?ل(?:قصف|هجوم|هجمات|غارات|"
         r"غاره|ضربات|استهداف|اطلاق|نيران|قذايف|صواريخ))|"
         rf"{_FIRE}\s+(?:\S+\s+){{0,3}}?{_MISSILES}(?:\s+\S+){{0,3}}?\s+علي",
         None, "attacked", objects=_object_forms("shell")),
    Rule("raid", lemma_pattern(_L["raid"]), r"علي", "attacked"),
    Rule("siege, imposed", r"(?:ال)?حصار(?:ا)?\s+(?:ال)?(?:مفروض|فرض)\S*", r"علي", "besieged"),
    Rule("withdrawal", lemma_pattern(_L["withdraw"]), r"من", "withdrew"),
    Rule("flight", lemma_pattern(_L["flee"]), r"من", "withdrew", force_only=True),
    Rule("retreat", lemma_pattern(_L["retreat"]), r"من", "withdrew", force_only=True),
    Rule("exit", lemma_pattern(_L["exit"]), r"من", "withdrew", force_only=True),
    Rule("departure", lemma_pattern(_L["leave"]), None, "withdrew",
         objects=_object_forms("leave"), force_only=True),
    Rule("evacuation", lemma_pattern(_L["evacuate"]), None, "withdrew",
         objects=_object_forms("evacuate"), force_only=True),
    # rule "redeployment outside": "أعادت وحداتها انتشارها خارج حماة" is a withdrawal from it
    Rule("redeployment outside", r"(?:اعاد(?:ت|وا|تا|ا)?|[يتن]عيد(?:ون|ان)?|(?:ب|ل)?(?:ال)?اعاده)"
         r"\s+(?:\S+\s+){0,3}?(?:ال)?(?:انتشار|تموضع|تمركز)\S*", r"خارج|الي\s+خارج", "withdrew"),
    Rule("deployment", lemma_pattern(_L["deploy"]), r"في|داخل", "holds", force_only=True),
    Rule("pull out", lemma_pattern(_L["pull out"]), r"من", "withdrew"),
    Rule("stronghold", r"(?:ال|ب)?معقل(?:ا|ه|ها)?|(?:ال)?معاقل", None, "holds", "stronghold"),
    Rule("retain", lemma_pattern(_L["retain"]), None, "holds"),
    Rule("advance", f"{lemma_pattern(_L['advance'])}|"
         r"وصل(?:ت|تا|وا|ا)?(?=\s+(?:\S+\s+){0,5}?الي\s+(?:مشارف|اطراف|تخوم|ابواب|ضواحي))",
         r"نحو|باتجاه|صوب|الي|تجاه|الي\s+مشارف|مشارف|اطراف|تخوم|ابواب|ضواحي",
         "advanced_towards"),
    Rule("approach", lemma_pattern(_L["approach"]), r"من", "advanced_towards"),
    # a force that "is now N km from X" has advanced towards it
    Rule("within reach", r"(?:بات|اصبح|صار)(?:ت|وا|تا|ا)?\s+(?:\S+\s+){0,3}?علي\s+(?:مسافه|بعد)",
         r"من|عن", "advanced_towards", force_only=True),
    Rule("loss", lemma_pattern(_L["lose"]), None, "lost", objects=_object_forms("lose")),
)

#: "بيد", "في يد", "على يد", "من قبل": the actor of a passive statement follows; so does
#: the one who launched the attack (rule "launched by": "لهجوم صاروخي شنه الحوثيون").
BY_RE = re.compile(r"(?<![\w])(?:من\s+قبل|علي\s+يد|بيد|في\s+يد|بايدي|في\s+ايدي|في\s+قبضه|"
                   r"لصالح|(?:شن|نفذ|تبن|اطلق)(?:ته|ه|اه|تها|ها)(?![\w]))")
#: Rule "place first": finite verb forms whose subject is the place, which may stand
#: before them (SV): "طرابلس سقطت بيد ..."، "الزاوية قد استعيدت من قبل ..."، "مدينة X
#: تعرضت لقصف"، and rule "liberated, passive": "وكانت القيارة قد حررت على يد ..." (the
#: written form of the passive is the active's). No clitic و/ف: "وسقطت" opens a new
#: clause, the verb first.
PLACE_SUBJECT_RE = re.compile(r"(?:سقط|وقع|تعرض|استعيد|حوصر|حرر)(?:ت|تا|وا)?")
#: What may stand between such a place and its verb: nothing, or "قد" ("X قد سقطت").
PLACE_SUBJECT_GAP_RE = re.compile(r"\s*(?:قد\s+)?")
#: "Still" (لا يزال، ما زالت): no negation of what follows.
STILL_RE = re.compile(r"(?<![\w])[وف]?(?:لا|ما)\s+(?:[يت]?زال(?:ت|وا|ون|ان)?)(?![\w])")
#: "From" an actor after a captured place: "استعاد X من داعش", "من قبضة التنظيم" (it lost X).
FROM_ACTOR_RE = re.compile(r"\s*(?:بالكامل\s+|كليا\s+)?من\s+(?:(?:قبضه|سيطره|ايدي|يد)\s+)?$")
#: A negation right before the trigger ("لم تسيطر", "دون السيطرة", "نفت ... دخول").
NEGATION_RE = re.compile(r"(?<![\w])[وف]?(?:لم|لن|لا|ما|ليس|ليست|عدم|دون|بدون|نفي|نفت|ينفي|"
                         r"تنفي|نفوا|تنفيان|ينفيان)(?![\w])")
#: An aim, a plan, a warning, a demand or a possibility before the trigger: nothing
#: happened yet ("تسعى إلى السيطرة", "عازمة على استعادة", "تستعد لشن هجوم", "قد تتقدم",
#: "حذرت من سقوط", "مطالبة الجيش لهم بالانسحاب"). Fears: :data:`FEAR_RE`; pledges:
#: :data:`PLEDGE_RE`.
INTENT_RE = re.compile(r"(?<![\w])[وف]?(?:[يتن]سعي|سع(?:ت|وا|ي)|ساعي[هة]?|مساعي|عازم(?:ه|ون|ين)?|"
                       r"[يتن]عتزم|اعتزم|عزم|[يتن]ستعد|استعد|استعدادا|[يتن]خطط|خطط|خطه|"
                       r"[يتن]هدف|بهدف|هدف|[يتن]نوي|نوي|[يتن]ريد|اراد|[يتن]هدد|هدد|تهديد|حذر|"
                       r"حذرت|[يتن]حذر|تحذير|قد|ربما|سوف|امكانيه|احتمال|"
                       r"[يتن]توقع|توقع|مطالب(?:ه|ات)|طالب(?:ت|وا)?|[يتن]طالب|دعا|دعت|دعوا|"
                       r"[يتن]دعو|دعوه|دعوات|ناشد(?:ت|وا)?|[يتن]ناشد)(?![\w])")
#: Rule "fear": a fear anywhere before the trigger in its clause governs it ("يخشى السكان
#: أن تتقدم"، "ويخشى نحو مليون نازح في رفح من اجتياح"، "انسحبوا خوفا من تطويقهم").
FEAR_RE = re.compile(r"(?<![\w])[وف]?(?:[يتن]خشي(?:ن|ون|ان)?|خشي(?:ت|وا)?|خشيه|[يتن]خاف(?:ون)?|"
                     r"خوفا|مخاوف|[يتن]تخوف(?:ون)?|تخوف\S*)(?![\w])")
#: Rule "warning": a warning anywhere before the trigger in its clause governs it ("حذرت
#: الأمم المتحدة من أن اقتحام الفاشر قد يؤدي إلى كارثة"، "وسط تحذيرات من سقوط المدينة"):
#: what is warned of has not happened.
WARNING_RE = re.compile(r"(?<![\w])[وف]?(?:[يتن]?حذر(?:ت|وا|ون|ان)?|تحذير(?:ات)?|محذر(?:ا|ه|ين)?|"
                        r"(?:ال)?تحذيرات)\s+(?:\S+\s+){0,4}?من(?![\w])")
#: Rule "pledge": a promise or a threat anywhere before the trigger in its clause governs
#: it, however far the goal stands ("تعهد حفتر بمواصلة القتال حتى تحرير X"، "توعد الحوثيون
#: باقتحام X"، "في تعهد بالسيطرة على"): nothing happened yet.
PLEDGE_RE = re.compile(r"(?<![\w])[وف]?(?:[يتن]?(?:تعهد|توعد)(?:ت|وا|ان|ون)?|"
                       r"م(?:تعهد|توعد)(?:ا|ه|ين)?|(?:ب|في\s+)?(?:ال)?(?:تعهد|توعد)(?:ات)?|"
                       r"وعود)(?![\w])")
#: A condition in the sentence ("إذا لم تصل تعزيزات"): what it governs is not reported.
CONDITION_RE = re.compile(r"(?<![\w])[وف]?(?:اذا|لو|لولا|في\s+حال)(?![\w])")
#: An attempt right before the trigger: "حاولت اقتحام", "محاولة استعادة" is an attack.
ATTEMPT_RE = re.compile(r"(?<![\w])[وف]?(?:حاول(?:ت|وا|تا|ا)?|[يتن]حاول(?:ون|ان)?|"
                        r"محاول(?:ه|ات|تها|ته))(?![\w])")
#: People who flee, leave or are evacuated without being a side: "فر السكان من المدينة",
#: "إخلاء المدنيين". A :attr:`Rule.force_only` statement with one of them is no claim.
CIVILIANS_RE = re.compile(r"(?<![\w])[وفبل]?(?:ال)?(?:مدني(?:ون|ين)?|سكان|اهالي|اهل|نازح(?:ون|ين)?|"
                          r"عايلات|عايل(?:ه|ات)|اسر|الاف|مئات|عشرات|اطفال|نساء|جرحي|"
                          r"مصابين|لاجي(?:ون|ين)|مهاجر(?:ون|ين)|موظف(?:ون|ين)|صحفي(?:ون|ين)|"
                          r"عمال|طلاب|رعايا|دبلوماسي(?:ون|ين)|بعث(?:ه|ات))(?![\w])")
