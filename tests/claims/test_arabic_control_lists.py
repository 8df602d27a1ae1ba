"""Rule "arabic-list-members": every place of a coordinated list gets the verb's claim.

Own sentences from several wars (Ukraine, Myanmar, Sudan, Libya, Syria, Ethiopia): the
members after the first (و or the Arabic comma, after an optional place noun) are read as
places where the gazetteer lacks them in Arabic, and the list ends at a clause boundary or
at a word that is no place.
"""
from __future__ import annotations

from claims.arabic.clauses import LIST_MEMBER_RE, list_member_after
from claims.arabic.text import fold
from claims.lines import run_file


def _claims(sentence: str, conflict: str) -> list[tuple]:
    row = {"article_id": "t", "sentence": sentence, "published": "2024-02-17",
           "conflict_hint": conflict}
    return [(c.get("action"), c.get("place"), c.get("actor_norm"))
            for c in run_file([row])[0].get("claims", []) if c.get("kind") == "control"]


def test_list_member_glue() -> None:
    """A comma (with or without و) or a bare و introduces a member; a clause word does not."""
    text = fold("على سراقب، وأريحا وجسر")
    first = list_member_after(text, text.index("سراقب") + len("سراقب"))
    assert first is not None and text[first[0]:first[1]] == fold("أريحا")
    second = list_member_after(text, first[1])
    assert second is not None and text[second[0]:second[1]] == "جسر"
    assert LIST_MEMBER_RE.match(". ثم") is None
    assert list_member_after(fold("على سرت في ليبيا"), 7) is None


def test_members_the_gazetteer_lacks_in_arabic_get_the_claim() -> None:
    """The second member, read by its Latin spelling in the war's countries, gets the claim."""
    got = _claims("سيطرت القوات الروسية على باخموت وسوليدار بعد أشهر من القتال.", "ukraine")
    assert ("captured", "باخموت", "Russia") in got and ("captured", "سوليدار", "Russia") in got
    got = _claims("انسحبت القوات الأوكرانية من أفدييفكا وسوليدار.", "ukraine")
    assert ("withdrew", "سوليدار", "Ukraine") in got
    got = _claims("سيطر جيش أراكان على بلدة ماونغداو وبوثيدونغ بعد معارك مع المجلس العسكري.",
                  "myanmar")
    assert {p for _, p, _ in got} == {"ماونغداو", "بوثيدونغ"}


def test_every_member_of_a_list_gets_the_same_claim() -> None:
    """Lists after a plural place noun, with و or commas: one claim per place, same actor."""
    got = _claims("اقتحمت قوات الدعم السريع مدن الجنينة ونيالا وزالنجي في دارفور.", "sudan")
    assert {(a, p, n) for a, p, n in got} == {("entered", "الجنينة", "RSF"),
                                              ("entered", "نيالا", "RSF"),
                                              ("entered", "زالنجي", "RSF")}
    got = _claims("دخلت الفصائل مدن سراقب، وأريحا، وجسر الشغور صباح الأحد.", "syria")
    assert {p for _, p, _ in got} == {"سراقب", "أريحا", "جسر الشغور"}
    got = _claims("دخلت قوات تيغراي ديسي وكومبولشا وولديا.", "ethiopia")
    assert {p for _, p, _ in got} == {"ديسي", "كومبولشا", "ولديا"}


def test_list_ends_at_a_clause_boundary_or_a_word_that_is_no_place() -> None:
    """A clause after a comma (فيما ...) or a verb after و (وقتلت) is no member."""
    got = _claims("سيطرت قوات حفتر على مدن سرت والجفرة وبن جواد، فيما قالت حكومة الوفاق "
                  "إنها سترد.", "libya")
    assert {p for _, p, _ in got} == {"سرت", "الجفرة", "بن جواد"}
    got = _claims("سيطرت القوات الروسية على باخموت، وسوليدار، وقتلت عشرات الجنود.", "ukraine")
    assert {p for _, p, _ in got} == {"باخموت", "سوليدار"}
