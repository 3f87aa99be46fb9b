"""The article under analysis, read from ``data/article/`` and checked against its SHA-256."""

from __future__ import annotations

import hashlib

from .errors import DataError
from .paths import data_file
from .tables import cached_loader

ARTICLE_FILE = "article/russo-japanese-ties-thaw.txt"
#: SHA-256 of the text as copied from ``shared/article`` (see data/sources.csv, ``dw-article``).
ARTICLE_SHA256 = "266277d086db4147e1d005b1199d32c47895e37d9721bfe9a2591a20a0edc19b"
ARTICLE_TITLE = "Russo-Japanese ties thaw after long freeze"
ARTICLE_PUBLISHER = "DW (Deutsche Welle)"


@cached_loader
def load_article() -> str:
    """Return the article text, refusing a file whose SHA-256 differs from the recorded one."""
    path = data_file(ARTICLE_FILE)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != ARTICLE_SHA256:
        raise DataError(
            f"{path.name}: SHA-256 is {digest}, expected {ARTICLE_SHA256}; "
            "the article text has changed since the claims were encoded"
        )
    return raw.decode("utf-8")
