from bibliohub.core.markdown import render_markdown


def test_lists_and_emphasis_become_html():
    html = render_markdown("Klíčové aktivity:\n\n- vzdělávání\n- **mentoring** nových ředitelů")
    assert "<ul>" in html and "<li>vzdělávání</li>" in html
    assert "<strong>mentoring</strong>" in html


def test_scripts_and_dangerous_links_are_removed():
    html = render_markdown(
        '<script>alert(1)</script> [x](javascript:alert(1)) <b onclick="x">b</b>'
    )
    # Raw HTML shows as text, never as markup; a javascript: link is not made a link.
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "href" not in html
    assert "<b " not in html


def test_links_are_kept_safe():
    html = render_markdown("[SDRUK](https://sdruk.cz)")
    assert 'href="https://sdruk.cz"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_numbered_lists_keep_their_numbers_between_bullet_lists():
    html = render_markdown("1. Vzdělávání\n\n- stáže\n\n2. Inovace\n\n- granty")
    assert '<ol start="2">' in html
