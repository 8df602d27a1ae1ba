"""The verbs and phrases reporters use for control and front-line events.

Each :class:`Trigger` maps a regular expression to an action of :data:`claims.model.ACTIONS`
and says where the actor and the place stand relative to it:

- ``active``: actor before, place after ("the LNA seized Sirte");
- ``passive``: place before, actor after "by"/"to" ("Sirte fell to the LNA");
- ``nominal``: place after, actor after "by" or before ("an attack by X on Y",
  "the capture of Y");
- ``state_after``: actor after, place before ("Y is under the control of X");

Ordered most specific first: the first trigger that covers a span wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FUTURE_OR_INTENT", "OFFENSIVE_INTENT", "TRIGGERS", "Trigger"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern: action, voice and the compiled regular expression."""

    action: str
    voice: str
    pattern: re.Pattern[str]
    #: The statement stands without an actor in the sentence ("Kidal has been under siege",
    #: "the towns were liberated"): ``"sentence"`` lets an actor the sentence names stand
    #: in, else the actor the article named last; ``"article"`` takes the article's only
    #: ("junta soldiers surrendered as the town fell": the soldiers are not the captors).
    agentless: str = ""
    #: For an ``object`` trigger, the action of its subject too ("A drove B out of X": B
    #: withdrew from X and A captured it).
    mirror: str = ""
    #: The trigger's name in traces: its action, voice and head word ("captured/passive/fell"),
    #: numbered when two share them (:func:`_named`).
    name: str = ""


def _t(action: str, voice: str, regex: str, *, agentless: str = "", mirror: str = "") -> Trigger:
    return Trigger(action, voice, re.compile(regex, re.IGNORECASE), agentless, mirror)


#: Words a trigger's name never takes as its head (auxiliaries, articles, modifiers).
_NAME_SKIP = frozenset({
    "the", "was", "were", "been", "being", "are", "has", "had", "have", "which", "remain",
    "remains", "remained", "still", "now", "full", "complete", "total", "effective", "partial",
    "area", "region", "district", "city", "town", "failed", "surprise", "fresh", "new", "all",
    "strategic", "tactical", "their", "its", "his", "our", "firmly", "fully", "also", "trying",
})


def _named(triggers: tuple[Trigger, ...]) -> tuple[Trigger, ...]:
    """Give each trigger its trace name: action/voice/first word of its pattern."""
    out: list[Trigger] = []
    seen: dict[str, int] = {}
    for trig in triggers:
        words = re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]|\(\?[:=!<]+", " ",
                                                 trig.pattern.pattern))
        head = next((w for w in words if w not in _NAME_SKIP), "phrase")
        base = f"{trig.action}/{trig.voice}/{head}"
        seen[base] = seen.get(base, 0) + 1
        name = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(Trigger(trig.action, trig.voice, trig.pattern, trig.agentless, trig.mirror,
                           name))
    return tuple(out)


_CONTROL = r"(?:full\s+|complete\s+|total\s+|effective\s+|partial\s+)?control"
_CAPTURE_VERB = (r"(?:re)?(?:seiz(?:e|ed|es|ing)|captur(?:e|ed|es|ing)|took|tak(?:e|es|en|ing)|"
                 r"regain(?:ed|s|ing)?|won\s+back|took\s+back|occupied|"
                 r"retook|recaptur(?:e|ed|es|ing)|liberat(?:e|ed|es|ing)|overr(?:a|u)n(?:ning|s)?|"
                 r"reclaim(?:ed|s|ing)?|conquer(?:ed|s|ing)?|wrest(?:ed|ing)?|secur(?:e|ed|ing))")

TRIGGERS: tuple[Trigger, ...] = _named((
    # --- passive and state forms (place before the verb) ---
    _t("captured", "passive",
       r"\b(?:fell|falls|fallen|has\s+fallen|had\s+fallen|(?:first|last)\s+to\s+fall)\s+"
       r"(?:in\w*\s+)?to\b"),
    # "as the town fell": a fall without a captor named in the sentence
    _t("captured", "passive",
       r"\b(?:fell|has\s+fallen|had\s+fallen)\b(?!\s+(?:to|into|in|on|upon|silent|apart|"
       r"back|short|ill|asleep|victim|below|by|from|under|off|behind|through|sharply|\d))",
       agentless="article"),
    _t("captured", "passive",
       r"\b(?:was|were|been|being|is|are|have\s+all\s+been|had\s+all\s+been)\s+(?:\w+ly\s+)?"
       r"(?:re)?(?:captured|seized|taken(?:\s+back)?|retaken|liberated|freed|overrun|"
       r"recaptured|reclaimed|conquered)\s+(?:\w+\s+){0,3}?by\b"),
    _t("captured", "passive", r"\bwhich\s+was\s+(?:re)?(?:captured|taken(?:\s+back)?|seized)\b"),
    # "the garrison in Laukkaing surrendered to Kokang fighters"
    _t("captured", "passive", r"\bsurrender(?:ed|s)?\s+(?:\w+\s+)?to\b"),
    # agentless passives: "the towns of A, B and C were liberated", "Kidal was retaken"
    _t("captured", "passive",
       r"\b(?:was|were|been|is|are)\s+(?:\w+ly\s+)?(?:re)?(?:captured|seized|taken\s+back|"
       r"retaken|liberated|overrun|recaptured|reclaimed|conquered)\b"
       r"(?![^.;]{0,40}?\bby\b)", agentless="sentence"),
    _t("besieged", "state_after",
       r"\b(?:(?:is|was|were|are|ha(?:s|ve|d)\s+been|remains?|remained|came|still|now|"
       r"already)\s+)+under\s+(?:(?:a|full|total|complete|tight|renewed|months-long|"
       r"weeks-long|[\w-]+-month|[\w-]+-week)\s+)*(?:siege|blockade|encirclement)\b"
       r"(?!\s+(?:by|of)\b)", agentless="sentence"),
    _t("captured", "state_after",
       r"\bcame\s+under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?control\s+of\b"),
    # rule *under-side-assault*: "Avdiivka had been under Russian assault since October",
    # "the town came under Houthi attack": the side named after "under" attacks the place
    _t("attacked", "state_after",
       r"\b(?:(?:is|was|were|are|ha(?:s|ve|d)\s+been|remains?|remained|came|comes|still|now|"
       r"already)\s+)+under\s+(?=(?-i:[A-Z])[\w-]+\s+(?:(?:air|artillery|drone|missile|rocket|"
       r"ground)\s+)?(?:assault|attacks?|fire|bombardment|shelling)\b)"),
    _t("holds", "state_after",
       r"\b(?:(?:is|was|were|are|remains?|remained|now|still|firmly)\s+)+in\s+the\s+hands\s+of\b"),
    _t("attacked", "passive",
       r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:shelled|bombed|attacked|struck|"
       r"targeted|pounded|raided|bombarded|assaulted)\s+(?:\w+\s+){0,3}?by\b"),
    _t("holds", "state_after",
       r"\b(?:(?:is|was|were|are|remains?|remained|now|fully|been)\s+)+(?:\w+\s+)?under\s+"
       r"(?:the\s+)?" + _CONTROL + r"\s+of\b"),
    _t("holds", "state_after",
       r"\b(?:is|was|were|are|ha(?:s|ve|d)\s+been|remains?|remained|now)\s+(?:\w+\s+)?under\s+"
       r"(?:the\s+)?(?=[\w’'-]+(?:\s+[\w’'-]+)?\s+control)"),
    _t("holds", "state_after",
       r"\b(?:(?:an?\s+)?(?:area|region|district|city|town)\s+)?(?:controlled|held|occupied)\s+by\b"),
    _t("holds", "state_after",
       r"\b(?:(?:remain(?:s|ed)?|is|was|were|are|still|firmly|now)\s+)+in\s+(?:their|its|his|our)"
       r"\s+hands\b", agentless="sentence"),
    # an appositive state: "Lashio, the only city still under army control"
    _t("holds", "state_after",
       r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:still\s+|now\s+|firmly\s+)?under\s+"
       r"(?=[\w’'-]+(?:\s+[\w’'-]+)?\s+control\b)", agentless="sentence"),
    # rule *blockade-by*: "under blockade by the militants", "under encirclement by junta
    # troops" besiege as "under siege by" does
    _t("besieged", "state_after", r"\bunder\s+(?:(?:a|full|total|complete|tight)\s+)?"
                                  r"(?:siege|blockade|encirclement)\s+by\b"),
    _t("besieged", "state_after", r"\b(?:was|were)\s+(?:encircled|surrounded|besieged)\s+by\b"),
    _t("captured", "list_after",
       r"\b(?:villages|towns|cities|areas|positions|settlements)\s+(?:and\s+\w+\s+)?"
       r"(?:captured|seized|taken|retaken|recaptured|liberated)\s*,?\s+including\b"),
    _t("captured", "list_after",
       r"\b(?:recaptur(?:ed|ing)|retook|retaken|captur(?:ed|ing)|seiz(?:ed|ing)|took|taken|"
       r"regain(?:ed|ing)|liberat(?:ed|ing)|tak(?:ing|en))\s+(?:\w+\s+){0,4}?(?:settlements|"
       r"centers|centres|villages|towns|positions|areas|locations|sites|territories|cities|"
       r"districts|bases|neighbou?rhoods)\b[^.;]{0,40}?\bincluding\b"),
    _t("besieged", "active", r"\bcaptured\s+all\s+territory\s+around\b"),
    _t("withdrew", "list_after",
       r"\b(?:withdr(?:ew|awn)|pulled\s+(?:back|out)|retreated|fled)\s+(?:from|out\s+of)\s+"
       r"(?:\w+\s+){0,3}?(?:settlements|villages|towns|positions|areas|cities|districts|bases)"
       r"\b[^.;]{0,40}?\bincluding\b"),
    # --- nominal forms ---
    _t("attacked", "nominal_by",
       r"\b(?:(?:failed|surprise|fresh|new|rocket|drone|major|air|missile)\s+)?(?:attack|assault|"
       r"offensive|strike|airstrike|air\s+strike|raid|shelling|bombardment|bombing)s?\s+"
       r"(?:(?:launched|carried\s+out|conducted)\s+)?by\b"),
    _t("attacked", "nominal_on",
       r"\b(?:attack|assault|strike|airstrike|air\s+strike|raid|shelling|bombardment|bombing)s?"
       r"\s+(?:on|against)\b(?=[^.;]{0,120}?\b(?:was|were)\s+(?:carried\s+out|launched|"
       r"conducted)\s+by\b)"),
    _t("captured", "nominal", r"\b(?:the\s+)?(?:capture|seizure|liberation|recapture|fall|"
                              r"takeover)\s+of\b"),
    # rule *possessive-capture*: "the city's capture by the paramilitaries", "Kidal's fall
    # to the army": the place is the possessor, the captor follows "by"/"to"
    _t("captured", "passive", r"(?<=[\w)])[’']s\s+(?:re)?(?:capture|seizure|fall|takeover)\s+"
                              r"(?:by|to)\b"),
    # rule *loss-of*: "acknowledged the loss of the town": the speaker's side lost it
    _t("lost", "nominal", r"\b(?:the\s+)?loss\s+of\b(?!\s+(?:life|lives|contact|power))"),
    _t("withdrew", "nominal",
       r"\b(?:(?:strategic|tactical|full|complete|partial|hasty|orderly)\s+)?(?:withdrawal|"
       r"pull-?out|retreat)\s+(?:of\s+(?:its|their|his)\s+(?:\w+\s+)?(?:forces|troops|units|"
       r"fighters)\s+)?from\b"),
    _t("advanced_towards", "active",
       r"\bfought\s+(?:their|its|his|our)\s+way\s+(?:to|towards)\b"),
    _t("entered", "active", r"\bfought\s+(?:their|its|his|our)\s+way\s+into\b"),
    # rule *fighting-for*: "Russian forces are still fighting for control of Chasiv Yar",
    # "the rebels have been battling for the town since June": a side that fights for a place
    # attacks it (a noun "fighting for the town went on" has no such subject)
    _t("attacked", "active",
       r"\b(?:(?:are|is|were|was|been|still|now|had|have|has)\s+)+(?:fighting|battling)\s+"
       r"for\b(?:\s+(?:full\s+)?control\s+of\b)?"),
    # "ambushed Israeli tanks in Beit Hanoun", "battling junta troops for Kyauktaw"
    _t("attacked", "locative",
       r"\b(?:ambush(?:ed|ing)|rout(?:ed|ing)|attack(?:ed|ing)|shell(?:ed|ing)|target(?:ed|ing)|"
       r"raid(?:ed|ing)|battl(?:ed|ing)|fought|fighting|clash(?:ed|ing)\s+with|struck|hit)\b"
       r"(?=\s+(?:[\w’'-]+\s+){1,5}?(?:in|near|around|outside|for|at|on\s+the\s+(?:edge|"
       r"outskirts)\s+of)\s)"),
    # "pressed their offensive on Marib" (but not "repelled an attack on")
    _t("attacked", "nominal",
       r"\b(?:press(?:ed|ing)|continu(?:ed|ing)|resum(?:ed|ing)|intensif(?:ied|ying)|"
       r"step(?:ped|ping)\s+up|mount(?:ed|ing)|renew(?:ed|ing)|wag(?:ed|ing)|began|begun)\s+"
       r"(?:(?:their|its|his|the|an?|new|renewed|fresh|major|ground)\s+)+"
       r"(?:offensive|assault|onslaught|attacks?)\s+(?:on|against)\b"),
    _t("besieged", "nominal", r"\b(?:the\s+)?(?:siege|blockade|encirclement)\s+(?:of|on)\b",
       agentless="sentence"),
    # rule *advance-into* (nominal): "the rebels' advance into Goma", "the army's push into
    # Omdurman": the possessor entered the place
    _t("entered", "nominal", r"\b(?:an?\s+|the\s+)?(?:incursions?|advance|push|thrust|"
                             r"entry)\s+(?:\w+\s+){0,3}?into\b"),
    _t("captured", "active", r"\b(?:took|taken|taking|take|takes)\s+over\b"),
    # --- active forms ---
    _t("withdrew", "object",
       # rule *pushed-back-into*: "junta forces pushed back into Myawaddy" re-entered it
       r"\b(?:pushed|pushing|drove|driven|forced|forcing|beat|beaten)\s+back\b(?!\s+into\b)|"
       r"\brepelled\b|"
       r"\brepulsed\b"),
    _t("withdrew", "object",
       r"\b(?:pushed|pushing|drove|driving|forced|forcing|chased|chasing)"
       r"(?=\s+(?:[\w’'-]+\s+){1,4}?(?:beyond|outside)\s+the\s+(?:city|town)\s+limits\b)"),
    _t("attacked", "active",
       r"\blaunch(?:ed|es|ing)?\s+(?:an?\s+|its\s+|their\s+)?(?:\w+\s+)?(?:offensive|campaign|"
       r"assault|counter-?offensive|operation)\b(?:\s+\w+){0,6}?\s+to\s+(?:try\s+(?:to\s+)?)?"
       r"(?:re)?(?:capture|take|seize|retake|recapture)(?:\s+control\s+of)?\b"),
    _t("attacked", "active",
       r"\b(?:offensive|campaign|bid|push)\s+to\s+(?:seize|capture|take|retake)(?:\s+control\s+of)?\b"),
    _t("attacked", "active", r"\b(?:trying|tried|attempt(?:ed|ing)?)\s+to\s+(?:re-?enter|retake|"
                             r"recapture|advance\s+on)\b"),
    _t("captured", "active",
       r"\b(?:re)?(?:gain(?:ed|ing|s)?|took|tak(?:en|ing|e|es)|seiz(?:ed|ing|e)|assum(?:ed|ing)|"
       r"restor(?:ed|ing)|wr?est(?:ed)?|won|regain(?:ed|ing)?|establish(?:ed)?)\s+(?:\w+\s+){0,2}?"
       + _CONTROL + r"\s+(?:of|over|in)\b"),
    _t("holds", "active", r"\btook\s+up\s+positions\s+(?:at|in)\b"),
    _t("holds", "active", r"\barrived\s+(?:at|in)\b"),
    _t("holds", "active", r"\bpushed\s+(?:more\s+)?reinforcements\s+(?:in|into|to)\b"),
    _t("holds", "active", r"\bholding\s+the\s+line\s+(?:around|at|in)\b"),
    # rule *holding-positions*: "were holding their positions in X", "still hold positions
    # around X": the side holds (part of) X
    _t("holds", "active", r"\b(?:holding|hold|holds|held|keeping|kept)\s+(?:on\s+to\s+)?"
                          r"(?:their|its|his|our)?\s*(?:\w+\s+)?positions\s+(?:in|at|around|"
                          r"inside|near)\b"),
    _t("holds", "active",
       r"\b(?:still\s+|now\s+|firmly\s+)?(?:holds?|held|controls|controlled|"
       r"(?:still|now|firmly|fully|also)\s+control|retains?|retain\s+control\s+of|"
       r"maintains?\s+control\s+of|ha(?:ve|s)\s+" + _CONTROL + r"\s+(?:of|over)|in\s+control\s+of|"
       r"remains?\s+in\s+control\s+of)\b(?!\s+(?:talks|a\s+meeting|elections))"),
    _t("captured", "active", r"\bcontrolling\b"),
    _t("captured", "active", r"\b(?:announc\w+|declar\w+|claim\w*)\s+(?:(?:their|its|his|full|"
                             r"complete|total)\s+)?(?:full\s+)?control\s+(?:over|of)\b"),
    _t("captured", "active", r"\b(?:the\s+)?return\s+of\s+control\s+over\b"),
    _t("captured", "active",
       r"\bforced\s+(?:\w+\s+){1,3}?to\s+(?:leave|abandon|withdraw\s+from)\b"),
    # "A drove B out of X", "dislodged B from X": B withdrew from X (the object's move)
    _t("withdrew", "object", r"\b(?:drove|driven|driving|dislodg(?:ed|ing|es)|ousted|evicted|"
                             r"expelled|flushed|pushed|kicked|forced|chased|pushing|forcing)"
                             r"(?=\s+(?:[\w’'-]+\s+){1,4}?(?:out\s+of|from)\b)",
       mirror="captured"),
    # rule *flag-raised-over*: "raised their flag over Soledar", "hoisted the national flag
    # above the town hall in Gao": the side that raises its flag over a place has taken it
    _t("captured", "active",
       r"\b(?:rais(?:ed|ing)|hoist(?:ed|ing)|plant(?:ed|ing)|unfurl(?:ed|ing))\s+"
       r"(?:(?:their|its|his|the|a|an)\s+)?(?:[\w-]+\s+){0,2}?flags?\s+(?:over|above|atop)\b"),
    # rule *flag-raised-passive*: "A Ukrainian flag was raised over the council in Izium",
    # "the Taliban's flag has been hoisted above the governor's office": the side whose flag
    # it is (named or as a demonym just before "flag") took the place
    _t("captured", "flag_passive",
       r"\bflags?\s+(?:(?:was|were|has|have|had|been|is|are|being|now)\s+)+(?:raised|hoisted|"
       r"planted|unfurled)\s+(?:over|above|atop)\b"),
    _t("captured", "active", r"\brejected\s+(?:\w+\s+){1,4}?from\b"),
    _t("captured", "active", r"\bmade\s+(?:\w+\s+)?progress\s+in\s+recapturing\b"),
    _t("captured", "active", r"\b" + _CAPTURE_VERB + r"\b(?!\s+(?:by|place|part|over|off|up|"
                                                     r"advantage|responsibility|measures))"),
    _t("besieged", "active", r"\b(?:besieg(?:e|ed|es|ing)|surround(?:ed|s|ing)?|encircl(?:e|ed|es|"
                             r"ing)|laid\s+siege\s+to|lay\s+siege\s+to|cut\s+off|"
                             r"(?:completed|closed)\s+the\s+encirclement\s+of)\b"
                             r"(?!\s+(?:towns|villages|areas|countryside|region|hills|area|"
                             r"neighbou?rhoods|suburbs|districts)\b)"),
    _t("withdrew", "active",
       r"\b(?:withdr(?:ew|awn|aw|awing|aws)|pull(?:ed|ing|s)?\s+(?:out|back)|retreat(?:ed|ing|s)?|"
       # rule *fell-back*: "fell back from the ridge", "pulled its fighters out of X"
       r"f[ae]ll(?:ing|s|en)?\s+back|pull(?:ed|ing|s)?\s+(?:its|their|his)\s+(?:[\w-]+\s+){0,2}?"
       r"(?:out|back)|"
       r"fled|flee(?:ing|s)?|escaped|evacuat(?:ed|ing)|abandon(?:ed|ing)|were\s+pushed|was\s+pushed|"
       # rule *forced-out-passive*: "troops were forced out of the district"
       r"(?:were|was|been|being)\s+forced|"
       r"pushed\s+back|chased\s+(?:\w+\s+)?out|driven\s+out|expelled)\s+"
       # "of" right after the verb ("driven out of"), not "withdrew after hours of fighting"
       r"(?:(?:\w+\s+){0,4}?(?:from|out\s+of)|of)\b"),
    _t("withdrew", "active",
       r"\b(?:had\s+)?left\s+(?=the\s+(?:town|city|base|airbase|airport|area)|[A-Z])"),
    # rule *withdrew-towards*: "retreated towards Juba", "fell back to the hills", "fled into
    # the forest": the side left the place named before (in the sentence, else the article's
    # last town); where it went is no claim
    _t("withdrew", "departure",
       r"\b(?:f[ae]ll(?:ing|s|en)?\s+back|pull(?:ed|ing|s)?\s+(?:out|back)|"
       r"withdr(?:ew|awn|awing|aws)|retreat(?:ed|ing|s)?|fled|escaped)\s+"
       r"(?=(?:to|towards?|into|across|in\s+the\s+direction\s+of)\s)"),
    # "seized Debre Tabor before pulling out on Sunday": the place is the one just named
    _t("withdrew", "active",
       r"\b(?:pull(?:ed|ing|s)?\s+(?:out|back)|withdr(?:ew|awing|aws)|retreat(?:ed|ing|s)?|"
       r"f[ae]ll(?:ing|s|en)?\s+back)\b"
       # "of" only right after the verb: "withdrew after hours of fighting" names no place
       r"(?!\s+(?:(?:[\w’'-]+\s+){0,4}?(?:from|out\s+of|to|towards?|into)|of)\b)"),
    _t("withdrew", "active", r"\b(?:withdr(?:ew|awn)|fled|abandoned|evacuated)\s+(?=the\s+(?:town|"
                             r"city|base|airbase|airport|area)|[A-Z])"),
    _t("lost", "active",
       r"\b(?:lost|losing|loses|lose)\s+(?:\w+\s+)?(?:control\s+(?:of|over)\s+)?"),
    # rule *stormed-facility*: storming a building or a post is an attack on it (the
    # town it stands in is attacked); storming a town is entering it
    _t("attacked", "active",
       r"\bstorm(?:ed|ing|s)?\b(?=\s+(?:the\s+|an?\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?(?:villages\b|(?:prison|"
       r"jail|base|barracks|hotel|compound|headquarters|camp|checkpoint|outpost|post|"
       r"(?:police\s+)?station|garrison|embassy|palace|hospital|parliament|ministry|"
       # rule *stormed-positions*: "stormed several villages near Vovchansk", "stormed
       # army positions outside Djibo": an assault on the places around a town ("stormed
       # the village of X" names the place stormed, which is entered)
       r"position|trench|defen[cs]e|line)s?\b))"),
    _t("entered", "active",
       r"\b(?:(?:re-?)?enter(?:ed|ing|s)?|storm(?:ed|ing|s)?|stormed\s+into|"
       r"(?:push|walk|march|pour|mov|drive|drove|roll|swept|sweep|advanc)(?:ed|ing|e|s)?\s+"
       r"(?:(?:north|south|east|west)\w*\s+|deep(?:er)?\s+|further\s+|back\s+){1,2}into|"
       r"push(?:ed|ing)?\s+into|walk(?:ed|ing)\s+into|"
       # rule *through-the-town*: "walked through the centre of Goma", "drove through the
       # streets of Kherson": a side moving through a town's streets is in it
       r"(?:walk|march|drove|driv|roll|patroll|parad)(?:ed|ing)?\s+through\s+(?:the\s+)?"
       r"(?:(?:main\s+)?streets|centre|center|heart|middle)\s+of|"
       r"cross(?:ed|ing)\s+into|sw(?:ept|eeping)\s+into|roll(?:ed|ing)\s+into|"
       r"advanc(?:ed|ing|es)\s+into|mov(?:ed|ing)\s+into|broke\s+into|penetrat(?:ed|ing)|"
       r"made\s+(?:\w+\s+)?gains\s+in|advanc(?:ed|ing)\s+(?:in|beyond)|going\s+deep\s+in)\b"),
    _t("advanced_towards", "active",
       r"\b(?:advanc(?:e|ed|es|ing)|mov(?:e|ed|ing)|push(?:ed|ing)?(?:\s+further)?(?:\s+\w+,?)?|"
       r"march(?:ed|ing)?|head(?:ed|ing)|clos(?:ed|ing)\s+in|chas(?:ed|ing)(?:\s+[\w’'-]+){0,5}?)"
       r"(?:\s+from\s+the\s+\w+,?)?\s+(?:on|towards?|to|upon)\b"
       r"(?!\s+(?:liberate|capture|take|seize|retake|recapture|attack|defend|secure|reinforce|"
       r"control|support|help|join|protect|counter|stop|halt|repel)\b)"),
    _t("advanced_towards", "active", r"\b(?:neared|approach(?:ed|ing|es)|reached|nearing)\b"),
    _t("advanced_towards", "active",
       r"\b(?:halted|stalled|stopped|mobili[sz]ed|massing|massed|gathering)\s+(?:\w+\s+){0,3}?"
       r"(?:on|at)\s+the\s+(?:\w+\s+)?outskirts\s+of\b"),
    _t("attacked", "active",
       r"\b(?:attacked|shelled|bombed|targeted|struck|pounded|raided|assaulted|hit|"
       r"(?:(?:is|are|was|were|been|began|begun|started|continued|continue\s+to|kept)\s+)"
       r"(?:attack|shell|bomb|target|strike|pound|raid)(?:ing|s)?)\b(?!\s+by)"),
    # rule *fired-munitions-at*: "fired rockets at X", "dropped glide bombs on X", "launched
    # a barrage of drones towards X" attack X
    _t("attacked", "active",
       r"\b(?:fired|firing|launched|dropped|dropping|lobbed)\s+(?:[\w-]+\s+){0,3}?(?:rockets?|"
       r"missiles?|shells?|mortars?|mortar\s+rounds|bombs?|drones?|artillery|projectiles?)\s+"
       r"(?:at|on|into|towards?)\b"),
    _t("attacked", "active",
       r"\b(?:launched|carried\s+out|conducted|staged)\s+(?:\w+\s+){0,7}?(?:air\s*strikes?|"
       r"airstrikes?|air\s+raids?|drone\s+strikes?|strikes?|attacks?|assault|shelling|"
       # rule *offensive-in*: "launched an offensive in Khartoum" attacks Khartoum
       r"bombardment|rocket\s+attacks?|offensive|counter-?offensive)\s+(?:\w+\s+){0,4}?"
       r"(?:on|against|in)\b"),
))

#: Words just before a capture verb that make it an intention, not an event.
FUTURE_OR_INTENT = re.compile(
    r"\b(?:will|would|could|might|may|shall|vow(?:ed|ing|s)?\s+to|plan(?:s|ned|ning)?\s+to|"
    r"aim(?:s|ed|ing)?\s+to|want(?:s|ed)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|intend(?:s|ed)?\s+to|"
    r"threaten(?:s|ed)?\s+to|ready\s+to|moving\s+to|preparing\s+to|order(?:ed)?\s+to|"
    r"failed\s+to|fail\s+to|operation\s+to|ahead\s+of|in\s+order\s+to|bid\s+to|"
    r"attempt(?:s|ed|ing)?\s+to|tr(?:y|ying|ied)\s+to|efforts?\s+to|push\s+to|expected\s+to|"
    r"set\s+to|likely\s+to|about\s+to|hop(?:e|es|ed|ing)\s+to|need(?:s|ed)?\s+to|"
    r"call(?:s|ed)?\s+(?:on\s+\w+\s+)?to|urg(?:e|es|ed)\s+\w+\s+to|vowing\s+to|"
    r"able\s+to\s+(?=not)|to\s+(?:defend|protect|help)|"
    # rule *feared-event*: what is feared or warned of has not happened ("diplomats feared
    # an advance into Tripoli")
    r"fear(?:s|ed|ing)?|warn(?:s|ed|ing)?\s+of)\s+(?:\w+\s+)?$"
    # a purpose or an aim in the gerund: "mobilized for retaking it", "focused on dislodging"
    r"|\b(?:for|(?:focused|focusing|intent|bent|set|working|insist\w*)\s+on)\s+[\"“']?"
    r"(?:[\w’'-]+\s+(?:and|or)\s+)?(?:\w+ing\s+[^.;]{0,40}?\s+and\s+)?$",
    re.IGNORECASE,
)
#: An offensive "to capture" X is an attack on X.
OFFENSIVE_INTENT = re.compile(r"\b(?:offensive|campaign|assault|bid|push|counter-?offensive)\b"
                              r"[^.;]{0,60}?\bto\s+(?:try\s+(?:to\s+)?)?$", re.IGNORECASE)
