"""Contact text in Qt, always shown as it is and never interpreted as HTML.

Labels take ``setTextFormat(PlainText)``, but tooltips have no such switch: Qt renders any
tooltip that "might be rich text" (``Qt::mightBeRichText``) as HTML, so an imported name like
``<b><u>Ann</u></b>`` would show bold and underlined, and an ``<img>`` would be loaded.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` literally: escaped, and marked as rich text (``<qt>``)
    so Qt turns the escapes back into the characters instead of showing ``&lt;``."""
    if not text:
        return ""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"
