"""This installation's key pairs, and fingerprints a person can read out on the phone.

Two pairs, both from `cryptography`: Ed25519 signs every package we write,
X25519 receives the packages encrypted to us. The private halves live in
`<data>/keys/` and never leave the data folder (not in packages, not in
database backups). They are made on first use; losing them only means the
township re-enrolls this PC.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SIGN_FILE = "signing.key"
BOX_FILE = "box.key"


def b64(raw: bytes) -> str:
    """Standard base64 text (keys and signatures in JSON)."""
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    """Inverse of `b64`; raises ValueError on bad text."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(sign_key_b64: str, box_key_b64: str) -> str:
    """SHA-256 of both public keys as 24 base32 characters in groups of four.

    Base32 has no 0/O or 1/I pairs to confuse on a phone line.
    """
    digest = hashlib.sha256(b"cunwu-fp\0" + unb64(sign_key_b64) + unb64(box_key_b64)).digest()
    text = base64.b32encode(digest[:15]).decode("ascii")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


@dataclass(frozen=True)
class KeyPair:
    """This installation's private keys and their public halves (base64)."""

    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def sign_public(self) -> str:
        """Ed25519 public key, base64."""
        return b64(self.signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @property
    def box_public(self) -> str:
        """X25519 public key, base64."""
        return b64(self.box.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @property
    def fingerprint(self) -> str:
        """What the township reads out to confirm this PC."""
        return fingerprint(self.sign_public, self.box_public)


def _write_private(path: Path, raw: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(b64(raw).encode("ascii"))
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_or_create(folder: Path) -> KeyPair:
    """The key pairs in `folder`, made (and saved first) if there are none yet."""
    folder.mkdir(parents=True, exist_ok=True)
    sign_path, box_path = folder / SIGN_FILE, folder / BOX_FILE
    if not sign_path.exists():
        _write_private(sign_path, Ed25519PrivateKey.generate().private_bytes_raw())
    if not box_path.exists():
        _write_private(box_path, X25519PrivateKey.generate().private_bytes_raw())
    signing = Ed25519PrivateKey.from_private_bytes(unb64(sign_path.read_text("ascii").strip()))
    box = X25519PrivateKey.from_private_bytes(unb64(box_path.read_text("ascii").strip()))
    return KeyPair(signing, box)


def sign_public_key(text: str) -> Ed25519PublicKey:
    """A peer's Ed25519 public key from base64 (ValueError when malformed)."""
    return Ed25519PublicKey.from_public_bytes(unb64(text))


def box_public_key(text: str) -> X25519PublicKey:
    """A peer's X25519 public key from base64 (ValueError when malformed)."""
    return X25519PublicKey.from_public_bytes(unb64(text))
