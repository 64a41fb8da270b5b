"""The selected contact, read-only: avatar, name, organisation and every field in sections.

Every value is set as plain text (``Qt.PlainText``): names and notes come from other people's
vCards, and "<b>x</b>" or "<img src=…>" must show literally, never be interpreted.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import Address, Contact, LabeledValue
from netdesk.domain.links import EMAIL, PHONE, WEB, link_for
from netdesk.domain.summary import ContactSummary
from netdesk.ui.dates_section import DatesSection, has_dates
from netdesk.ui.icons import line_icon
from netdesk.ui.link_label import ElidingLabel, LinkLabel
from netdesk.ui.locale_format import day_month_text, stored_date

AVATAR_SIZE = 64
HEADER_SPACING = 14


def initials(name: str) -> str:
    words = [w for w in name.replace("(", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar_pixmap(name: str, photo: bytes | None, size: int, ratio: float = 1.0) -> QPixmap:
    """A round photo, or the person's initials on a colour picked from their name.

    The fill is a mid-tone (fixed lightness and saturation, hue from the name) so white
    initials read well on it in both light and dark themes.
    """
    px = int(size * ratio)
    pixmap = QPixmap(px, px)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, px, px))
    image = QImage.fromData(photo) if photo else QImage()
    if not image.isNull():
        painter.setClipPath(clip)
        scaled = image.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawImage((px - scaled.width()) // 2, (px - scaled.height()) // 2, scaled)
    else:
        hue = int(hashlib.md5(name.encode("utf-8")).hexdigest()[:4], 16) % 360
        painter.fillPath(clip, QColor.fromHsl(hue, 110, 105))
        font = QFont()
        font.setPixelSize(int(px * 0.38))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(QRectF(0, 0, px, px), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _plain_label(text: str, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Ignored horizontally: the pane's width decides, the text's longest word doesn't.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to a new line (the tag chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def birthday_text(contact: Contact) -> str:
    b = contact.birthday
    if b is None:
        return ""
    return day_month_text(b.day, b.month, b.year)


def _address_text(a: Address) -> str:
    lines = [a.street, a.extended, a.po_box,
             " ".join(x for x in (a.postal_code, a.locality) if x), a.region, a.country]
    return "\n".join(line for line in lines if line)


def _label_of(v: LabeledValue, fallback: str) -> str:
    label = v.label or fallback
    return f"{label} ★" if v.preferred else label


class DetailPane(QScrollArea):
    """Shows one contact; emits ``edit_requested`` from its Edit button."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(280)
        # Never scroll sideways: long values wrap (or, if unbreakable like an e-mail address,
        # are cut in the middle) instead of pushing the Edit button out of sight.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout = QVBoxLayout()
        self.contact: Contact | None = None
        self.name_label: QLabel | None = None
        self.show_placeholder(self.tr("Select a contact to see everything you know about them."))

    # -- public -------------------------------------------------------------------------------
    def show_placeholder(self, text: str) -> None:
        self.contact = None
        self.name_label = None
        self._clear()
        self._layout.addStretch(1)
        label = _muted(_plain_label(text, selectable=False))
        label.setObjectName("detailPlaceholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(label)
        self._layout.addStretch(2)

    def show_contact(self, contact: Contact, summary: ContactSummary | None = None) -> None:
        self.contact = contact
        self._clear()
        self._add_header(contact)
        self._add_values(self.tr("Phones"), contact.phones, "phone", PHONE)
        self._add_values(self.tr("E-mail"), contact.emails, "e-mail", EMAIL)
        if contact.addresses:
            self._section(self.tr("Addresses"))
            for a in contact.addresses:
                self._row(a.label or "address", _address_text(a))
        if contact.urls or contact.social_profiles:
            self._section(self.tr("Web and social"))
            for v in contact.urls:
                self._row(_label_of(v, "web"), v.value, WEB)
            for v in contact.social_profiles:
                self._row(_label_of(v, "profile"), v.value, WEB)
        if contact.met_event or contact.met_note:
            self._section(self.tr("How we met"))
            if contact.met_event:
                kind = f" ({contact.met_event_kind})" if contact.met_event_kind else ""
                self._row(self.tr("where"), contact.met_event + kind)
            if contact.met_note:
                self._row(self.tr("note"), contact.met_note)
        self._add_keep_in_touch(contact, summary)
        personal = [(self.tr("birthday"), birthday_text(contact)),
                    (self.tr("nickname"), contact.nickname)]
        if any(v for _, v in personal):
            self._section(self.tr("Personal"))
            for label, value in personal:
                if value:
                    self._row(label, value)
        if has_dates(contact):
            self._layout.addWidget(DatesSection(contact))
        if contact.notes:
            self._section(self.tr("Notes"))
            notes = _plain_label(contact.notes)
            notes.setObjectName("detailNotes")
            self._layout.addWidget(notes)
        self._layout.addStretch(1)

    # -- building blocks ----------------------------------------------------------------------
    def _clear(self) -> None:
        # A fresh body per contact: setWidget() deletes the old one with all its labels.
        body = QWidget()
        body.setObjectName("detailBody")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(20, 20, 20, 20)
        self._layout.setSpacing(4)
        self.setWidget(body)

    def _add_header(self, c: Contact) -> None:
        header = QHBoxLayout()
        header.setSpacing(HEADER_SPACING)
        avatar = QLabel()
        avatar.setObjectName("detailAvatar")
        avatar.setFixedSize(AVATAR_SIZE, AVATAR_SIZE)
        avatar.setPixmap(avatar_pixmap(c.display_name, c.photo, AVATAR_SIZE,
                                       self.devicePixelRatioF()))
        header.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(2)
        name = _plain_label(c.display_name)
        name.setObjectName("detailName")
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        name.setFont(font)
        self.name_label = name
        names.addWidget(name)
        role = " · ".join(x for x in (c.title, ", ".join([c.org, *c.org_units]) if c.org else "")
                          if x)
        if role:
            subtitle = _plain_label(role)
            subtitle.setObjectName("detailSubtitle")
            names.addWidget(subtitle)
        names.addStretch(1)
        header.addLayout(names, 1)
        edit = QPushButton(line_icon("edit"), self.tr("Edit"))
        edit.setObjectName("detailEditButton")
        edit.setToolTip(self.tr("Edit this contact (Enter)"))
        edit.clicked.connect(self.edit_requested)
        header.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addLayout(header)
        if c.tags:
            # Under the names (same left edge); chips wrap onto more lines when needed.
            chips = QWidget()
            chips.setObjectName("detailTags")
            chips.setLayout(_tag_chips(c.tags))
            chips.layout().setContentsMargins(AVATAR_SIZE + HEADER_SPACING, 8, 0, 0)
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            chips.setSizePolicy(policy)
            self._layout.addWidget(chips)
        self._layout.addSpacing(8)

    def _section(self, title: str) -> None:
        self._layout.addSpacing(14)
        label = _muted(QLabel(title.upper()))
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 0.82)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        label.setFont(font)
        self._layout.addWidget(label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(QPalette.ColorRole.Mid)
        self._layout.addWidget(line)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(5)
        self._grid.setColumnStretch(1, 1)
        self._layout.addLayout(self._grid)

    def _row(self, label: str, value: str, kind: str = "") -> None:
        row = self._grid.rowCount()
        key = _muted(_plain_label(label, selectable=False))
        key.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        key.setMinimumWidth(76)
        key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
        # An address opens on click or Enter (mailto:, tel:, http/https only; see LinkLabel).
        url = link_for(kind, value) if kind else None
        one_word = value and not any(ch.isspace() for ch in value)
        if url is not None:
            shown: QLabel = LinkLabel(value, url, kind)
            # The label is as wide as the column: the link (click target) only its text.
            self._grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignLeft)
            return
        shown = ElidingLabel(value) if one_word else _plain_label(value)
        # Top-aligned like the key: a wrapped value's row can be taller than its text.
        shown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(shown, row, 1)

    def _add_values(self, title: str, values: list[LabeledValue], fallback: str,
                    kind: str = "") -> None:
        if values:
            self._section(title)
            for v in values:
                self._row(_label_of(v, fallback), v.value, kind)

    def _add_keep_in_touch(self, c: Contact, summary: ContactSummary | None) -> None:
        last = summary.last_contact if summary else None
        due = summary.next_due if summary else None
        if c.keep_in_touch_days is None and last is None and due is None:
            return
        self._section(self.tr("Keep in touch"))
        if c.keep_in_touch_days:
            self._row("every", f"{c.keep_in_touch_days} days")
        if last is not None:
            self._row("last contact", stored_date(last))
        if due is not None:
            self._row("follow up", stored_date(due))


def _tag_chips(tags: list[str]) -> FlowLayout:
    row = FlowLayout(spacing=6)
    for tag in tags:
        chip = QLabel(tag)
        chip.setTextFormat(Qt.TextFormat.PlainText)
        chip.setObjectName("tagChip")
        # palette() references keep the chip readable in light and dark themes.
        chip.setStyleSheet(
            "QLabel#tagChip { border: 1px solid palette(mid); border-radius: 9px;"
            " padding: 1px 8px; background: palette(alternate-base); }"
        )
        chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(chip)
    return row

