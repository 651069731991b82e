#!/usr/bin/env python3
"""Benchmark of the statistical typo corrector (TY101): injected typos, false alarms, speed.

    .venv/bin/python bench/bench_corrector.py [accuracy|alarms|speed|all] [--part tune|held]

accuracy  Clean genre sentences (bench/corpus/clean_*.txt and ../shared/corpus/*.txt, read here and
          never copied) are split by a hash into a tuning half and a held-aside half. Half of the
          sentences get one typo injected from the confusion sets (channel shares like an input
          method's: same pinyin 50%, other tone 25%, near pinyin 10%, look-alike 15%); the corrector
          runs on every sentence. Sentence level: precision = exactly corrected / changed,
          recall = exactly corrected / with typo, F1, and the share of clean sentences changed.
alarms    Every TY101 finding of the whole analysis of ../shared/corpus and samples/, with its
          context, for a person to read, and the count per 10,000 characters.
speed     The whole `analyze` (corrector on) next to `jieba.lcut` on the same text, in one run, at
          1x and 2x the text; and characters per second of the corrector stage alone.
decisions Every proposal of the corrector (position, characters, channel, gain, score) on every
          sentence of the accuracy set (both parts, clean and with its injected typo) and on the whole
          texts of ../shared/corpus and samples/, written to --out; with --check FILE, compared line by
          line with an earlier dump (a speed-up must leave every decision byte-identical).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"
SEED = 20261203
TYPO_RATE = 0.5
CHANNEL_SHARE = ((0, 0.50), (1, 0.25), (2, 0.10), (3, 0.15))
# Injected missing/stray characters: a lost character is the commonest, then a doubled one, then a
# stray function character.
INDEL_SHARE = (("delete", 0.5), ("double", 0.25), ("function", 0.25))
_SENT_RE = re.compile(r"[^。！？；\n]+[。！？；]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _files(dev_only: bool = False) -> list[Path]:
    """The clean texts: bench/corpus and ../shared/corpus (without the held-out third when dev_only)."""
    shared = sorted(SHARED.glob("[0-9]*.txt"))
    if dev_only:
        shared = [f for f in shared if not is_test_file(f)]
    return sorted((ROOT / "bench" / "corpus").glob("clean_*.txt")) + shared


def is_test_file(f: Path) -> bool:
    """A corpus file of the held-out third (number divisible by 3): never read by the dev-only modes."""
    return f.stem.isdigit() and int(f.stem) % 3 == 0


def sentences(dev_only: bool = False) -> list[str]:
    """Clean sentences of 10 to 120 characters, mostly Chinese (page furniture left out), deduplicated."""
    seen, out = set(), []
    for f in _files(dev_only):
        for m in _SENT_RE.finditer(f.read_text(encoding="utf-8")):
            s = m.group().strip()
            han = len(_HAN.findall(s))
            if 10 <= len(s) <= 120 and han >= 0.7 * len(s) and s not in seen:
                seen.add(s)
                out.append(s)
    return out


def part_of(s: str) -> str:
    """tune or held, by a hash of the sentence."""
    return "tune" if hashlib.md5(s.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def inject(s: str, rng: random.Random) -> str | None:
    """One single-character typo from the confusion sets, or None when no position takes one."""
    from fazhi.lm import confusion
    from fazhi.lm.corrector import FROZEN

    spots = [i for i, ch in enumerate(s) if _HAN.match(ch) and ch not in FROZEN and confusion.candidates(ch)]
    rng.shuffle(spots)
    for i in spots:
        ch = rng.choices([c for c, _ in CHANNEL_SHARE], weights=[w for _, w in CHANNEL_SHARE])[0]
        # the table maps a written character to what was meant; invert: meant s[i], typed o
        # in code point order: the table lists candidates by the model's character ranks, which a
        # rebuild of the model may reorder (the set must not change with the model)
        pool = sorted(o for o, c in confusion.candidates(s[i]) if c == ch)
        if pool:
            return s[:i] + rng.choice(pool) + s[i + 1 :]
    return None


def run_corrector(s: str) -> str:
    """The sentence with the corrector's proposals applied (as a one-sentence report)."""
    from fazhi.analysis import Analysis
    from fazhi.config import Config
    from fazhi.lm.corrector import correct
    from fazhi.rules.typo_stat import protected_mask

    out = list(s)
    for c in correct(s, protected_mask(Analysis(source="bench", text=s), Config())):
        out[c.pos] = c.right
    return "".join(out)


def accuracy(part: str, show: int = 0) -> dict:
    """Sentence-level precision, recall, F1 and clean-changed share on one part of the set."""
    rng = random.Random(SEED)
    items = []
    for s in sentences():
        bad = inject(s, rng) if rng.random() < TYPO_RATE else None
        if part_of(s) == part:
            items.append((s, bad))
    typo = clean = changed = exact = clean_changed = 0
    wrong_examples = []
    for s, bad in items:
        src = bad or s
        got = run_corrector(src)
        if got != src:
            changed += 1
        if bad:
            typo += 1
            if got == s:
                exact += 1
        else:
            clean += 1
            if got != s:
                clean_changed += 1
        if got != src and got != s:
            wrong_examples.append((src, got))
    p = exact / changed if changed else 0.0
    r = exact / typo if typo else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    for src, got in wrong_examples[:show]:
        diff = [f"{a}->{b}@{i}" for i, (a, b) in enumerate(zip(src, got, strict=True)) if a != b]
        print("  wrong:", src, diff)
    return {
        "part": part,
        "sentences": len(items),
        "with_typo": typo,
        "clean": clean,
        "changed": changed,
        "corrected": exact,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f1, 3),
        "clean_changed": round(clean_changed / clean if clean else 0.0, 4),
    }


def alarms(dev_only: bool = False, rules: tuple[str, ...] = ("TY101",)) -> None:
    """Print every finding of `rules` on the real reports, and the rate per 10,000 characters."""
    from fazhi.pipeline import analyze

    files = sorted(SAMPLES.glob("*.txt")) + sorted(SHARED.glob("[0-9]*.txt"))
    if dev_only:
        files = [f for f in files if not is_test_file(f)]
    chars = found = 0
    for f in files:
        rep = analyze(f)
        chars += len(rep.text)
        for x in rep.findings:
            if x.rule in rules:
                found += 1
                ctx = rep.text[max(0, x.start - 12) : x.end + 12].replace("\n", "⏎")
                print(f"{f.parent.name}/{f.name}\t{x.start}\t{x.message}\t{ctx}")
    print(
        f"{found} {'+'.join(rules)} findings in {chars} characters ({len(files)} files): "
        f"{found / chars * 1e4:.2f} per 10,000 characters"
    )


def inject_indel(s: str, rng: random.Random) -> str | None:
    """One character lost or added (INDEL_SHARE): a Chinese character deleted, a character doubled, or
    a function character put between two Chinese characters; None when the sentence takes none."""
    from fazhi.lm.indel import FUNCTION

    spots = [i for i, ch in enumerate(s) if _HAN.match(ch)]
    if len(spots) < 4:
        return None
    kind = rng.choices([k for k, _ in INDEL_SHARE], weights=[w for _, w in INDEL_SHARE])[0]
    i = rng.choice(spots)
    if kind == "delete":
        return s[:i] + s[i + 1 :]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    gaps = [j for j in spots if j > 0 and _HAN.match(s[j - 1])]
    if not gaps:
        return None
    j = rng.choice(gaps)
    ch = rng.choice(FUNCTION)
    return None if ch in (s[j - 1], s[j]) else s[:j] + ch + s[j:]


def run_indel(s: str) -> str:
    """The sentence with the missing/stray-character edits applied (as a one-sentence report)."""
    from fazhi.analysis import Analysis
    from fazhi.config import Config
    from fazhi.lm import indel
    from fazhi.rules.typo_stat import protected_mask

    return indel.apply(s, indel.edits(s, protected_mask(Analysis(source="bench", text=s), Config())))


def accuracy_indel(part: str, show: int = 0) -> dict:
    """Like `accuracy`, for one injected missing or stray character per sentence (dev files only)."""
    rng = random.Random(SEED + 1)
    items = []
    for s in sentences(dev_only=True):
        bad = inject_indel(s, rng) if rng.random() < TYPO_RATE else None
        if part_of(s) == part:
            items.append((s, bad))
    typo = clean = changed = exact = clean_changed = 0
    wrong = []
    per_kind: dict[str, list[int]] = {}
    for s, bad in items:
        src = bad or s
        got = run_indel(src)
        changed += got != src
        if bad:
            typo += 1
            exact += got == s
            kind = _indel_kind(s, bad)
            per_kind.setdefault(kind, [0, 0])[0] += got == s
            per_kind[kind][1] += 1
        else:
            clean += 1
            clean_changed += got != s
        if got != src and got != s:
            wrong.append((src, got))
    for src, got in wrong[:show]:
        print("  wrong:", src, "->", got)
    p = exact / changed if changed else 0.0
    r = exact / typo if typo else 0.0
    return {
        "part": part,
        "sentences": len(items),
        "with_edit": typo,
        "changed": changed,
        "corrected": exact,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        "clean_changed": round(clean_changed / clean if clean else 0.0, 4),
        "recall_by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(per_kind.items())},
    }


def _indel_kind(s: str, bad: str) -> str:
    """lost (a character deleted), doubled (a character repeated) or stray (another one added)."""
    if len(bad) < len(s):
        return "lost"
    i = next((i for i, (a, b) in enumerate(zip(s, bad, strict=False)) if a != b), len(s))
    return "doubled" if bad[i] in (bad[i - 1 : i] + bad[i + 1 : i + 2]) else "stray"


def decision_lines() -> list[str]:
    """One line per corrector proposal on the bench sentences and the whole real reports."""
    from fazhi.analysis import Analysis
    from fazhi.config import Config
    from fazhi.lm.corrector import correct
    from fazhi.pipeline import analysis_of
    from fazhi.rules.typo_stat import protected_mask

    def dump(tag: str, text: str, mask) -> list[str]:
        out = [f"{tag}\t{len(text)}"]
        for c in correct(text, mask):
            out.append(f"  {c.pos}\t{c.wrong}\t{c.right}\t{c.channel}\t{c.gain!r}\t{c.score!r}\t{c.words}")
        return out

    rng = random.Random(SEED)
    lines: list[str] = []
    for k, s in enumerate(sentences()):
        bad = inject(s, rng) if rng.random() < TYPO_RATE else None
        for v, src in enumerate((s, bad) if bad else (s,)):
            lines += dump(
                f"sentence {k}.{v}", src, protected_mask(Analysis(source="bench", text=src), Config())
            )
    for f in sorted(SAMPLES.glob("*.txt")) + sorted(SHARED.glob("[0-9]*.txt")):
        rep = analysis_of(f)
        lines += dump(f"file {f.parent.name}/{f.name}", rep.text, protected_mask(rep, Config()))
    return lines


def decisions(out: str | None, check: str | None) -> int:
    """Dump the corrector's proposals (--out) or compare them with an earlier dump (--check)."""
    lines = decision_lines()
    body = "\n".join(lines) + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    n = sum(1 for ln in lines if ln.startswith("  "))
    print(f"{n} proposals over {len(lines) - n} texts; sha256 {digest}")
    if out:
        Path(out).write_text(body, encoding="utf-8")
    if check:
        old = Path(check).read_text(encoding="utf-8").splitlines()
        diff = [(a, b) for a, b in zip(old, lines, strict=False) if a != b]
        if diff or len(old) != len(lines):
            for a, b in diff[:20]:
                print(f"- {a}\n+ {b}")
            print(f"DIFFERENT from {check}: {len(diff)} lines differ, {len(old)} vs {len(lines)} lines")
            return 1
        print(f"identical to {check}")
    return 0


def _rss_mb() -> float:
    for ln in Path("/proc/self/status").read_text().splitlines():
        if ln.startswith("VmRSS:"):
            return int(ln.split()[1]) / 1024
    return 0.0


def speed(dev_only: bool = False) -> None:
    """Load cost; analyze (corrector on and off) vs jieba.lcut on the same text, 1x and 2x; stage chars/s.

    CPU time (time.process_time) is reported next to wall time: on a shared machine it is the steadier.
    Each figure is the best of two runs."""
    import logging

    import jieba

    from fazhi.config import Config
    from fazhi.pipeline import analyze

    jieba.setLogLevel(logging.WARNING)
    files = sorted(SAMPLES.glob("*.txt")) + sorted(SHARED.glob("[0-9]*.txt"))
    if dev_only:
        files = [f for f in files if not is_test_file(f)]
    texts = [f.read_text(encoding="utf-8") for f in files]
    from fazhi.analysis import Analysis
    from fazhi.lm import corrector
    from fazhi.lm.model import load
    from fazhi.rules.typo_stat import protected_mask

    rss0, t0 = _rss_mb(), time.perf_counter()
    load()
    t1 = time.perf_counter()
    c1 = time.process_time()
    corrector.prepare()  # confusion table, dictionaries, fixed phrases, bigram table
    t2, c2 = time.perf_counter(), time.process_time()
    print(
        f"model load {t1 - t0:.2f}s; tables (corrector.prepare) {t2 - t1:.2f}s wall, {c2 - c1:.2f}s CPU; "
        f"memory added {_rss_mb() - rss0:.0f} MB"
    )
    jieba.lcut("预热")
    analyze(texts[0])
    off = Config(ignore=["TY101"])
    no_indel = Config(ignore=["TY102"])
    from fazhi.lm import indel

    def timed(fn, rounds: int = 2) -> tuple[float, float]:
        """Best of `rounds` runs (wall, CPU): the first run also maps the model's pages in."""
        best = (float("inf"), float("inf"))
        for _ in range(rounds):
            w, c = time.perf_counter(), time.process_time()
            fn()
            best = min(best, (time.perf_counter() - w, time.process_time() - c), key=lambda x: x[1])
        return best

    for mult in (1, 2):
        batch = [t * mult for t in texts]
        n = sum(len(t) for t in batch)
        wj, cj = timed(lambda b=batch: [jieba.lcut(t) for t in b])
        wa, ca = timed(lambda b=batch: [analyze(t) for t in b])
        wo, co = timed(lambda b=batch: [analyze(t, off) for t in b])
        masks = [protected_mask(Analysis(source="x", text=t), Config()) for t in batch]
        wc, cc = timed(
            lambda b=batch, ms=masks: [corrector.correct(t, m) for t, m in zip(b, ms, strict=True)]
        )
        wn, cn = timed(lambda b=batch: [analyze(t, no_indel) for t in b])
        wi, ci = timed(lambda b=batch, ms=masks: [indel.edits(t, m) for t, m in zip(b, ms, strict=True)])
        print(
            f"{mult}x, {n} chars (CPU s / wall s): jieba.lcut {cj:.2f}/{wj:.2f}; "
            f"analyze {ca:.2f}/{wa:.2f} = {ca / cj:.2f}x jieba (CPU); without TY101 {co:.2f}/{wo:.2f} = "
            f"{co / cj:.2f}x; corrector stage {cc:.2f}/{wc:.2f} = {n / cc:,.0f} chars/s CPU"
        )
        print(
            f"    without TY102 {cn:.2f}/{wn:.2f} = {cn / cj:.2f}x jieba (CPU); "
            f"indel stage (TY102) {ci:.2f}/{wi:.2f} = {n / ci:,.0f} chars/s CPU"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the selected measurements."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "what", nargs="?", default="all", choices=["accuracy", "indel", "alarms", "speed", "decisions", "all"]
    )
    ap.add_argument("--out", help="decisions: write the dump here")
    ap.add_argument("--check", help="decisions: compare with this earlier dump")
    ap.add_argument("--part", default="held", choices=["tune", "held"])
    ap.add_argument("--show", type=int, default=0, help="print this many wrong changes")
    ap.add_argument(
        "--dev-only",
        action="store_true",
        help="alarms, speed: leave out the held-out third of ../shared/corpus",
    )
    ap.add_argument("--rules", default="TY101", help="alarms: comma-separated rule codes")
    args = ap.parse_args(argv)
    if args.what in ("accuracy", "all"):
        print(accuracy(args.part, args.show))
    if args.what in ("indel", "all"):
        print(accuracy_indel(args.part, args.show))
    if args.what in ("alarms", "all"):
        alarms(args.dev_only, tuple(args.rules.split(",")))
    if args.what in ("speed", "all"):
        speed(args.dev_only)
    if args.what == "decisions":
        return decisions(args.out, args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
