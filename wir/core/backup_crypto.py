"""Encrypting a backup archive as a stream, with the `cryptography` library.

No cipher of our own: AES-256-GCM (`cryptography`'s AESGCM) in the STREAM construction
(Hoang, Reyhanitabar, Rogaway, Vizár 2015; the one age and Tink use): the stream is cut
into chunks of 64 KiB, each sealed on its own with a nonce of a random prefix, the chunk's
number and a flag for the last chunk. Chunks cannot be reordered, dropped or cut off
without the authentication failing. The key is derived from the passphrase
(`WIR_BACKUP_KEY`) with scrypt and a random salt stored in the header; the header also
carries a check value derived with the key, so that a wrong key is told apart from a
damaged file.

File layout: MAGIC, salt (16 bytes), nonce prefix (7 bytes), key check (32 bytes), then
the sealed chunks (each chunk's plaintext + 16 bytes tag).
"""

from __future__ import annotations

import hmac
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"WIR-BACKUP-AES256GCM-1\n"
SALT_BYTES = 16
PREFIX_BYTES = 7
CHECK_BYTES = 32
HEADER_BYTES = len(MAGIC) + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES
CHUNK = 64 * 1024
TAG = 16
MIN_KEY_LENGTH = 16
# scrypt's cost: about 0.1 s and 32 MiB once per backup or restore.
SCRYPT_N = 2**15


class WrongKeyError(ValueError):
    """The key does not belong to this archive."""


class DamagedError(ValueError):
    """The encrypted archive was changed, cut off or is not one."""


def _derive(passphrase: str, salt: bytes) -> tuple[bytes, bytes]:
    material = Scrypt(salt=salt, length=64, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode())
    return material[:32], material[32:]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


class EncryptingWriter:
    """A write-only file object: what is written goes encrypted to `target`."""

    def __init__(self, target: BinaryIO, passphrase: str) -> None:
        salt, prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
        key, check = _derive(passphrase, salt)
        self._header = MAGIC + salt + prefix + check
        self._aead = AESGCM(key)
        self._prefix = prefix
        self._target = target
        self._buffer = bytearray()
        self._counter = 0
        self._closed = False
        target.write(self._header)

    def _seal(self, data: bytes, last: bool) -> None:
        nonce = _nonce(self._prefix, self._counter, last)
        self._target.write(self._aead.encrypt(nonce, data, self._header))
        self._counter += 1

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Keep at least one byte back: the last chunk must be sealed as the last one.
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True

    def flush(self) -> None:
        pass


class DecryptingReader:
    """A read-only file object over an encrypted archive. Raises WrongKeyError or Damaged."""

    def __init__(self, source: BinaryIO, passphrase: str) -> None:
        header = source.read(HEADER_BYTES)
        if len(header) < HEADER_BYTES or not is_encrypted(header):
            raise DamagedError("kein verschlüsseltes Archiv")
        salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
        self._prefix = header[len(MAGIC) + SALT_BYTES : len(MAGIC) + SALT_BYTES + PREFIX_BYTES]
        key, check = _derive(passphrase, salt)
        if not hmac.compare_digest(check, header[-CHECK_BYTES:]):
            raise WrongKeyError("falscher Schlüssel")
        self._header = header
        self._aead = AESGCM(key)
        self._source = source
        self._counter = 0
        self._plain = bytearray()
        self._next = source.read(CHUNK + TAG)
        self._done = False

    def _open_next(self) -> None:
        sealed = self._next
        self._next = self._source.read(CHUNK + TAG)
        last = not self._next
        if len(sealed) < TAG or (not last and len(sealed) != CHUNK + TAG):
            raise DamagedError("abgeschnitten")
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, self._counter, last), sealed, self._header
            )
        except InvalidTag as exc:
            raise DamagedError("Prüfsumme falsch") from exc
        self._counter += 1
        self._plain += plain
        self._done = last

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._plain) < size):
            self._open_next()
        if size < 0:
            size = len(self._plain)
        data = bytes(self._plain[:size])
        del self._plain[:size]
        return data
