"""The language of every stored article is detected (Arabic by script, English by its words)."""

import pytest

from store.language import detect_language
from store.types import ArticleInput


@pytest.mark.parametrize(("text", "lang"), [
    ("سيطرت قوات حفتر على مدينة غريان يوم الأربعاء.", "ar"),
    ("قال المتحدث إن قوات الوفاق (GNA) دخلت سرت.", "ar"),  # Latin letters inside
    ("Forces loyal to the government said they had entered the town of Sirte.", "en"),
    ("The LNA took Gharyan (غريان) on Wednesday, a spokesman said.", "en"),
    ("Las fuerzas entraron en la ciudad el miércoles.", None),
    ("   ", None),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_every_article_gets_a_language_unless_given():
    assert ArticleInput(text="دخلت القوات مدينة سرت فجر الاثنين").language == "ar"
    assert ArticleInput(text="Troops entered the city of Sirte on Monday.").language == "en"
    assert ArticleInput(text="دخلت القوات سرت", language="fr").language == "fr"
