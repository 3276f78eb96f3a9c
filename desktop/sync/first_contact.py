"""First contact that a person confirms: the 8 characters read out on the phone.

The township pins a village's key from the village's first package. Whoever
holds the village's 入网文件 could set up a PC of their own and send a
"first package" before the real village does; pinning that key silently
would lock the real village out. So a first package is imported only after
a person at the township has phoned the village (the number the township
knows, not one from the package) and typed the characters the village's
secretary reads from her own screen.

The spoken form is the first two groups of the full fingerprint
(`keys.fingerprint`: 24 base32 characters in groups of four), written
"ABCD-EFGH": short enough to read out, and the full fingerprint shown
anywhere still starts with it. Base32 has no 0/O or 1/I pairs, and what a
person types is compared case-, space- and dash-insensitively (full-width
characters from a Chinese input method count as their ASCII twins).

This is the default of every import, not an option: `importer.apply_import`
without a `confirm` hook refuses a first package (`refuse_first_contact`),
so a caller that forgets the fingerprint — a batch, a script, a screen
written later — refuses rather than pins a stranger's key. A caller proves
that a person confirmed it by passing one of the hooks made here:
- `confirmer(typed)`: what a person typed after the phone call (the CLI's
  `--fingerprint`, the import preview's field);
- `batch_confirmer(typed_by_code)`: a batch with no preview; a first
  package whose village has nothing typed is left out of the batch, "请单独导入";
- `own_keys(fingerprint)`: no person, and the key is ours — the demo's
  township importing the villages it has just built in this process passes
  the fingerprint read from each village's own key files (it is not an
  opt-out: the package must still carry exactly that key).
`tests/unit/test_attack_first_contact_default.py` walks every import entry
point and checks by grep that no other hook is handed to `apply_import`.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from models.errors import PackageRefused
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "first_contact"

SPOKEN_LENGTH = 8


class _Plan(Protocol):
    first_contact: bool
    already_imported: bool
    fingerprint: str
    sender_code: str
    peer_name: str


#: Digits base32 never writes, typed for the letters they look and sound like ("I" heard as 一, "O" as 零).
_DIGIT_AS_LETTER = str.maketrans({"0": "O", "1": "I"})


def normalize(text: str) -> str:
    """What a person typed, reduced to the characters that count: upper case, no spaces or dashes.

    A 0 or 1 typed is taken as the letter O or I: base32 has neither digit, so
    this only forgives a slip of the ear, it never makes two fingerprints equal.
    """
    folded = unicodedata.normalize("NFKC", text or "").upper().translate(_DIGIT_AS_LETTER)
    return "".join(ch for ch in folded if ch.isalnum())


def spoken(fingerprint: str) -> str:
    """The 8 characters read out on the phone, as "ABCD-EFGH" ("" for no fingerprint)."""
    chars = normalize(fingerprint)[:SPOKEN_LENGTH]
    if len(chars) < SPOKEN_LENGTH:
        return ""
    return f"{chars[:4]}-{chars[4:]}"


def matches(fingerprint: str, typed: str | None) -> bool:
    """Whether `typed` is this fingerprint's spoken form (or the whole fingerprint)."""
    given, full = normalize(typed or ""), normalize(fingerprint)
    if len(full) < SPOKEN_LENGTH:
        return False
    return given in (full[:SPOKEN_LENGTH], full)


def require_confirmed(plan: _Plan, typed: str | None) -> None:
    """Refuse a first package unless `typed` is its sender's spoken fingerprint.

    A package from a peer whose key is already pinned, or one already
    imported, needs nothing typed. The reasons never quote the package's own
    words (its sender name is outside text): the village is named by the
    name the township registered it under.

    Raises:
        PackageRefused: first contact without the fingerprint, or with a wrong one.
    """
    if not plan.first_contact or plan.already_imported:
        return
    name = plan.peer_name or plan.sender_code
    if not normalize(typed or "") and getattr(plan, "from_township", False):  # a township has no 数据交换 page
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这是{name}({code})的第一个数据包,导入前必须核对电脑指纹:请打电话给{name},"
            "请对方在“报表”页(或“帮助 → 关于”)念出电脑指纹(8 位,如 ABCD-EFGH),"
            "再用 --fingerprint 给出(或在软件里导入时输入)。没有导入。"),
            name=name, code=plan.sender_code))
    if not normalize(typed or ""):
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这是{name}({code})的第一个数据包,导入前必须核对电脑指纹:请打电话给{name},"
            "请对方在“数据交换”页右上角(或“帮助 → 关于”)念出电脑指纹(8 位,如 ABCD-EFGH),"
            "再用 --fingerprint 给出(或在软件里导入时输入)。没有导入。"),
            name=name, code=plan.sender_code))
    if not matches(plan.fingerprint, typed):
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "电脑指纹不一致:{name}({code})念出的指纹与这个数据包的不同。这个数据包可能不是"
            "{name}的电脑发出的(有人拿到了入网文件?)。没有导入,请与{name}当面核实。"),
            name=name, code=plan.sender_code))


def confirmer(typed: str | None):
    """A `confirm` hook for `importer.apply_import`: `require_confirmed` with what the person typed."""
    def confirm(plan: _Plan) -> None:
        require_confirmed(plan, typed)
    return confirm


def refuse_first_contact(plan: _Plan) -> None:
    """The default hook of `importer.apply_import`: no one confirmed anything, so a first package is refused."""
    require_confirmed(plan, None)


def batch_confirmer(typed_by_code: dict[str, str] | None = None):
    """A hook for a batch without a preview: first packages only with what was typed for their village.

    `typed_by_code` maps a village's code to the fingerprint a person typed
    for it (checked as `confirmer` does). A first package of any other
    village is refused with a reason that says to import it on its own,
    where the preview asks for the fingerprint; the rest of the batch goes on.
    """
    typed_by_code = dict(typed_by_code or {})

    def confirm(plan: _Plan) -> None:
        if plan.sender_code in typed_by_code:
            require_confirmed(plan, typed_by_code[plan.sender_code])
        elif plan.first_contact and not plan.already_imported:
            raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}的第一个数据包需要先核对电脑指纹,请单独导入(导入时会请您输入对方念出的 8 位电脑指纹)。"
                "这个数据包没有导入,其他数据包照常导入。"),
                name=plan.peer_name or plan.sender_code))
    return confirm


def own_keys(fingerprint: str):
    """A hook for where no person is asked and the key is ours: the fingerprint read from the sender's key files.

    Only for a process that built the sending installation itself (the
    demo's township, the fixtures of the tests): the package must carry
    exactly the key whose fingerprint is given, as if a person had typed it.
    """
    return confirmer(fingerprint)
