"""Password hashing (scrypt, from the standard library) and a plain strength hint.

scrypt is memory-hard, so a stolen database file does not give the
passwords away to a GPU; parameters are stored with each hash so they can be
raised later without breaking old logins.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sys

from models.messages import QT_TRANSLATE_NOOP

_C = "passwords"

# n=2**17, r=8 uses 128 MiB and ~0.4 s on this project's 2-core test machine: costly for
# an attacker with a stolen file, once a day for a secretary. Hashes made with a lower n
# (2**14 before issue 15) still verify and are re-made at the next successful login.
_N, _R, _P = 2**17, 8, 1
MIN_LENGTH = 6
#: A stored hash asking for more than this is refused unread (a crafted file must not
#: make the login allocate gigabytes).
_MAX_N = 2**20

#: Set to "1" by the test suite only (tests/conftest.py): new hashes then use n=2**4, so
#: the suite's hundreds of created users and logins do not each spend 50 ms. Ignored in a
#: frozen (installed) build; `verify_password` reads the parameters stored with each hash.
TEST_WEAK_KDF_ENV = "CUNWU_TEST_WEAK_KDF"
_TEST_N = 2**4


def _cost() -> int:
    """The scrypt cost n for a new hash: the strong default unless the test suite asked otherwise."""
    if os.environ.get(TEST_WEAK_KDF_ENV) == "1" and not getattr(sys, "frozen", False):
        return _TEST_N
    return _N


def _scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    """The one place scrypt runs (tests count the calls to prove equal work per login).

    OpenSSL refuses more than 32 MiB unless `maxmem` allows it; n=2**17, r=8
    needs 128 MiB (128·r·(n+p+2) bytes).
    """
    if n > _MAX_N:
        raise ValueError("scrypt cost too high")
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=dklen,
                          maxmem=128 * r * (n + p + 2) + 2**20)


def hash_password(password: str) -> str:
    """Return `scrypt$n$r$p$salt$hash` (base64 parts)."""
    salt = os.urandom(16)
    n = _cost()
    digest = _scrypt(password.encode("utf-8"), salt, n, _R, _P, 32)
    b64 = base64.b64encode
    return f"scrypt${n}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of `password` against a `hash_password` result."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        actual = _scrypt(password.encode("utf-8"), salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """Whether `stored` was made at a lower cost than new hashes get (re-hash it at the next login)."""
    try:
        scheme, n, r, p, _salt, _digest = stored.split("$")
        return scheme != "scrypt" or (int(n), int(r), int(p)) < (_cost(), _R, _P)
    except ValueError:
        return True


def dummy_hash() -> str:
    """A hash at today's cost that no password matches, for unknown and disabled logins.

    Verifying against it costs what a real login costs, so the time of a refusal
    does not tell whether the login name exists. Built without hashing: making
    it must not cost a second scrypt on the first unknown login.
    """
    b64 = base64.b64encode
    return f"scrypt${_cost()}${_R}${_P}${b64(b'cunwu-no-user!!!').decode()}${b64(bytes(32)).decode()}"


def strength(password: str) -> tuple[int, str]:
    """A 0–3 score and a plain Chinese hint for the password field.

    0 means refused (too short or one repeated character).
    """
    if len(password) < MIN_LENGTH:
        return 0, QT_TRANSLATE_NOOP(_C, "太短:至少 6 位")
    if len(set(password)) == 1 or password in {"123456", "1234567", "12345678", "123456789", "654321"}:
        return 0, QT_TRANSLATE_NOOP(_C, "太容易猜到,请换一个")
    classes = sum(
        [
            any(c.isdigit() for c in password),
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if len(password) >= 10 and classes >= 3:
        return 3, QT_TRANSLATE_NOOP(_C, "强")
    if len(password) >= 8 and classes >= 2:
        return 2, QT_TRANSLATE_NOOP(_C, "中等:再长一些、加入字母和数字会更安全")
    return 1, QT_TRANSLATE_NOOP(_C, "弱:建议 8 位以上,字母和数字混合")
