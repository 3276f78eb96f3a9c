"""Encryption of package members to the recipient, so a lost USB stick leaks nothing.

One ephemeral X25519 key per package; HKDF-SHA256 of the shared secret gives
a ChaCha20-Poly1305 key. Each member is sealed with its own random nonce and
its member name as associated data, so members cannot be swapped between
names or between packages without the AEAD failing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.sync.keys import b64, unb64

_INFO = b"cunwu-package-v1"
NONCE = 12


class SealError(Exception):
    """A member could not be opened: wrong key, or the bytes were changed."""


def _derive(shared: bytes, ephemeral_pub: bytes, recipient_pub: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_pub + recipient_pub,
               info=_INFO).derive(shared)
    return ChaCha20Poly1305(key)


@dataclass
class Sealer:
    """Seals the members of one package to one recipient."""

    recipient: X25519PublicKey
    package_id: str

    def __post_init__(self) -> None:
        ephemeral = X25519PrivateKey.generate()
        self.ephemeral_public = b64(ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
        recipient_raw = self.recipient.public_bytes(Encoding.Raw, PublicFormat.Raw)
        self._aead = _derive(ephemeral.exchange(self.recipient), unb64(self.ephemeral_public), recipient_raw)

    def seal(self, name: str, data: bytes) -> bytes:
        """Nonce + ciphertext + tag of `data`, bound to `name` and this package."""
        nonce = os.urandom(NONCE)
        return nonce + self._aead.encrypt(nonce, data, self._ad(name))

    def _ad(self, name: str) -> bytes:
        return f"{self.package_id}\0{name}".encode()


class Opener:
    """Opens the members sealed to us (our X25519 private key)."""

    def __init__(self, own: X25519PrivateKey, ephemeral_public_b64: str, package_id: str):
        try:
            ephemeral = X25519PublicKey.from_public_bytes(unb64(ephemeral_public_b64))
        except ValueError as exc:
            raise SealError("bad ephemeral key") from exc
        own_raw = own.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self._aead = _derive(own.exchange(ephemeral), unb64(ephemeral_public_b64), own_raw)
        self._package_id = package_id

    def open(self, name: str, blob: bytes) -> bytes:
        """The plaintext of a sealed member; SealError when it does not authenticate."""
        if len(blob) < NONCE + 16:
            raise SealError("too short")
        try:
            return self._aead.decrypt(blob[:NONCE], blob[NONCE:], f"{self._package_id}\0{name}".encode())
        except InvalidTag as exc:
            raise SealError("tag") from exc
