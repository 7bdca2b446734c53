"""A multinomial logistic regression over a message's features, trained on the phrase bank, in numpy.

Small enough to train in about a second when the intents change, and to score a message in a
fraction of a millisecond: a message's features index rows of the weight matrix, summed. The
class "-" holds out-of-scope phrasings, so rejection is learnt, not only thresholded. Features
never seen in training still count in the message's length: a message mostly made of unknown
words ("mon signe astrologique") is not claimed on the strength of one known piece. Weights
are kept in a data-only `.npz` (no pickle) keyed by the training data.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from bot.data.cache import sources_digest

OUT = "-"
EPOCHS = 12
RATE = 0.5
L2 = 1e-5
SEED = 7
VERSION = 7  # bump when features or training change: cached weights are then retrained


class Classifier:
    def __init__(self, classes: list[str], vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray) -> None:
        self.classes = classes
        self.vocab = vocab
        self.weights = weights
        self.bias = bias

    @classmethod
    def train(cls, examples: Iterable[tuple[str, list[str]]]) -> Classifier:
        """Examples of (label, features). Deterministic for the same examples."""
        rows: list[tuple[int, np.ndarray]] = []
        classes: dict[str, int] = {}
        vocab: dict[str, int] = {}
        for label, found in examples:
            feats = {vocab.setdefault(f, len(vocab)) for f in found}
            if feats:
                rows.append((classes.setdefault(label, len(classes)), np.fromiter(feats, dtype=np.int64)))
        n_classes = len(classes)
        weights = np.zeros((len(vocab), n_classes), dtype=np.float64)
        bias = np.zeros(n_classes, dtype=np.float64)
        squares = np.full_like(weights, 1e-8)  # AdaGrad: rare features keep a large step
        bias_squares = np.full_like(bias, 1e-8)
        rng = np.random.default_rng(SEED)
        order = np.arange(len(rows))
        for _ in range(EPOCHS):
            rng.shuffle(order)
            for k in order:
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
        return cls(list(classes), vocab, weights.astype(np.float32), bias.astype(np.float32))

    def knows(self, feature: str) -> bool:
        return feature in self.vocab

    def probabilities(self, found: list[str]) -> dict[str, float]:
        unique = set(found)  # as in training: "blablabla" is not three times "bla"
        idx = [i for f in unique if (i := self.vocab.get(f)) is not None]
        if not idx:
            return {}  # nothing known in it: not understood, which is not "out of scope"
        scores = self.weights[idx].sum(axis=0) / math.sqrt(len(unique)) + self.bias
        return dict(zip(self.classes, _softmax(scores.astype(np.float64)).tolist(), strict=True))

    # -- a data-only cache ------------------------------------------------------------------

    def save(self, path: Path) -> None:
        # The features as one UTF-8 text, a line each: a fixed-width string array would take
        # 4 bytes × the longest feature for every one of them, and its loading peak would show
        # in the serving process's memory.
        words = "\n".join(sorted(self.vocab, key=self.vocab.__getitem__)).encode()
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, weights=self.weights, bias=self.bias, vocab=np.frombuffer(words, dtype=np.uint8),
                 classes=np.array(self.classes, dtype=np.str_))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Classifier:
        with np.load(path, allow_pickle=False) as data:
            words = data["vocab"].tobytes().decode().split("\n")
            vocab = {w: i for i, w in enumerate(words)}
            if len(vocab) != len(data["weights"]):
                raise ValueError("features and weights differ in number")
            return cls([str(c) for c in data["classes"].tolist()], vocab, data["weights"], data["bias"])


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
