"""A multinomial logistic regression over a message's features, trained on the phrase bank, in numpy.

Small enough to train in about a second when the intents change, and to score a message in a
fraction of a millisecond: a message's features index rows of the weight matrix, summed. The
class "-" holds out-of-scope phrasings, so rejection is learnt, not only thresholded. Features
never seen in training still count in the message's length: a message mostly made of unknown
words ("mon signe astrologique") is not claimed on the strength of one known piece. Weights
are kept in a data-only `.npz` (no pickle) keyed by the training data.

Training visits the examples in an order drawn from each example's own content, not from its
position in the bank, so an admin's new phrasing changes the model near it and nowhere else
(see `_order`).

In memory a feature is its hash: the rows are sorted by the hashes of their features, and a
message's features are found with one binary search. The 90,000 feature strings and their
dictionary took 12 MB of the serving process; the hashes take 0.7 MB. Python's str hash is
salted per process, so the hashes are computed at load, never stored; two features sharing a
64-bit hash (about one chance in four billion for the whole vocabulary) would share a row.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.data.cache import sources_digest

OUT = "-"
_LINE = re.compile(r"[^\n]+")
EPOCHS = 12
RATE = 0.5
L2 = 1e-5
SEED = 7
VERSION = 8  # bump when features or training change: cached weights are then retrained


@dataclass(frozen=True)
class Model:
    """What training yields and the cache keeps: the features in the weights' row order."""

    classes: list[str]
    features: Iterable[str]  # a list after training; from a cache, read lazily and only once
    weights: np.ndarray
    bias: np.ndarray

    def save(self, path: Path) -> None:
        # The features as one UTF-8 text, a line each: a fixed-width string array would take
        # 4 bytes × the longest feature for every one of them, and its loading peak would show
        # in the serving process's memory.
        words = "\n".join(self.features).encode()
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, weights=self.weights, bias=self.bias, vocab=np.frombuffer(words, dtype=np.uint8),
                 classes=np.array(self.classes, dtype=np.str_))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            features = data["vocab"].tobytes().decode()
            weights = data["weights"]
            # Read lazily: the serving process hashes the features one by one, never holding
            # 90,000 strings at once (its memory peak is its start).
            lines = (m.group() for m in _LINE.finditer(features))
            return cls([str(c) for c in data["classes"].tolist()], lines, weights, data["bias"])


class Classifier:
    def __init__(self, model: Model) -> None:
        self.classes = model.classes
        keys = np.fromiter((hash(f) for f in model.features), dtype=np.int64)
        if len(keys) != len(model.weights):
            raise ValueError("features and weights differ in number")
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.weights = model.weights[order]
        self.bias = model.bias

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def train(cls, examples: Iterable[tuple[str, list[str]]], seed: int = SEED) -> Classifier:
        return cls(fit(examples, seed))

    @classmethod
    def load(cls, path: Path) -> Classifier:
        return cls(Model.load(path))

    def _rows(self, features: Iterable[str]) -> np.ndarray:
        """Rows of the features seen in training, in no particular order."""
        hashes = np.fromiter((hash(f) for f in features), dtype=np.int64)
        if not len(self.keys):
            return hashes[:0]  # trained on nothing
        pos = np.searchsorted(self.keys, hashes)
        pos[pos == len(self.keys)] = 0
        found: np.ndarray = pos[self.keys[pos] == hashes]
        return found

    def knows(self, *features: str) -> bool:
        """Whether any of the features was seen in training (one search for all of them)."""
        return len(self._rows(features)) > 0

    def probabilities(self, found: list[str]) -> dict[str, float]:
        unique = set(found)  # as in training: "blablabla" is not three times "bla"
        idx = self._rows(unique)
        if not len(idx):
            return {}  # nothing known in it: not understood, which is not "out of scope"
        scores = self.weights[idx].sum(axis=0) / math.sqrt(len(unique)) + self.bias
        return dict(zip(self.classes, _softmax(scores.astype(np.float64)).tolist(), strict=True))


def fit(examples: Iterable[tuple[str, list[str]]], seed: int = SEED) -> Model:
    """Examples of (label, features). Deterministic for the same examples."""
    rows: list[tuple[int, np.ndarray]] = []
    classes: dict[str, int] = {}
    vocab: dict[str, int] = {}
    identities: list[int] = []
    for label, found in examples:
        feats = {vocab.setdefault(f, len(vocab)) for f in found}
        if feats:
            rows.append((classes.setdefault(label, len(classes)), np.fromiter(feats, dtype=np.int64)))
            identities.append(zlib.crc32("\x00".join([label, *sorted(set(found))]).encode()))
    n_classes = len(classes)
    weights = np.zeros((len(vocab), n_classes), dtype=np.float64)
    bias = np.zeros(n_classes, dtype=np.float64)
    squares = np.full_like(weights, 1e-8)  # AdaGrad: rare features keep a large step
    bias_squares = np.full_like(bias, 1e-8)
    for epoch in range(EPOCHS):
        for k in _order(identities, epoch, seed):
            target, idx = rows[k]
            scale = 1.0 / math.sqrt(len(idx))
            scores = weights[idx].sum(axis=0) * scale + bias
            probs = _softmax(scores)
            probs[target] -= 1.0
            grad = np.outer(np.full(len(idx), scale), probs) + L2 * weights[idx]
            squares[idx] += grad * grad
            weights[idx] -= RATE * grad / np.sqrt(squares[idx])
            bias_squares += probs * probs
            bias -= RATE * probs / np.sqrt(bias_squares)
    return Model(list(classes), list(vocab), weights.astype(np.float32), bias.astype(np.float32))


def _order(identities: list[int], epoch: int, seed: int) -> list[int]:
    """The examples in a pseudo-random order that depends on each example alone, not on its
    position: a phrasing added to the bank takes its place among the others, which keep their
    order. A shuffle of positions reordered every example, and its noise moved answers far from
    the change: two phrasings added about broken limbs changed 13 of 964 held-out messages' needs
    (and at least 3 of the test split's English and Arabic ones); with this order, none."""
    salt = f"{seed}:{epoch}:".encode()
    return sorted(range(len(identities)), key=lambda k: zlib.crc32(salt + identities[k].to_bytes(4, "little")))


def fingerprint(examples: list[tuple[str, str]]) -> str:
    """The training data and the code that turns it into features: weights cached under another
    fingerprint are never read, even if VERSION was not bumped."""
    h = hashlib.sha256(f"v{VERSION}".encode() + sources_digest("understanding"))
    for label, text in examples:
        h.update(f"{label}\x00{text}\x01".encode())
    return h.hexdigest()[:32]


def _softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max())
    out: np.ndarray = e / e.sum()
    return out
