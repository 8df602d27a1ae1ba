"""Upload page: paste text or upload files, preview places and claims, correct, then save.

1. *Read*: pasted text or ``.txt``/``.html``/``.pdf``/``.jsonl`` files become articles (the
   store's readers; the source and date typed here fill what a file does not say). A file that
   cannot be read is reported by name and skipped.
2. *Preview*: each article is analysed once (``claims.analyze_article``); the page shows the
   text with its place mentions highlighted (escaped), the extracted claims and, per place
   name, the ranked candidates. The analyst can pick another candidate or type coordinates.
3. *Save*: each article is stored atomically with the analyst's choices as corrections
   (``Store.ingest_article(..., overrides=...)``), with a progress bar; a failure stores
   nothing of that article and the others go on.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import streamlit as st

from app import data
from app.preview import (
    MANUAL,
    candidate_label,
    claims_table,
    highlighted_html,
    manual_place,
    mention_groups,
)
from app.text import md_escape
from core.errors import ConflictMapError

__all__ = ["render"]

log = logging.getLogger("conflictmap.app.upload_page")
_BATCH = "upload_batch"
_ANALYSES = "upload_analyses"
#: Place names listed at most per article (the preview stays quick on long articles).
_MAX_PLACE_ROWS = 60
_TYPES = ["txt", "text", "md", "html", "htm", "pdf", "jsonl"]


def _digest(article: Any, *, text_only: bool = False) -> str:
    """Key of an article's analysis in the session (its text and, unless ``text_only``, meta)."""
    parts = [article.text]
    if not text_only:
        parts += [
            str(article.title),
            str(article.source),
            str(article.published),
            str(article.conflict),
        ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "replace")).hexdigest()[:16]


def _defaults_form(prefix: str) -> dict[str, Any]:
    """Source, publication date, URL and conflict fields shared by both ways in."""
    c1, c2, c3 = st.columns([2, 1, 1])
    source = c1.text_input("Source (outlet)", key=f"{prefix}_source", max_chars=200)
    published = c2.text_input("Published (YYYY-MM-DD)", key=f"{prefix}_published", max_chars=10)
    conflict = c3.text_input("Conflict (optional)", key=f"{prefix}_conflict", max_chars=60)
    return {
        "source": source.strip() or None,
        "published": published.strip() or None,
        "conflict": conflict.strip() or None,
    }


def _read_inputs() -> None:
    """Draw the paste and upload forms; fill the session batch with articles to preview."""
    from store.ingest import article_from_text, read_bytes

    paste, files = st.tabs(["Paste text", "Upload files"])
    with paste, st.form("paste_form"):
        title = st.text_input("Title", max_chars=500)
        url = st.text_input("URL (optional)", max_chars=2000)
        meta = _defaults_form("paste")
        text = st.text_area("Article text", height=220)
        if st.form_submit_button("Preview", type="primary"):
            try:
                article = article_from_text(
                    text, title=title.strip() or None, url=url.strip() or None, **meta
                )
            except ConflictMapError as err:
                st.error(f"Cannot read the pasted text: {md_escape(err)}")
            else:
                st.session_state[_BATCH] = [article]
    with files, st.form("files_form"):
        uploads = st.file_uploader(
            "Articles",
            type=_TYPES,
            accept_multiple_files=True,
            help="Source and date below fill in what a file does not say.",
        )
        meta = _defaults_form("files")
        if st.form_submit_button("Read files", type="primary"):
            batch, problems = [], []
            for upload in uploads or []:
                try:
                    items = read_bytes(upload.name, upload.getvalue(), **meta)
                except ConflictMapError as err:
                    problems.append(f"{upload.name}: {err}")
                    continue
                for item in items:
                    if isinstance(item, ConflictMapError):
                        problems.append(f"{upload.name}: {item}")
                    else:
                        batch.append(item)
            for problem in problems:
                st.error(f"Skipped — {md_escape(problem)}")
            if batch:
                st.session_state[_BATCH] = batch
            elif not problems:
                st.warning("Choose one or more files first.")


def _analysis(article: Any) -> Any:
    """Return the analysis of one article (once per session; a failure is kept as the error)."""
    from claims import analyze_article

    analyses = st.session_state.setdefault(_ANALYSES, {})
    key = _digest(article)
    if key not in analyses:
        try:
            analyses[key] = analyze_article(
                article.text,
                title=article.title,
                published=article.published,
                source=article.source,
                url=article.url,
                conflict=article.conflict,
            )
        except (ConflictMapError, ValueError, LookupError) as err:
            analyses[key] = err
    return analyses[key]


def _edit_meta(index: int, article: Any) -> Any:
    """Title, source and date of one article, pre-filled from the file; returns the article."""
    import dataclasses

    key = _digest(article, text_only=True)
    c1, c2, c3 = st.columns([3, 2, 1])
    title = c1.text_input("Title", value=article.title or "", key=f"meta_t_{index}_{key}")
    source = c2.text_input("Source", value=article.source or "", key=f"meta_s_{index}_{key}")
    published = c3.text_input(
        "Published",
        value=str(article.published or ""),
        key=f"meta_p_{index}_{key}",
        help="YYYY-MM-DD; event dates such as 'on Monday' are read relative to it",
    )
    try:
        return dataclasses.replace(
            article,
            title=title.strip() or None,
            source=source.strip() or None,
            published=published.strip() or None,
        )
    except ConflictMapError as err:
        st.error(md_escape(err))
        return article


def _corrections(index: int, analysis: Any, text: str) -> dict[tuple[int, int], Any]:
    """Candidate pickers per place name; returns span -> chosen Place for changed ones.

    The places the claims use come first; the other places, and names that are probably
    not places (with the reason), are folded below.
    """
    from app.preview_places import sort_places

    overrides: dict[tuple[int, int], Any] = {}
    groups = mention_groups(analysis.mentions)
    if not groups:
        st.caption("No places found in this article.")
        return overrides
    sorted_groups = sort_places(groups[:_MAX_PLACE_ROWS], analysis.claims, text)
    st.caption(
        "Places the claims use: pick another candidate or type coordinates; the choice is "
        "saved with the article as a correction."
    )
    for number, group in sorted_groups.used:
        _place_picker(index, number, group, overrides, st)
    if not sorted_groups.used:
        st.caption("No claim uses a place of this article.")
    if sorted_groups.other:
        with st.expander(f"Other places in the article ({len(sorted_groups.other)})"):
            for number, group in sorted_groups.other:
                _place_picker(index, number, group, overrides, st)
    if sorted_groups.not_places:
        with st.expander(f"Probably not places ({len(sorted_groups.not_places)})"):
            for number, group, reason in sorted_groups.not_places:
                st.caption(f"{md_escape(group[0].text)}: {md_escape(reason)}")
                _place_picker(index, number, group, overrides, st)
    return overrides


def _place_picker(index: int, number: int, group: list[Any],
                  overrides: dict[tuple[int, int], Any], box: Any) -> None:
    """One place name's candidate picker (or typed coordinates); fills ``overrides``."""
    first = group[0]
    candidates = [c.place for c in first.candidates] or ([first.place] if first.place else [])
    options = [*range(len(candidates)), MANUAL]
    current = next(
        (i for i, p in enumerate(candidates) if first.place and p.id == first.place.id),
        0 if candidates else MANUAL,
    )
    cols = box.columns([2, 3])
    cols[0].text(f"{first.text} ×{len(group)}")
    choice = cols[1].selectbox(
        f"Place for {first.text}",
        options,
        index=options.index(current),
        format_func=lambda i, c=candidates, f=first: (
            "Set coordinates…" if i == MANUAL else candidate_label(c[i], f.candidates, i)
        ),
        key=f"pick_{index}_{number}",
        label_visibility="collapsed",
    )
    if choice == MANUAL:
        c1, c2 = cols[1].columns(2)
        lat = c1.number_input(
            "Latitude", -90.0, 90.0, value=None, format="%.5f", key=f"lat_{index}_{number}"
        )
        lon = c2.number_input(
            "Longitude", -180.0, 180.0, value=None, format="%.5f", key=f"lon_{index}_{number}"
        )
        if lat is None or lon is None:
            return
        place = manual_place(first.text, lat, lon)
    else:
        place = candidates[choice]
        if first.place is not None and place.id == first.place.id:
            return
    for mention in group:
        overrides[(mention.start, mention.end)] = place


def _preview(batch: list[Any]) -> dict[int, dict[tuple[int, int], Any]]:
    """Show each article's preview (editable meta, places, claims, candidates).

    Updates ``batch`` in place with the analyst's title/source/date and returns the place
    overrides per article index.
    """
    chosen: dict[int, dict[tuple[int, int], Any]] = {}
    bar = st.progress(0.0, text="Reading places and claims…") if len(batch) > 1 else None
    for index, article in enumerate(list(batch)):
        label = article.title or article.origin or f"article {index + 1}"
        with st.expander(f"{index + 1}. {md_escape(label)}", expanded=len(batch) == 1):
            article = batch[index] = _edit_meta(index, article)
            origin = article.origin or "pasted text"
            st.text(f"{len(article.text):,} characters, read out of {origin}")
            from app import warmup

            warmup.wait_with_progress(st)
            with st.spinner("Reading places and claims…"):
                analysis = _analysis(article)
            if bar is not None:
                bar.progress((index + 1) / len(batch), text=f"Analysed {index + 1} of {len(batch)}")
            if isinstance(analysis, Exception) or analysis is None:
                st.error(f"Could not analyse this article: {md_escape(analysis)}")
                continue
            st.html(highlighted_html(article.text, analysis.mentions))
            table = claims_table(analysis.claims, analysis.verdicts)
            st.caption(f"{len(table)} claim(s) found")
            checks = table[table["kind"] == "distance"]
            if len(checks):
                st.markdown("**Distance checks**")
                st.text("\n".join(f"• {row.what}: {row.verdict}"
                                   for row in checks.itertuples(index=False)))
            if len(table):
                st.dataframe(
                    table, hide_index=True, key=f"claims_prev_{index}",
                    column_config={"verdict": st.column_config.TextColumn("Verdict",
                                                                          width="large")},
                )
            chosen[index] = _corrections(index, analysis, article.text)
    if bar is not None:
        bar.empty()
    return chosen


def _save(store: Any, batch: list[Any], chosen: dict[int, dict[tuple[int, int], Any]]) -> None:
    """Store every article with its overrides; report each outcome."""
    analyses = st.session_state.get(_ANALYSES, {})
    bar = st.progress(0.0, text="Saving…")
    stored = 0
    for number, article in enumerate(batch, start=1):
        analysis = analyses.get(_digest(article))
        label = article.title or article.origin or f"article {number}"
        try:
            if isinstance(analysis, Exception) or analysis is None:
                raise ConflictMapError(f"not analysed: {analysis}")
            result = store.ingest_article(
                article,
                analyzer=lambda *a, _r=analysis, **k: _r,
                overrides=chosen.get(number - 1) or None,
                who="app",
            )
        except ConflictMapError as err:
            st.error(f"{md_escape(label)}: not saved — {md_escape(err)}")
        else:
            if result.status == "stored":
                stored += 1
                st.success(
                    f"{md_escape(label)}: saved, {result.claims} claim(s), "
                    f"{result.mentions} place(s)"
                )
            else:
                st.info(f"{md_escape(label)}: {result.status} (article {result.article_id})")
        bar.progress(number / len(batch), text=f"Saved {number} of {len(batch)}")
    bar.empty()
    if stored:
        data.bump_version()
        st.session_state.pop(_BATCH, None)
        st.caption("The new claims are on the Map page.")


def render() -> None:
    """Draw the upload page."""
    st.header("Upload articles")
    store = data.get_store()
    _read_inputs()
    batch = st.session_state.get(_BATCH) or []
    if not batch:
        st.caption("Paste an article or choose files, then preview before saving.")
        return
    st.subheader(f"Preview — {len(batch)} article(s)")
    chosen = _preview(batch)
    left, right = st.columns([1, 4])
    if left.button("Save to the database", type="primary", key="save_batch"):
        _save(store, batch, chosen)
    if right.button("Discard", key="discard_batch"):
        st.session_state.pop(_BATCH, None)
        st.rerun()
