"""Generate src/fazhi/data/terms/variants.tsv: likely misspellings of the lexicon's terms (dev tool).

Usage: .venv/bin/python bench/build_term_variants.py [--show KIND]

For every term of lexicon.txt with at least MIN_SOURCE_LEN characters (except guard-only rows, marked
保护) it writes, systematically:
  sub    one character replaced by a homophone (same toneless pinyin, via pypinyin) or by a character of
         the same shape group (shape_similar.tsv);
  word   one word of the term replaced by a common word of the same sound (the input-method slip:
         `形式职权` for 行使职权), for every dictionary word inside the term;
  del    one inner character dropped (terms of MIN_DELETE_LEN characters or more);
  trunc  the last character dropped from a fixed phrase (marked 固定 in lexicon.txt: `第一时` for
         第一时间), kept with the characters that may legally follow it, so that `第一时段` stays silent;
  dup    one inner character doubled.
A candidate is kept only if it is not itself valid: not a word of jieba's dictionary, not inside a
longer dictionary word or lexicon term, not a valid word plus one stray character at an edge, not a right form of any table, not listed in variants_stop.txt
(reviewed false alarms, with reasons), and, when short, not a plain sequence of whole dictionary words
(`规范文件`, `合法审查` read as two ordinary words). A character dropped from a two-character word at a
term's edge leaves a stray character that may join its neighbour in the text into another word
(`推行` + 审批服务): such rows carry the characters that do so, and the rule stays silent next to them. The clean corpus (bench/corpus/clean_*.txt) is
scanned last with the real rules (fazhi.analyze, typo rules only): every finding there is printed so
that a person can judge it and list it in variants_stop.txt (nothing is dropped silently).

jieba and pypinyin are used here only; at run time fazhi reads the generated table.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import ahocorasick
import jieba
from pypinyin import Style, lazy_pinyin, pinyin

ROOT = Path(__file__).resolve().parent.parent
TERMS = ROOT / "src" / "fazhi" / "data" / "terms"
CORPUS = sorted((ROOT / "bench" / "corpus").glob("clean_*.txt"))
JIEBA_DICT = Path(jieba.__file__).parent / "dict.txt"

# 《现代汉语常用字表》 lists 2,500 常用字: input methods offer these first, so these are the characters
# typed by mistake; rarer replacements only bloat the table (3,500 gave 107k candidates, 2,500 gives 81k).
COMMON_CHARS = 2500
# A whole-word homophone must be this common in jieba's dictionary to be offered by an input method
# ahead of the right word; rarer words make candidates nobody types.
WORD_MIN_FREQ = 100
# Four characters is the shortest term whose one-character change is still unlikely to be a real
# phrase; two- and three-character terms produce mostly valid words.
MIN_SOURCE_LEN = 4
# Dropping an inner character of a short term leaves something that often reads as valid: three
# characters from four (`第一间`), or an abbreviation from five (`规范文件`, `下一工作`日); deletions
# start at six characters.
MIN_DELETE_LEN = 6
# Candidates this short that split into whole dictionary words only (`合法审查`) may be valid text.
SHORT_CANDIDATE = 5
HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def read_list(name: str) -> list[str]:
    """Non-comment lines of a data file (first column for TSV)."""
    out = []
    for line in (TERMS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def load_dict() -> tuple[dict[str, int], list[str]]:
    """jieba's dictionary: word -> frequency, and the most common characters."""
    words: dict[str, int] = {}
    chars: Counter[str] = Counter()
    for line in JIEBA_DICT.read_text(encoding="utf-8").splitlines():
        w, f, *_ = line.split(" ")
        words[w] = int(f)
        for ch in w:
            chars[ch] += int(f)
    common = [c for c, _ in chars.most_common() if HAN.match(c)][:COMMON_CHARS]
    return words, common


def homophones(common: list[str]) -> dict[str, set[str]]:
    """Toneless reading -> common characters whose usual reading it is.

    Only a character's first (usual) reading counts: an input method lists 居 under `ju`, not under
    its rare reading `ji`, so 居 is not a slip for 级.
    """
    out: dict[str, set[str]] = defaultdict(set)
    for ch in common:
        out[pinyin(ch, style=Style.NORMAL)[0][0]].add(ch)
    return out


def shapes() -> dict[str, set[str]]:
    """Character -> characters of its shape groups."""
    out: dict[str, set[str]] = defaultdict(set)
    for group, *_ in read_list("shape_similar.tsv"):
        for ch in group:
            out[ch] |= set(group) - {ch}
    return out


def word_sounds(words: dict[str, int]) -> dict[str, set[str]]:
    """Toneless pinyin -> common dictionary words of two to four characters with that sound."""
    out: dict[str, set[str]] = defaultdict(set)
    for w, f in words.items():
        if 2 <= len(w) <= 4 and f >= WORD_MIN_FREQ and HAN.match(w):
            out[" ".join(lazy_pinyin(w))].add(w)
    return out


def generate(terms: list[str], fixed: set[str], sound, shape, wsound) -> dict[str, set[tuple[str, str, int]]]:
    """Candidate -> {(term, kind, position of the change)}."""
    cands: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    for t in terms:
        if len(t) < MIN_SOURCE_LEN or not HAN.match(t):
            continue
        # every dictionary word inside the term, also inside longer ones (行使 in 行使职权)
        for w, pos, end in jieba.tokenize(t, mode="search", HMM=False):
            if 2 <= len(w) < len(t):
                for other in wsound.get(" ".join(lazy_pinyin(w)), ()):
                    if other != w:
                        cands[t[:pos] + other + t[end:]].add((t, "word", pos))
        # the reading of each character in this term (phrase-aware: 行 in 行政 is xing)
        for i, (ch, reading) in enumerate(zip(t, lazy_pinyin(t), strict=True)):
            for c in (sound.get(reading, set()) | shape.get(ch, set())) - {ch}:
                cands[t[:i] + c + t[i + 1 :]].add((t, "sub", i))
        if len(t) >= MIN_DELETE_LEN:
            for i in range(1, len(t) - 1):
                cands[t[:i] + t[i + 1 :]].add((t, "del", i))
        if t in fixed:
            cands[t[:-1]].add((t, "trunc", len(t) - 1))
        for i in range(1, len(t) - 1):
            cands[t[: i + 1] + t[i] + t[i + 1 :]].add((t, "dup", i))
    return cands


def edge_artifact(c: str, term: str, kind: str, i: int, known: set[str]) -> bool:
    """Whether the candidate is probably a valid word followed or preceded by one stray character.

    A change at the first or last character of a term leaves the rest of the term intact; when that
    rest is itself a word (`行政复议` + `发`生), the candidate is two valid neighbours, not a typo.
    The same holds for a character dropped next to an edge (`普法` + `明白人`).
    """
    if kind == "sub":
        return (i == 0 and term[1:] in known) or (i == len(term) - 1 and term[:-1] in known)
    if kind == "del":
        return (i == 1 and c[1:] in known) or (i == len(term) - 2 and c[:-1] in known)
    return False


def stray_edge(term: str, i: int) -> str:
    """For a character dropped from a two-character word at a term's edge, which side is left stray.

    `行政审批服务` without 政 leaves 行 stray at the start, which may end the word before it in the
    text (`推行` + 审批服务); `…第一责任人职责` without 职 leaves 责, which may start the next word
    (第一责任人 + `责任`). Returns "<" (start), ">" (end) or "".
    """
    toks = jieba.lcut(term, HMM=False)
    if i == 1 and len(toks[0]) == 2:
        return "<"
    if i == len(term) - 2 and len(toks[-1]) == 2:
        return ">"
    return ""


def swapped(c: str, term: str, pairs: list[tuple[str, ...]]) -> bool:
    """Whether the candidate only swaps one side of a stop pair for the other."""
    for x, y in pairs:
        for a, b in ((x, y), (y, x)):
            i = term.find(a)
            while i >= 0:
                if term[:i] + b + term[i + len(a) :] == c:
                    return True
                i = term.find(a, i + 1)
    return False


def contains_any(strings: set[str]):
    """A test: does a text contain one of the strings (the curated wrong forms)?"""
    a = ahocorasick.Automaton()
    for s in strings:
        a.add_word(s, s)
    a.make_automaton()
    return lambda text: next(a.iter(text), None) is not None


def contained(cands: set[str], texts: list[str]) -> set[str]:
    """Candidates that occur inside any of the texts (one Aho-Corasick pass)."""
    a = ahocorasick.Automaton()
    for c in cands:
        a.add_word(c, c)
    a.make_automaton()
    found = set()
    for text in texts:
        for _end, c in a.iter(text):
            found.add(c)
    return found


def joiners(c: str, side: str, words: dict[str, int]) -> str:
    """`<` + the characters that make a common word with the candidate's first character when they stand
    before it, or `>` + those that do so after its last character."""
    if side == "<":
        ok = {w[0] for w, f in words.items() if len(w) == 2 and w[1] == c[0] and f >= WORD_MIN_FREQ}
    else:
        ok = {w[1] for w, f in words.items() if len(w) == 2 and w[0] == c[-1] and f >= WORD_MIN_FREQ}
    return side + "".join(sorted(ok)) if ok else ""


def followers(c: str, term: str, words: dict[str, int]) -> str:
    """Characters after a truncated term that make a valid continuation."""
    ok = {term[-1]}
    last = c[-1]
    for w in words:
        if len(w) >= 2 and w[0] == last:
            ok.add(w[1])
    return "".join(sorted(ok))


def check_corpus() -> None:
    """Run the typo rules over the clean corpus and print every finding (each one a false alarm)."""
    import fazhi
    from fazhi.config import Config

    n = 0
    for p in CORPUS:
        r = fazhi.analyze(p, Config(select=["TY"]))
        for f in r.findings:
            n += 1
            print(f"  FALSE ALARM {p.name}: {f.rule} {r.text[f.start : f.end]!r} {f.message}")
    print(f"clean corpus: {n} typo findings in {len(CORPUS)} files")


def main() -> None:
    """Build the table and print what was dropped and why."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", help="print the kept candidates of this kind (sub, del, trunc, dup)")
    args = ap.parse_args()
    words, common = load_dict()
    lex_rows = read_list("lexicon.txt")
    lexicon = [r[0] for r in lex_rows]
    fixed = {r[0] for r in lex_rows if len(r) > 1 and r[1].strip() == "固定"}
    rights = {
        r[1]
        for name in ("confusions.tsv", "phrases.tsv", "fazhi.tsv", "days.tsv", "numerals.tsv")
        for r in read_list(name)
    }
    wrongs = {
        r[0]
        for name in ("confusions.tsv", "phrases.tsv", "fazhi.tsv", "days.tsv", "numerals.tsv")
        for r in read_list(name)
    }
    bad_lex = [t for t in lexicon if t in wrongs]
    if bad_lex:
        sys.exit(f"lexicon.txt holds wrong forms: {bad_lex}")
    stop_rows = read_list("variants_stop.txt")
    stop = {r[0] for r in stop_rows if "=" not in r[0]}
    stop_pairs = [tuple(r[0].split("=")) for r in stop_rows if "=" in r[0]]
    curated = contains_any(wrongs)
    sources = [r[0] for r in lex_rows if not (len(r) > 1 and r[1].strip() == "保护")]
    cands = generate(sources, fixed, homophones(common), shapes(), word_sounds(words))
    print(f"generated {len(cands)} candidates from {len(lexicon)} terms")

    dropped: Counter[str] = Counter()
    valid = set(lexicon) | rights | set(words)
    known = {w for w, f in words.items() if len(w) >= 2} | set(lexicon)
    inside = contained(
        set(cands), ["\n".join(w for w in words if len(w) >= 3), "\n".join(lexicon), "\n".join(rights)]
    )
    kept: dict[str, tuple[str, str]] = {}
    kept_pos: dict[str, int] = {}
    for c, srcs in cands.items():
        if len({t for t, _, _ in srcs}) > 1:
            dropped["ambiguous (two terms)"] += 1
            continue
        (term, kind, pos), *_ = sorted(srcs, key=lambda s: ("trunc", "word", "sub", "del", "dup").index(s[1]))
        if c in valid:
            dropped["a valid word"] += 1
        elif c in wrongs:
            dropped["curated in another table"] += 1
        elif c in stop or swapped(c, term, stop_pairs):
            dropped["variants_stop.txt"] += 1
        elif curated(c):
            dropped["contains a curated wrong form"] += 1
        elif edge_artifact(c, term, kind, pos, known):
            dropped["a word plus a stray character"] += 1
        elif kind != "trunc" and c in inside:
            dropped["inside a longer word"] += 1
        elif (
            kind not in ("trunc", "word")
            and len(c) <= SHORT_CANDIDATE
            and all(len(w) >= 2 for w in jieba.lcut(c, HMM=False))
        ):
            dropped["whole words only"] += 1
        else:
            kept[c] = (term, kind)
            kept_pos[c] = pos
    for reason, n in dropped.most_common():
        print(f"  dropped {n:6d}  {reason}")
    by_kind = Counter(k for _, k in kept.values())
    print("kept:", dict(by_kind), "total", len(kept))

    lines = [
        "# 由 bench/build_term_variants.py 从 lexicon.txt 生成，请勿手工修改（误报写法加入 variants_stop.txt 后重新生成）。",
        "# 错误写法<TAB>正确写法<TAB>类型（sub 同音形近字；word 同音词；del 缺字；trunc 末字缺失；dup 多字）<TAB>末字缺失时可接的字；"
        "缺字在词边时，<前面或>后面能与边上的字成词的字",
    ]
    for c in sorted(kept, key=lambda c: (kept[c][0], kept[c][1], c)):
        term, kind = kept[c]
        extra = followers(c, term, words) if kind == "trunc" else ""
        if kind == "del":
            side = stray_edge(term, kept_pos[c])
            extra = joiners(c, side, words) if side else ""
        lines.append(f"{c}\t{term}\t{kind}\t{extra}")
    (TERMS / "variants.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TERMS / 'variants.tsv'}")
    check_corpus()
    if args.show:
        for c, (term, kind) in sorted(kept.items()):
            if kind == args.show:
                print(c, term)


if __name__ == "__main__":
    main()
