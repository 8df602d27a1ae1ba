"""Round-10 Arabic control rules (issue 16: actors that hold on any war), one test per rule.

Sentences are the engineer's own, about several wars each.
"""
from __future__ import annotations

import pytest
from arabic_sentences import claim_fields

from claims.lines import run_file

_claims = claim_fields


@pytest.mark.parametrize(("sentence", "want"), [
    ("وقالت مصادر عسكرية إن قوات الجيش الوطني استعادت مديرية حريب جنوب مأرب.",
     ("captured", "حريب", "Yemeni government")),
    ("وأعلن قائد عسكري أن الجيش الوطني دخل بلدة جوهر دون قتال.",
     ("entered", "جوهر", "Somali government")),
    ("وانسحبت قوات الجيش الوطني من مدينة قندهار بعد أيام من المعارك.",
     ("withdrew", "قندهار", "Afghan government")),
    ("وقالت مصادر محلية إن قوات الجيش الوطني دخلت مدينة سرت.",
     ("entered", "سرت", "LNA")),
])
def test_national_army_of_the_war(sentence: str, want: tuple) -> None:
    """Rule "national army of the war": الجيش الوطني is the LNA only in a Libyan article."""
    assert want in _claims(sentence, "any")


@pytest.mark.parametrize(("sentence", "conflict", "want"), [
    ("أعلنت قوات الدعم السريع سيطرتها على مدينة سنجة، في حين قال الجيش إن قواته انسحبت من "
     "المدينة.", "sudan", ("withdrew", "سنجة", "SAF")),
    ("أعلنت هيئة تحرير الشام دخول مدينة حماة، بينما قالت وزارة الدفاع السورية إن قواتها "
     "انسحبت من المدينة.", "syria", ("withdrew", "حماة", "Syrian government")),
    ("أكدت حركة الشباب سيطرتها على بلدة جوهر، في حين قال الجيش الصومالي إن قواته انسحبت "
     "منها لأسباب تكتيكية.", "somalia", ("withdrew", "جوهر", "Somali government")),
])
def test_nearest_speaker(sentence: str, conflict: str, want: tuple) -> None:
    """Rule "nearest speaker": "قواته" after the second speaker's إن is that speaker's."""
    assert want in _claims(sentence, conflict)


@pytest.mark.parametrize(("sentence", "want"), [
    ("وهاجم مسلحون مرتبطون بحركة الشباب قاعدة عسكرية في بلدوين.",
     ("attacked", "بلدوين", "al-Shabaab")),
    ("وسيطر مسلحون ينتمون إلى بوكو حرام على بلدة مونغونو.",
     ("captured", "مونغونو", "Boko Haram")),
    ("وهاجم مسلحون موالون لتنظيم الدولة نقطة للجيش قرب كركوك.",
     ("attacked", "كركوك", "ISIS")),
    ("وقصف مقاتلون يعتقد أنهم من قوات الدعم السريع أحياء في مدينة الأبيض.",
     ("attacked", "الأبيض", "RSF")),
])
def test_descriptive_actor(sentence: str, want: tuple) -> None:
    """Rule "descriptive actor": "مسلحون موالون لـ / مرتبطون بـ / ينتمون إلى X" is X."""
    assert want in _claims(sentence, "any")


@pytest.mark.parametrize(("sentence", "want"), [
    ("وأعلن تنظيم الدولة مسؤوليته بعد أن هاجم مسلحوه مدينة جلال آباد شرقي أفغانستان.",
     ("attacked", "جلال آباد", "ISIS-K")),
    ("وسيطر مسلحون مرتبطون بتنظيم الدولة على بلدة ماكوميا في شمال موزمبيق.",
     ("captured", "ماكوميا", "Insurgents")),
    ("وهاجم مسلحو تنظيم الدولة مدينة مايدوغوري في شمال شرق نيجيريا.",
     ("attacked", "مايدوغوري", "ISWAP")),
    ("واستعاد تنظيم الدولة الإسلامية السيطرة على بلدة الباغوز في شرق سوريا.",
     ("captured", "الباغوز", "ISIS")),
])
def test_local_branch_of_the_islamic_state(sentence: str, want: tuple) -> None:
    """Rule "local branch of the Islamic State": تنظيم الدولة is the war's own branch."""
    got = _claims(sentence, "any")
    assert want in got, got


@pytest.mark.parametrize(("sentence", "want"), [
    ("وسيطرت ميليشيا الجنجويد على بلدة مليط شمال الفاشر.", ("captured", "مليط", "RSF")),
    ("ودخل مقاتلو تحالف نهر الكونغو مدينة بوكافو دون مقاومة.", ("entered", "بوكافو", "M23")),
    ("وأعلنت إدارة العمليات العسكرية سيطرتها على مدينة حمص.", ("captured", "حمص", "HTS")),
    ("واستعادت قوات الشرعية مديرية حريب في محافظة مأرب.",
     ("captured", "حريب", "Yemeni government")),
    ("وقصف الجيش البورمي مدينة لاشيو بالطائرات.", ("attacked", "لاشيو", "Tatmadaw")),
    ("ودخل مقاتلو الفيلق الأفريقي مدينة كيدال إلى جانب الجيش المالي.",
     ("entered", "كيدال", "Wagner")),
    ("وتوغلت قوات الاحتلال الإسرائيلي في مدينة رفح.", ("entered", "رفح", "Israel")),
])
def test_press_names_of_the_sides(sentence: str, want: tuple) -> None:
    """Rule "press names of the sides" (conflicts.json): names Arabic wire copy uses."""
    assert want in _claims(sentence, "any")


@pytest.mark.parametrize(("sentence", "want"), [
    ("وذكر شهود عيان أن الفرقة 17 مشاة انسحبت من مدينة سنجة.", ("withdrew", "سنجة", "SAF")),
    ("وقال مصدر عسكري إن اللواء التاسع دخل بلدة القيارة جنوب الموصل.",
     ("entered", "القيارة", "Iraqi forces")),
    ("واستعادت الفرقة الثالثة مدرعة السيطرة على بلدة أبو الظهور في ريف إدلب.",
     ("captured", "أبو الظهور", "Syrian government")),
])
def test_numbered_formation(sentence: str, want: tuple) -> None:
    """Rule "numbered formation": "الفرقة 17 مشاة" is a unit of the war's state army."""
    assert want in _claims(sentence, "any")


@pytest.mark.parametrize(("sentence", "conflict"), [
    ("وحذرت الأمم المتحدة من أن اقتحام مدينة الفاشر قد يؤدي إلى كارثة إنسانية.", "sudan"),
    ("وحذر مسؤولون محليون من سقوط مدينة مأرب بيد الحوثيين خلال أيام.", "yemen"),
    ("ويأتي ذلك وسط تحذيرات من اجتياح إسرائيلي وشيك لمدينة رفح.", "gaza"),
])
def test_warning(sentence: str, conflict: str) -> None:
    """Rule "warning": what a warning is about has not happened; no claim."""
    assert _claims(sentence, conflict) == []


@pytest.mark.parametrize(("sentence", "conflict"), [
    ("ونفى المتحدث باسم الجيش الأوكراني أن تكون مدينة تشاسيف يار قد سقطت.", "ukraine"),
    ("ونفت الحكومة الإثيوبية أن تكون بلدة ديسي قد سقطت بيد المتمردين.", "ethiopia"),
    ("ونفى الجيش السوداني أن تكون مدينة الفاشر قد سقطت، مؤكدا استمرار القتال فيها.", "sudan"),
])
def test_denied_that_place_first(sentence: str, conflict: str) -> None:
    """Rule "denied that, place first": "نفى أن تكون X قد سقطت" reports no fall."""
    assert all(action != "captured" for action, _, _ in _claims(sentence, conflict))


def test_fall_still_read_without_denial() -> None:
    """The same sentences without the denial keep their claim."""
    got = _claims("وقال مصدر عسكري إن بلدة ديسي قد سقطت بيد المتمردين.", "ethiopia")
    assert any(action == "captured" and place == "ديسي" for action, place, _ in got)


@pytest.mark.parametrize(("sentence", "want"), [
    ("وأعادت القوات الروسية تموضعها خارج مدينة خيرسون.", ("withdrew", "خيرسون", "Russia")),
    ("وقال الجيش إنه أعاد تمركز قواته خارج مدينة سنجة حفاظا على أرواح المدنيين.",
     ("withdrew", "سنجة", "SAF")),
    ("وأعادت القوات الحكومية الصومالية انتشارها خارج بلدة جوهر.",
     ("withdrew", "جوهر", "Somali government")),
])
def test_redeployment_outside(sentence: str, want: tuple) -> None:
    """Rule "redeployment outside": إعادة الانتشار / التموضع خارج X is a withdrawal from X."""
    assert want in _claims(sentence, "any")


def test_redeployment_inside_still_holds() -> None:
    """Redeploying *in* a town keeps the deployment rule's holds."""
    got = _claims("وأعادت القوات الروسية انتشارها في مدينة خيرسون.", "ukraine")
    assert ("holds", "خيرسون", "Russia") in got


@pytest.mark.parametrize(("sentence", "place", "point"), [
    ("ودخلت قوات دفاع تيغراي ميكيلي بعد انسحاب الجيش الإثيوبي.", "ميكيلي", (13.5, 39.5)),
    ("أعلنت جبهة تحرير تيغراي أن مقاتليها استعادوا السيطرة على ميكيلي.", "ميكيلي", (13.5, 39.5)),
    ("وسيطر جيش أراكان على مياوادي بعد معارك استمرت أسابيع.", "مياوادي", (16.7, 98.5)),
])
def test_slot_extended_readings(sentence: str, place: str, point: tuple,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule "slot extended readings": a governed word read with و as o, ي as e in the war."""
    import claims.arabic.extract as extract

    row = {"article_id": "t", "sentence": sentence, "published": "2023-05-10"}
    claims = [c for c in run_file([row])[0]["claims"] if c.get("place") == place]
    assert claims and all(abs(c["place_lat"] - point[0]) < 1 and abs(c["place_lon"] - point[1]) < 1
                          for c in claims)
    monkeypatch.setattr(extract, "SLOT_EXTENDED_READINGS", False)
    assert not [c for c in run_file([row])[0]["claims"] if c.get("place") == place]


@pytest.mark.parametrize(("sentence", "want"), [
    ("وسيطرت القوات الروسية على مدينة أفدييفكا بما فيها بلدة سيفيرنه.",
     ("captured", "سيفيرنه", "Russia")),
    ("وقال الجيش الإسرائيلي إن قواته دخلت عدة بلدات في الجنوب، بينها الخيام والناقورة.",
     ("entered", "الناقورة", "Israel")),
    ("واستعادت القوات العراقية مدينة الموصل بما في ذلك بلدة القيارة.",
     ("captured", "القيارة", "Iraqi forces")),
])
def test_including(sentence: str, want: tuple) -> None:
    """Rule "including": بينها / بما فيها X after a place gives X the verb's claim."""
    assert want in _claims(sentence, "any")


def test_and_from_it_is_no_list() -> None:
    """"ومنها" after a place is "and from it": the next place is not entered."""
    got = _claims("ودخلت القوات الروسية بلدة أفدييفكا ومنها انطلقت نحو بوكروفسك.", "ukraine")
    assert ("entered", "بوكروفسك", "Russia") not in got
