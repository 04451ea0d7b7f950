"""Word clusters: groups of words used alike, read from ja_ginza's word vectors.

The ja_ginza package (a core dependency, installed from PyPI) ships chiVe word vectors
pruned to 20,000 rows: each of its 480,000 words points at the row of a kept word near it
(``vocab/key2row``), and ``word_clusters.json`` (built offline by
``bench/build_word_clusters.py``) groups those rows into 200 clusters. So カント falls in
one cluster with アリストテレス and ヘーゲル, チャーチル with アデナウアー, アルバータ
with オタワ. The name scorer reads the cluster of a candidate's tokens and of its
neighbours, so a name it never saw in training scores like the names of its cluster.

Only the ``key2row`` table is read (kept as two sorted numpy arrays, about 6 MB, loaded in
about 0.2 s); the vectors and the GiNZA pipeline are not loaded and nothing is downloaded.
The clusters file records the sha1 of the table it was built for: with another ja_ginza
every word is in no cluster (-1), the scorer's cluster features go quiet, and a warning
says to rebuild them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import cache
from pathlib import Path

import numpy as np

CLUSTERS_PATH = Path(__file__).with_name("word_clusters.json")
NO_CLUSTER = -1
log = logging.getLogger(__name__)


def key2row_path() -> Path | None:
    """ja_ginza's ``vocab/key2row`` (word hash -> vector row), if ja_ginza is installed."""
    try:
        import ja_ginza
    except ImportError:  # pragma: no cover - ja_ginza is a core dependency
        return None
    found = sorted(Path(ja_ginza.__file__).parent.glob("ja_ginza-*/vocab/key2row"))
    return found[-1] if found else None


class WordClusters(dict):
    """surface -> cluster (0 .. k-1), or ``NO_CLUSTER`` for a word without a vector.

    A dict that fills itself on first look-up: a surface seen before costs one dict access.
    """

    def __init__(self, keys: np.ndarray, clusters: np.ndarray) -> None:
        super().__init__()
        from spacy.strings import hash_string

        self._keys = keys
        self._clusters = clusters
        self._hash = hash_string

    def __missing__(self, surface: str) -> int:
        keys = self._keys
        key = self._hash(surface)
        # as a uint64 scalar: a Python int below 2**63 would have numpy compare the whole
        # table as float64 (0.7 ms a look-up instead of 2 us)
        i = int(np.searchsorted(keys, np.uint64(key)))
        found = int(self._clusters[i]) if i < len(keys) and int(keys[i]) == key else NO_CLUSTER
        self[surface] = found
        return found


def _empty() -> WordClusters:
    return WordClusters(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int16))


Table = tuple[np.ndarray, np.ndarray, np.ndarray]


def _checked_table(table: Path | None, clusters_path: Path) -> Table | None:
    """(word hashes sorted, their vector rows, each row's cluster) of a key2row file, or
    None (with a warning) if there is none or the clusters were built for another one."""
    if table is None or not clusters_path.exists():
        log.warning("word clusters unavailable (no ja_ginza key2row or no %s)", clusters_path.name)
        return None
    data = json.loads(clusters_path.read_text(encoding="utf-8"))
    raw = table.read_bytes()
    if hashlib.sha1(raw).hexdigest() != data["key2row_sha1"]:
        log.warning(
            "ja_ginza's word vectors differ from the ones %s was built for: name scoring runs "
            "without word clusters or vectors; rebuild them (python -m bench.build_word_clusters)"
            " and retrain the scorer",
            clusters_path.name,
        )
        return None
    import srsly

    rows = srsly.msgpack_loads(raw)
    keys = np.fromiter(rows.keys(), dtype=np.uint64, count=len(rows))
    row_of = np.fromiter(rows.values(), dtype=np.int64, count=len(rows))
    order = np.argsort(keys)
    return keys[order], row_of[order], np.asarray(data["clusters"], dtype=np.int16)


def _clusters_of(checked: Table | None) -> WordClusters:
    if checked is None:
        return _empty()
    keys, row_of, of_row = checked
    return WordClusters(keys, of_row[row_of])


def _rows_of(checked: Table | None) -> WordClusters:
    if checked is None:
        return _empty()
    keys, row_of, _ = checked
    return WordClusters(keys, row_of.astype(np.int32))


def load_clusters(table: Path | None, clusters_path: Path = CLUSTERS_PATH) -> WordClusters:
    """The clusters for ``table`` (a key2row file), empty if it is not the one they fit."""
    return _clusters_of(_checked_table(table, clusters_path))


def load_rows(table: Path | None, clusters_path: Path = CLUSTERS_PATH) -> WordClusters:
    """surface -> word-vector row (0 .. 19,999) for ``table``, under the same sha1 check."""
    return _rows_of(_checked_table(table, clusters_path))


@cache
def _installed() -> Table | None:
    """The installed ja_ginza's table, read and checked once per process for both views."""
    return _checked_table(key2row_path(), CLUSTERS_PATH)


@cache
def word_clusters() -> WordClusters:
    """The clusters of the installed ja_ginza (loaded once per process)."""
    return _clusters_of(_installed())


@cache
def word_rows() -> WordClusters:
    """The word-vector row of each word of the installed ja_ginza (loaded once per process)."""
    return _rows_of(_installed())
