"""Roadmap cards: what a card says about an initiative, and how it is painted.

A card reads top to bottom as a FinOps lead scans it: the title, the capability and owner (both
wrapped onto as many lines as they need: a card grows rather than cut a word), then a chip with the maturity it helps reach, when it starts in calendar months ("Mar
2027 · 2 mo"; on a line of its own when a narrow card or large text leaves no room beside the
chip), pin and lock marks, and its status on the right. The maturity colour runs down
the card's left edge in both groupings of the board, so colour always means maturity.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListView, QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.model.project import Initiative
from planner.ui.roadmap.plan import STATUS_COLOURS, PlanView

__all__ = ["CARD_ROLE", "ID_ROLE", "Card", "CardDelegate", "CardLayout", "card_item", "card_layout", "wrap_words"]

ID_ROLE = Qt.ItemDataRole.UserRole
CARD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Card:
    """The texts and colours of one card."""

    title: str
    detail: str
    chip: str
    colour: str
    when: str
    status: str
    status_colour: str
    crossed: bool
    marks: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The card in words (its tooltip and what a screen reader says), marks included."""
        marks = "".join(f" · {mark}" for mark in self.marks)
        return f"{self.title}. {self.detail}. {self.chip} · {self.when}{marks} · {self.status}"


def card_of(item: Initiative, view: PlanView) -> Card:
    """Return the card of an initiative."""
    marks = tuple(mark for mark, on in (("pinned", item.pinned_start is not None), ("locked", item.locked)) if on)
    custom = "Custom · " if item.origin == "custom" else ""
    return Card(
        title=item.title,
        detail=f"{custom}{view.capability(item)} · {item.owner or 'no owner'}",
        chip=view.phase(item),
        colour=view.colour(item.phase),
        when=f"{view.month(item.start_month)} · {item.duration_months} mo",  # short: it shares a line
        status=view.status(item),
        status_colour=STATUS_COLOURS.get(item.status, STATUS_COLOURS["planned"]),
        crossed=item.status == "dropped",
        marks=marks,
    )


def card_item(item: Initiative, view: PlanView) -> QListWidgetItem:
    """Return a list item carrying an initiative's card."""
    card = card_of(item, view)
    widget_item = QListWidgetItem(item.title)
    widget_item.setData(ID_ROLE, item.id)
    widget_item.setData(CARD_ROLE, card)
    tip = f"{item.title}\n\n{item.description}" if item.description else item.title
    marks = "".join(f" · {mark}" for mark in card.marks)
    widget_item.setToolTip(
        f"{tip}\n\n{card.chip} · starts {card.when}{marks} · {card.status}\nDouble-click or Enter to edit."
    )
    widget_item.setData(Qt.ItemDataRole.AccessibleTextRole, card.text)
    return widget_item


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Return ``text`` broken at spaces into lines of at most ``width`` pixels, every word kept.

    A word wider than the line breaks after its hyphens; a single piece wider than the line (a long
    code or URL) is the only thing ever cut, with an ellipsis.
    """
    lines: list[str] = []
    current = ""
    words: list[str] = []
    for word in text.split():  # a word wider than the line breaks after its hyphens ("infrastructure-as-code")
        if metrics.horizontalAdvance(word) > width and "-" in word:
            parts = word.split("-")
            words.extend(f"{part}-" for part in parts[:-1])
            words.append(parts[-1])
        else:
            words.append(word)
    for word in words:
        candidate = (current + word if current.endswith("-") else f"{current} {word}") if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            candidate = word
        current = candidate
    if current:
        lines.append(current)
    return [
        line if metrics.horizontalAdvance(line) <= width else metrics.elidedText(line, _ELIDE, width) for line in lines
    ]


_ELIDE = Qt.TextElideMode.ElideRight


@dataclass(frozen=True, slots=True)
class CardLayout:
    """Where a card's texts go: every line of its title and detail, and its one or two bottom lines."""

    inner: QRect
    line: int
    title: list[str]
    detail: list[str]
    split_bottom: bool  # the start month goes on a line of its own when chip, months and status do not fit

    @property
    def height(self) -> int:
        """The card's height for this layout (the inner box plus the card's margins)."""
        bottom = 2 if self.split_bottom else 1
        return (len(self.title) + len(self.detail) + bottom) * self.line + _SPACE + _MARGINS_V


_MARGINS_V = 3 * 2 + 6 * 2  # the card inside its row, the text inside the card
_SPACE = 6  # between the detail and the bottom line


def _inner(rect: QRect) -> QRect:
    return rect.adjusted(4, 3, -4, -3).adjusted(14, 6, -10, -6)


def card_layout(card: Card, font: QFont, rect: QRect) -> CardLayout:
    """Lay a card out in ``rect`` (its row in the column) with ``font``: nothing is cut, rows grow instead."""
    inner = _inner(rect)
    width = max(1, inner.width())
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    title = wrap_words(card.title, QFontMetrics(bold), width) or [""]
    detail = wrap_words(card.detail, metrics, width)
    # the same sums as _paint_last_line: chip, gap, months, gap, marks, status
    chip = QFontMetrics(bold).horizontalAdvance(card.chip) + 10
    status_font = QFont(font)
    status_font.setBold(card.status != "Planned")
    status = QFontMetrics(status_font).horizontalAdvance(card.status) + 2 + _MARK * len(card.marks)
    split = chip + 6 + metrics.horizontalAdvance(card.when) + 4 + 6 + status + 1 > width
    return CardLayout(inner, metrics.lineSpacing(), title, detail, split)


class CardDelegate(QStyledItemDelegate):
    """Paints an initiative as a card (see the module docstring); a card is as tall as its text needs."""

    def _row_rect(self, option: QStyleOptionViewItem) -> QRect:
        view = self.parent()
        width = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListView) else 220
        return QRect(0, 0, max(120, width), 10_000)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        card = index.data(CARD_ROLE)
        rect = self._row_rect(option)
        if not isinstance(card, Card):
            return QSize(rect.width(), QFontMetrics(option.font).lineSpacing() * 4 + 30)
        return QSize(rect.width(), card_layout(card, option.font, rect).height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        palette = option.palette
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.highlight().color() if selected else palette.mid().color(), 2 if selected else 1))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(card.colour))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 6, rect.height()), 3, 3)
        layout = card_layout(card, option.font, option.rect)
        inner, line = layout.inner, layout.line
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setStrikeOut(card.crossed)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        top = inner.top()
        for text in layout.title:
            painter.drawText(QRect(inner.left(), top, inner.width(), line), 0, text)
            top += line
        painter.setFont(option.font)
        muted = QColor(palette.text().color())
        muted.setAlpha(170)
        painter.setPen(muted)
        for text in layout.detail:
            painter.drawText(QRect(inner.left(), top, inner.width(), line), 0, text)
            top += line
        # the bottom line(s) stay at the bottom, aligned across cards of the same height
        last = QRect(inner.left(), inner.bottom() - line + 1, inner.width(), line)
        if layout.split_bottom:
            above = last.translated(0, -line)
            self._paint_last_line(painter, option.font, card, last, palette.text().color(), when_box=above)
        else:
            self._paint_last_line(painter, option.font, card, last, palette.text().color())
        painter.restore()

    @staticmethod
    def _paint_last_line(
        painter: QPainter, font: QFont, card: Card, box: QRect, ink: QColor, when_box: QRect | None = None
    ) -> None:
        """The maturity chip, the months and marks, and the status (right-aligned).

        With ``when_box`` the months go there (a line of their own) instead of between chip and marks.
        """
        metrics = QFontMetrics(font)
        small = QFont(font)
        small.setBold(True)
        chip_metrics = QFontMetrics(small)
        chip_width = chip_metrics.horizontalAdvance(card.chip) + 10
        chip = QRectF(box.left(), box.top() - 1, chip_width, box.height() + 2)
        fill = QColor(card.colour)
        fill.setAlpha(45)
        painter.setPen(QPen(QColor(card.colour), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, 8, 8)
        painter.setFont(small)
        painter.setPen(ink)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, card.chip)
        # a planned item's status is quiet; work begun, done or set aside stands out in bold
        status_font = QFont(font)
        status_font.setBold(card.status != "Planned")
        painter.setFont(status_font)
        status_width = QFontMetrics(status_font).horizontalAdvance(card.status) + 2
        painter.setPen(QColor(card.status_colour))
        painter.drawText(
            QRect(box.right() - status_width, box.top(), status_width, box.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            card.status,
        )
        right = box.right() - status_width - 6
        for mark in reversed(card.marks):  # drawn, not written: they must fit on a narrow card
            right -= _MARK
            _paint_mark(painter, mark, QRectF(right, box.top(), _MARK - 3, box.height()), ink)
        painter.setFont(font)
        painter.setPen(ink)
        left = int(chip.right()) + 6
        room = max(0, right - 4 - left)
        if when_box is not None:
            left, room, box = when_box.left(), when_box.width(), when_box
        when = card.when
        if metrics.horizontalAdvance(when) > room:  # the start month matters more than the duration
            when = card.when.split(" · ")[0]
        painter.drawText(
            QRect(left, box.top(), room, box.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(when, Qt.TextElideMode.ElideRight, room),
        )


_MARK = 14  # the width a pin or lock mark takes


def _paint_mark(painter: QPainter, mark: str, box: QRectF, ink: QColor) -> None:
    """A small padlock ("locked") or map pin ("pinned") centred in ``box``."""
    painter.save()
    colour = QColor(ink)
    colour.setAlpha(200)
    cx, cy = box.center().x(), box.center().y()
    if mark == "locked":
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(cx - 3, cy - 6, 6, 7), 0, 180 * 16)
        painter.drawLine(QPointF(cx - 3, cy - 2.5), QPointF(cx - 3, cy))
        painter.drawLine(QPointF(cx + 3, cy - 2.5), QPointF(cx + 3, cy))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(cx - 4.5, cy - 0.5, 9, 6.5), 1.5, 1.5)
    else:
        painter.setPen(QPen(colour, 1.6))
        painter.drawLine(QPointF(cx, cy), QPointF(cx, cy + 6))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(cx, cy - 2), 3.5, 3.5)
    painter.restore()
