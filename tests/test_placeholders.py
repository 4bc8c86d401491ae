"""Embeds a reader sees that arrive through a placeholder, a lazy loader, a wrapper or a publishing
platform's own card (hand-made page: tests/fixtures/platforms/placeholders.html)."""

from __future__ import annotations

from pathlib import Path

from citecheck.config import Settings
from citecheck.pipeline import check_source

FIXTURES = Path(__file__).parent / "fixtures" / "platforms"


def test_every_placeholder_lazy_and_wrapped_embed_is_found_and_nothing_else() -> None:
    report = check_source(str(FIXTURES / "placeholders.html"), Settings())
    got = [(e.platform, e.post_id, e.form, e.handle or e.url_handle) for e in report.embeds]
    assert got == [
        # consent placeholders keeping the code: escaped in a textarea, a template, an attribute, base64
        ("twitter", "1898741079864369728", "blockquote-in-placeholder", "portauthority_x"),
        ("twitter", "1899547162178609728", "blockquote-in-placeholder", "dockside_cafe"),
        ("instagram", "DG5kLm2sPq1", "blockquote-in-placeholder", "riverfest"),
        ("twitter", "1899007749518385728", "blockquote-in-placeholder", "harbor_ferries"),
        # placeholders keeping only the address: data-oembed-url, data-extcontent_url, div[data-href]
        ("twitter", "1898315295093809728", "placeholder", "harbor_ferries"),
        ("twitter", "1898116443141169728", "placeholder", "portauthority_x"),
        ("instagram", "CpnwXmgktaH", "placeholder", None),
        # a lazy blockquote marked data-twitter, holding only the status link
        ("twitter", "1900154874885169728", "blockquote", "harbor_ferries"),
        # lazy iframes: iframe-src, data-lazy behind src="about:blank"
        ("youtube", "dQw4w9WgXcQ", "iframe", None),
        ("youtube", "M7lc1UVf-VE", "iframe", None),
        # the widget's rendered iframe with no blockquote left
        ("twitter", "1897605874710084593", "iframe", None),
        # Embedly (src= and url=), Iframely, a privacy extension's srcdoc
        ("youtube", "aqTxR3w2z1Y", "iframe", None),
        ("instagram", "CqA7hZ2ubXe", "iframe", None),
        ("twitter", "1897326236268100593", "blockquote-in-placeholder", "tidewatch_kay"),
        # Substack's tweet card, a WordPress embed block left as its URL
        ("twitter", "1899724539294769728", "card", "tidewatch_kay"),
        ("twitter", "1896850388284996593", "placeholder", "dockside_cafe"),
    ]
    # A share link, a quotation's cite=, a Like button and a comment box are no embeds.
    assert report.embeds[-1].location.line < 33
    assert report.findings == []


def test_a_placeholder_code_reads_as_the_code_itself() -> None:
    report = check_source(str(FIXTURES / "placeholders.html"), Settings())
    base64_code = report.embeds[3]
    assert (base64_code.display_name, base64_code.text) == (
        "Harbor Ferries",
        "Route 4 runs every 20 minutes from Monday.",
    )
    assert str(base64_code.shown_date) == "2025-03-10"
    card = report.embeds[14]
    assert (card.display_name, card.text, str(card.shown_date)) == (
        "Kay Tidewatch",
        "Water at the quay wall this morning.",
        "2025-03-12",
    )
    # Each is located at the element a reader's page holds it in.
    assert [e.location.line for e in report.embeds[:4]] == [8, 10, 12, 14]


def test_amp_elements_read_their_fallback_and_the_url_they_carry() -> None:
    report = check_source(str(FIXTURES / "amp_and_repeats.html"), Settings())
    amp = [(e.platform, e.post_id, e.handle, e.url_handle) for e in report.embeds if e.form == "amp"]
    assert amp == [
        ("twitter", "1898741079864369728", "coastwatch_nd", "coastwatch_nd"),  # from its placeholder blockquote
        ("twitter", "1899007749518385728", None, None),  # an ID alone says no handle
        ("instagram", "DG5kLm2sPq1", None, None),
        ("facebook", "1234567890123456", None, "harborferries"),
        ("tiktok", "7432383783650617521", None, "eastsidedance"),
        ("youtube", "dQw4w9WgXcQ", None, None),
    ]
    first = report.embeds[0]
    assert (first.display_name, str(first.shown_date)) == ("Coast Watch", "2025-03-09")


def test_the_same_post_seen_twice_in_a_row_is_one_embed_with_both_places() -> None:
    report = check_source(str(FIXTURES / "amp_and_repeats.html"), Settings())
    rest = [
        (e.platform, e.form, e.post_id, e.location.line, [at.line for at in e.also_seen_at]) for e in report.embeds[6:]
    ]
    assert rest == [
        # the leftover blockquote and the iframe the widget rendered from it
        ("twitter", "blockquote", "1899547162178609728", 19, [20]),
        # a lazy player and its <noscript> copy
        ("youtube", "iframe", "M7lc1UVf-VE", 22, [22]),
        # the same post embedded again after more prose is a second embed
        ("twitter", "blockquote", "1899547162178609728", 24, []),
    ]
    assert report.findings == []


def test_a_handle_that_cannot_exist_is_kept_and_reported() -> None:
    report = check_source(str(FIXTURES / "impossible_handles.html"), Settings())
    shown = [(e.form, e.handle, e.display_name) for e in report.embeds]
    assert shown == [
        ("blockquote", "harbournightdesk_official", "Harbour Night Desk"),
        ("blockquote", "harbournightdesk_official", "Harbour Night Desk"),
        ("flattened-text", "harbour_desk_newsroom", "Harbour Desk"),
        ("blockquote", "portauthority_x", "Port Authority"),
    ]
    found = sorted((f.embed, f.rule) for f in report.findings)
    # Alone, the impossible handle is CC104; against another account's URL it is CC103 (once).
    assert found == [(0, "CC104"), (1, "CC103"), (2, "CC104")]
    assert "at most 15 characters" in next(f.message for f in report.findings if f.embed == 0)


def test_a_caption_repeating_an_embed_s_byline_is_not_a_second_embed() -> None:
    report = check_source(str(FIXTURES / "captions.html"), Settings())
    got = [(e.form, e.handle) for e in report.embeds]
    # The <figcaption> and the caption paragraph repeat the codes beside them; a byline quoted in
    # the article's own text is an embed of its own.
    assert got == [
        ("blockquote", "portauthority_x"),
        ("blockquote", "harbor_ferries"),
        ("flattened-text", "dana_reyes"),
    ]
    assert report.findings == []


def test_a_site_state_s_embeds_count_only_for_the_page_s_own_article() -> None:
    # The state holds the article (its canonical_url is the page's) and a related story's teaser.
    report = check_source(str(FIXTURES / "script_state.html"), Settings())
    assert [(e.form, e.handle) for e in report.embeds] == [("blockquote-in-script", "portauthority_x")]
    assert report.findings == []  # the teaser's post, six days after publication, is no CC201 here


def test_an_app_shell_s_state_counts_its_story_s_embeds() -> None:
    # No article body of its own: Next.js page props name the story by its path.
    report = check_source(str(FIXTURES / "script_state_shell.html"), Settings())
    assert [e.handle for e in report.embeds] == ["portauthority_x"]


def test_a_held_code_missing_its_date_is_cc101_as_the_code_itself(tmp_path: Path) -> None:
    import html

    code = (
        '<div class="fb-post" data-href="https://www.facebook.com/harborferries/posts/pfbid02abcDEF123">'
        '<blockquote cite="https://www.facebook.com/harborferries/posts/pfbid02abcDEF123" class="fb-xfbml-parse-ignore">'
        '<p>Route 4 is back.</p>Posted by <a href="https://www.facebook.com/harborferries">Harbor Ferries</a>'
        "</blockquote></div>"
    )
    found = []
    for body in (code, f'<textarea class="consent-code">{html.escape(code)}</textarea>'):
        page = tmp_path / "held.html"
        page.write_text(
            '<html><head><meta property="article:published_time" content="2025-03-12"></head>'
            f"<body><article><p>Ferries.</p>{body}<p>More.</p></article></body></html>",
            encoding="utf-8",
        )
        report = check_source(str(page), Settings())
        found.append(([e.form for e in report.embeds], [f.rule for f in report.findings]))
    # The XFBML code without its byline's date, shown and held in a consent placeholder: one verdict.
    assert found == [(["xfbml"], ["CC101"]), (["xfbml-in-placeholder"], ["CC101"])]
