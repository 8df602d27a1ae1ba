"""A stored claim says why it is where it is, and the popup shows it escaped."""

from geo.claim_records import claim_records, popup_html
from store.convert import why_lines


def test_ingested_claim_keeps_its_reasons(tmp_path):
    from store import open_store
    from store.ingest.readers import article_from_text

    store = open_store(f"sqlite:///{tmp_path / 'why.sqlite'}")
    text = ("RSF fighters reached Wad Madani on Monday.\n\n"
            "Two days later they took the city after a short battle.")
    store.ingest_article(article_from_text(text, title="probe", source="probe",
                                           published="2023-12-20"))
    frame = store.claims_frame()
    captured = frame[frame["action"] == "captured"].iloc[0]
    why = list(captured["why"])
    assert "the city -> Wad Madani, named 1 sentence before" in why
    assert "they -> RSF, named 1 sentence before" in why


def test_why_lines_name_the_mention_rules():
    from claims.extract import extract_claims
    from gazetteer import geoparse

    text = "Sudanese troops recaptured Sinja on Saturday."
    mentions = geoparse(text)
    claim = next(c for c in extract_claims(text, mentions=mentions) if c.kind == "control")
    lines = why_lines(claim, [m for m in mentions if m.text == "Sinja"])
    assert any(line.startswith("Sinja: rules ") for line in lines)
    assert any(line.startswith("Sinja -> ") for line in lines)


def test_why_is_escaped_in_popups():
    row = {"claim_id": 1, "kind": "control", "lat": 14.4, "lon": 33.5, "place": "X",
           "action": "captured", "why": ["<script>alert(1)</script> -> X"]}
    html = popup_html(row)
    assert "<script>" not in html and "&lt;script&gt;" in html
    (record,) = claim_records([row], {})
    assert record["y"] == ["&lt;script&gt;alert(1)&lt;/script&gt; -&gt; X"]
