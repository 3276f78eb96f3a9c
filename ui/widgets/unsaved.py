"""Never lose typed work: ask before leaving an editor, and keep a draft on disk while typing.

Every editor (a dialog or a panel inside a page) implements `UnsavedEditor`
and owns one `EditGuard`:

    class MyEditor(QDialog):
        def __init__(...):
            ...
            self.guard = EditGuard(self, area="meetings")   # the page that opens it
        # typing:                 self.guard.changed()   (or EditGuard(..., changed=self.edited))
        # after a successful save: self.guard.settled()
        # in discard():            drop the edits, then self.guard.settled()

    is_dirty() -> bool           unsaved changes?
    save() -> bool               save now; False when refused (the editor shows why and stays)
    discard() -> None            drop the unsaved changes (show the saved record again)
    draft_key() -> str           what is edited: "<table>:<id>", or e.g. "meeting:new:<type>"
    draft_title() -> str         what it is, in words, for the restore list ("会议记录:…")
    draft_state() -> dict        the typed content, JSON-able (str, int, float, bool, None, list, dict)
    restore_draft(state) -> None put a kept state back on screen (the editor is then dirty)

Leaving (all go through `ask_leave`: 保存 / 不保存 / 取消, 保存 the default):

- closing the editor: call `ask_leave(self, self, then)` from `reject()`/`closeEvent()`
  and close in `then(True)`;
- the selection moves away from the edited record: `hold_selection(editor, parent,
  stay, go)` — `stay()` puts the selection back on the edited row at once
  (signals blocked), the question comes after, and `go()` moves on after 保存/不保存;
  after 取消 the selection stays where it is;
- the app quits, 注销, 切换用户: the main window's closeEvent asks every dirty editor
  registered here, one after another (`MainWindow.ask_leave_all`; the blocking
  `MainWindow.confirm_leave_all()` / `ask_before_leaving` for code that must know at once).

Moving to another page (the navigation list) does not ask: an editor inside a
page keeps its typing there (a re-read of the same record must keep it, see
`ArticleEditor.set_view`), its draft is kept, and quitting asks. An editor in
a window-modal dialog cannot be left that way at all.

`save()` must be synchronous (the operations layer's `run_op`): the question
waits for its answer before it moves on.

Autosave: `EditGuard.changed()` (re)starts a timer; `AUTOSAVE_DELAY_MS` after
the last change a dirty editor's `draft_state()` goes to the app's
`DraftKeeper` store (`desktop.drafts_store`, atomic, 0600). Steady typing
with no such pause is kept too: at the latest `AUTOSAVE_MAX_MS` after the
first change not yet kept (a restarted pause timer alone never fired while a
person typed on, and a power cut then lost everything typed). `settled()`
removes it. Without a store (an editor built outside the main window, as in
most tests) the guard still asks, it only keeps no file. At the next start
the main window offers the kept drafts (`ui.widgets.restore_drafts_dialog`);
a page that hosts editors implements `open_for_draft(key) -> editor | None`
so 恢复 can open the right editor before `restore_draft(state)`.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.drafts_store import Draft, DraftStore
from ui.widgets.dialogs import ask_save

log = logging.getLogger(__name__)

_C = "unsaved"
#: How long after the last change a draft is written (a pause in typing, not every key).
AUTOSAVE_DELAY_MS = 3000
#: The longest typing goes unkept while changes keep coming ("every few seconds", issue 15).
AUTOSAVE_MAX_MS = 10_000


@runtime_checkable
class UnsavedEditor(Protocol):
    """What every editor offers so its typing is never lost (see the module docstring)."""

    def is_dirty(self) -> bool:
        """Whether there are unsaved changes."""

    def save(self) -> bool:
        """Save now; False when refused (the editor shows why and stays open)."""

    def discard(self) -> None:
        """Drop the unsaved changes (and call `EditGuard.settled()`)."""

    def draft_key(self) -> str:
        """What is edited: "<table>:<id>" for a stored record (its stamp is compared), else any stable id."""

    def draft_title(self) -> str:
        """What is edited, in words, for the question and the restore list."""

    def draft_state(self) -> dict[str, Any]:
        """The typed content, JSON-able."""

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put a kept `draft_state()` back on screen; the editor is then dirty."""


# --- asking -------------------------------------------------------------------------------------

def ask_leave(editor: UnsavedEditor, parent: QWidget, then: Callable[[bool], None]) -> QMessageBox | None:
    """Ask 保存 / 不保存 / 取消 when `editor` is dirty, then call `then(may_leave)`.

    Non-blocking: returns the open box (None, with `then(True)` already
    called, when nothing is unsaved). 保存 runs `editor.save()`: when it
    refuses, the editor shows why and `then(False)` keeps the person there.
    不保存 runs `editor.discard()`. 取消 (also Esc) gives `then(False)`.

    The box (a child of `parent`, usually the editor) holds the editor weakly,
    and `then` too when it is a bound method (the editor's own slot): an open
    box never keeps its editor alive, so an editor let go goes with its box
    (a box found open in the next test came from such a cycle), and after the
    answer the box lets go of `then` outside its destructor (`dialogs.answer_once`).
    A `then` that is a closure must not hold a parentless window strongly
    (see `MainWindow.ask_leave_all`).
    """
    if not editor.is_dirty():
        then(True)
        return None
    title = editor.draft_title()
    text = (QCoreApplication.translate(_C, "“{what}”有修改还没有保存。要保存吗?").format(what=title) if title
            else QCoreApplication.translate(_C, "有修改还没有保存。要保存吗?"))
    editor_ref = weakref.ref(editor)
    then_ref = weakref.WeakMethod(then) if inspect.ismethod(then) else (lambda: then)

    def answered(answer: QMessageBox.StandardButton) -> None:
        target, after = editor_ref(), then_ref()
        if target is None or after is None or not shiboken6.isValid(target):
            return  # the editor is gone: nothing left to save or to leave
        if answer == QMessageBox.StandardButton.Save:
            after(bool(target.save()))
        elif answer == QMessageBox.StandardButton.Discard:
            target.discard()
            after(True)
        else:
            after(False)

    return ask_save(parent, text, answered)


def ask_before_leaving(editor: UnsavedEditor, parent: QWidget) -> bool:
    """The blocking form of `ask_leave`: True when the person may leave (saved or discarded).

    For the places that must know the answer before they return (the main
    window's closeEvent, 注销 / 切换用户). The box is the same window-modal
    `ask_save` box, waited for in a local event loop; tests click it as
    `QApplication.activeModalWidget()` from a timer.
    """
    if not editor.is_dirty():
        return True
    result: list[bool] = []
    loop = QEventLoop()

    def then(ok: bool) -> None:
        result.append(ok)
        loop.quit()

    box = ask_leave(editor, parent, then)
    if box is not None and not result:
        box.destroyed.connect(loop.quit)  # closed without an answer: stays (取消)
        loop.exec()
    return bool(result and result[0])


def hold_selection(editor: UnsavedEditor | None, parent: QWidget,
                   stay: Callable[[], None], go: Callable[[], None]) -> bool:
    """A list's selection moved away from the record `editor` shows: keep it there until answered.

    Call it first thing in the selection slot. When the editor is clean (or
    None) it returns True and the slot goes on. Otherwise `stay()` puts the
    selection back on the edited row now (the caller blocks the view's signals
    inside it), it returns False (the slot returns), and the question is asked
    once the click has been handled: after 保存 or 不保存, `go()` moves the
    selection where the person clicked; after 取消 (or a refused save) the
    edited row stays selected.
    """
    if editor is None or not editor.is_dirty():
        return True
    stay()

    def ask() -> None:
        # The editor may have been saved or gone meanwhile; ask only if there is still something to lose.
        ask_leave(editor, parent, lambda ok: go() if ok else None)

    QTimer.singleShot(0, parent, ask)
    return False


# --- autosave -----------------------------------------------------------------------------------

class EditGuard(QObject):
    """One editor's autosave timer and its place in the app's list of editors.

    A child of the editor: it goes when the editor goes. `area` is the
    navigation key of the page that opens this editor (the restore dialog
    shows that page before asking it for the editor).
    """

    def __init__(self, editor: QWidget, area: str, changed: SignalInstance | None = None,
                 delay_ms: int = AUTOSAVE_DELAY_MS, max_ms: int = AUTOSAVE_MAX_MS):
        super().__init__(editor)
        self._editor_ref = weakref.ref(editor)
        self.area = area
        #: The record's stamp when the current editing began (None: not yet asked, or a new record).
        self._stamp: str | None = None
        self._stamp_known = False
        self._written_keys: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.keep_now)
        #: Started by the first change not yet kept and never restarted by the next ones.
        self.max_timer = QTimer(self)
        self.max_timer.setSingleShot(True)
        self.max_timer.setInterval(max_ms)
        self.max_timer.timeout.connect(self.keep_now)
        if changed is not None:
            changed.connect(self.changed)
        draft_keeper().add(self)

    @property
    def editor(self) -> UnsavedEditor | None:
        """The guarded editor (None once it was deleted)."""
        return self._editor_ref()

    def changed(self, *_args) -> None:
        """The typed content changed: keep a draft after a pause."""
        if not self._stamp_known:
            self._stamp_known = True
            self._stamp = draft_keeper().current_stamp(self._key())
        self.timer.start()
        if not self.max_timer.isActive():
            self.max_timer.start()

    def settled(self) -> None:
        """Saved or discarded: nothing to keep any more; the kept draft goes."""
        self.timer.stop()
        self.max_timer.stop()
        self._stamp, self._stamp_known = None, False
        store = draft_keeper().store
        keys = self._written_keys | ({self._key()} if self.editor is not None else set())
        self._written_keys.clear()
        if store is not None:
            for key in keys:
                store.remove(key)

    def adopt(self, draft: Draft) -> None:
        """A kept draft was restored into the editor: its stamp is the one of its first editing."""
        self._stamp, self._stamp_known = draft.record_stamp, True
        self._written_keys.add(draft.key)
        self.timer.start()

    def keep_now(self) -> bool:
        """Write the draft now when the editor is dirty (also what the timers do); True if written."""
        self.timer.stop()
        self.max_timer.stop()
        editor = self.editor
        store = draft_keeper().store
        if editor is None or store is None or not editor.is_dirty():
            return False
        key = editor.draft_key()
        try:
            store.write(key, editor.draft_title(), self.area, editor.draft_state(), self._stamp)
        except (OSError, TypeError, ValueError):
            log.warning("could not keep the draft of %s", key, exc_info=True)
            return False
        for old in self._written_keys - {key}:  # a new record got its id when it was saved
            store.remove(old)
        self._written_keys = {key}
        return True

    def _key(self) -> str:
        editor = self.editor
        return editor.draft_key() if editor is not None else ""


class DraftKeeper(QObject):
    """The app's live editors and the store their drafts go to (one per QApplication).

    The main window gives it the store of the logged-in user (`use`) and asks
    it for the dirty editors when it is closed; without a store the guards
    only ask, they keep no files.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._guards: list[weakref.ref[EditGuard]] = []
        self.store: DraftStore | None = None
        self._stamp_of: Callable[[str], str | None] | None = None

    def use(self, store: DraftStore | None, owner: QObject | None = None,
            stamp_of: Callable[[str], str | None] | None = None) -> None:
        """Keep drafts in `store` (None: none) until `owner` is destroyed; `stamp_of(key)` reads a record's stamp."""
        self.store = store
        self._stamp_of = stamp_of
        if owner is not None:
            owner.destroyed.connect(lambda *_: self._release(store))

    def _release(self, store: DraftStore | None) -> None:
        if self.store is store:
            self.store, self._stamp_of = None, None

    def current_stamp(self, key: str) -> str | None:
        """The record's change stamp now (None when unknown or no store is in use)."""
        if self._stamp_of is None or not key:
            return None
        try:
            return self._stamp_of(key)
        except Exception:  # noqa: BLE001 - a stamp is a hint; typing must never fail on it
            log.warning("could not read the stamp of %s", key, exc_info=True)
            return None

    def add(self, guard: EditGuard) -> None:
        """Register `guard` (its editor then counts for `dirty_guards`)."""
        self._guards = [g for g in self._guards if g() is not None]
        self._guards.append(weakref.ref(guard))

    def guards(self) -> list[EditGuard]:
        """Every live guard, oldest first."""
        alive = []
        for ref in self._guards:
            guard = ref()
            # A closed editor (WA_DeleteOnClose) may outlive its C++ object in Python: it is gone.
            if guard is not None and shiboken6.isValid(guard) and shiboken6.isValid(guard.editor):
                alive.append(guard)
        return alive

    def dirty_guards(self) -> list[EditGuard]:
        """The guards whose editor has unsaved changes."""
        return [g for g in self.guards() if g.editor.is_dirty()]

    def guard_for(self, editor: QObject) -> EditGuard | None:
        """The guard of `editor`, if it has one."""
        return next((g for g in self.guards() if g.editor is editor), None)

    def keep_all_now(self) -> None:
        """Write every dirty editor's draft now (before something risky, and in tests)."""
        for guard in self.dirty_guards():
            guard.keep_now()


_keeper: DraftKeeper | None = None


def draft_keeper() -> DraftKeeper:
    """The application's keeper (one per QApplication, created on first use)."""
    global _keeper
    app = QCoreApplication.instance()
    if _keeper is None or _keeper.parent() is not app:
        _keeper = DraftKeeper(app)
    return _keeper
