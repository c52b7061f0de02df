"""Help: the shipped user guide and the list of keyboard shortcuts.

The guide is a local HTML file (package data, read through importlib.resources) shown in a
text browser that loads nothing from the network: links to other sites open in the system
browser. The shortcuts are read from the window's actions when the dialog opens, so the list
is whatever the menus really do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from resources import resource_path

GUIDE = "user-guide.html"
EXTERNAL_SCHEMES = ("http", "https", "mailto")


def plain_text(label: str) -> str:
    """A menu label without its mnemonic ampersands ('&&' stays a literal '&')."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_actions(menu_bar: QMenuBar) -> list[tuple[str, QAction]]:
    """(menu path, action) of every action in the menus and their submenus, in order."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {plain_text(action.text())}")
            elif not action.isSeparator():
                found.append((path, action))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(top.text()))
    return found


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, action, keys) of every action in the menus that has a shortcut."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (
            path,
            plain_text(action.text()).rstrip("…"),
            ", ".join(key.toString(native) for key in action.shortcuts()),
        )
        for path, action in menu_actions(menu_bar)
        if action.shortcuts()
    ]


def menu_path(menu_bar: QMenuBar, action: QAction) -> str:
    """Where ``action`` is in the menus, as 'Edit → New Meeting' (its text if nowhere)."""
    name = plain_text(action.text()).rstrip("…")
    for path, each in menu_actions(menu_bar):
        if each is action:
            return f"{path} → {name}"
    return name


def moving_rows() -> list[tuple[str, str, str]]:
    """The keys that move around the window: Qt's own, not actions of a menu."""
    translate = QCoreApplication.translate  # lupdate reads translate("Help", "…")
    native = QKeySequence.SequenceFormat.NativeText
    tab, back = (QKeySequence(k).toString(native) for k in ("Tab", "Shift+Tab"))
    return [
        (
            translate("Help", "Window"),
            translate("Help", "Next, previous control"),
            f"{tab}, {back}",
        ),
        (
            translate("Help", "Calendar, agenda"),
            translate("Help", "Move; show the day or the meeting"),
            translate("Help", "Arrows; Return"),
        ),
        (
            translate("Help", "Menus"),
            translate("Help", "Open a menu"),
            translate("Help", "Alt + underlined letter"),
        ),
    ]


def action_keys(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class GuideBrowser(QTextBrowser):
    """Shows the guide; follows its own anchors, hands web links to the system browser and
    refuses to load any other resource (no remote images or style sheets)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.follow)
        self.setSearchPaths([str(resource_path(GUIDE).parent)])

    def follow(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and (not url.path() or url.path().endswith(GUIDE)):
            self.scrollToAnchor(url.fragment())

    def loadResource(self, kind: int, name: QUrl | str, /) -> object:
        url = QUrl(name)
        if url.scheme() in ("", "file") and url.fileName() == GUIDE:
            return super().loadResource(kind, url)
        return None  # images, style sheets, anything remote: never fetched


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shuttle User Guide"))
        self.browser = GuideBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setHtml(resource_path(GUIDE).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(menu_bar) + moving_rows()
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, ...]]:
        table = self.table
        return [
            tuple(
                item.text() if (item := table.item(r, c)) else ""
                for c in range(table.columnCount())
            )
            for r in range(table.rowCount())
        ]
