#!/usr/bin/python3
"""Reference counts for tests/core/import/import_test.cpp: what `divlab import` (SPEC §11) must make
of the fixtures in tests/reference/import/.

Written independently of the C++ code, with the standard library only:
  * texts are read as bytes; a leading UTF-8 BOM is dropped (it is not text);
  * letter: collections.Counter over the bytes, 'A'-'Z' folded to 'a'-'z', everything else dropped;
  * char: collections.Counter over the text decoded as UTF-8 (code points, line breaks included);
  * word: collections.Counter over re.findall('[a-z]+') of the ASCII-folded bytes;
  * support: every unit of either text, sorted by P's count (descending), then by the label
    (Python compares str by code point); with one text Q is 1 everywhere (uniform);
  * CSV: the csv module (RFC 4180 quoting, CRLF, newline=''), decoded as 'utf-8-sig' (BOM dropped),
    empty rows (blank lines) skipped, counts read with float() after stripping spaces and tabs; the
    default columns of SPEC §11 as docs/import.md states them (P: the first column whose first data
    row is a number; Q: the next such column, else 1 everywhere; labels: the first other column
    whose first data row is not a number, else the data row numbers "1", "2", ...).

Run: /usr/bin/python3 gen_import.py > import.json"""
import collections
import csv
import json
import os
import re

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "import")
BOM = b"\xef\xbb\xbf"


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        data = f.read()
    return data[len(BOM):] if data.startswith(BOM) else data


def fold(data):
    return bytes(b + 32 if 65 <= b <= 90 else b for b in data)


def count(data, unit):
    if unit == "letter":
        return collections.Counter(chr(b) for b in fold(data) if 97 <= b <= 122)
    if unit == "char":
        return collections.Counter(data.decode("utf-8"))
    if unit == "word":
        return collections.Counter(w.decode("ascii") for w in re.findall(rb"[a-z]+", fold(data)))
    raise ValueError(unit)


def text_case(p, q, unit):
    cp = count(read(p), unit)
    cq = count(read(q), unit) if q else collections.Counter()
    labels = sorted(set(cp) | set(cq), key=lambda u: (-cp[u], u))
    return {
        "kind": "text", "p_file": p, "q_file": q, "unit": unit, "labels": labels,
        "p": [float(cp[u]) for u in labels],
        "q": [float(cq[u]) if q else 1.0 for u in labels],
    }


def is_number(cell):
    try:
        float(cell.strip(" \t"))
        return True
    except ValueError:
        return False


def csv_case(name, p=None, q=None, label=None):
    with open(os.path.join(HERE, name), encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if r != []]
    header, data = rows[0], rows[1:]
    numeric = [is_number(c) for c in data[0]]
    named = [header.index(c) for c in (p, q, label) if c is not None]
    free = [j for j in range(len(header)) if numeric[j] and j not in named]
    pj = header.index(p) if p is not None else free[0]
    qj = header.index(q) if q is not None else (free[1] if p is None and len(free) > 1 else None)
    if label is not None:
        lj = header.index(label)
    else:
        lj = next((j for j in range(len(header)) if not numeric[j] and j not in (pj, qj)), None)
    return {
        "kind": "csv", "file": name, "p_col": p, "q_col": q, "label_col": label,
        "labels": [r[lj] for r in data] if lj is not None else [str(i + 1) for i in range(len(data))],
        "p": [float(r[pj].strip(" \t")) for r in data],
        "q": [float(r[qj].strip(" \t")) for r in data] if qj is not None else [1.0] * len(data),
    }


cases = [
    text_case("german.txt", "english.txt", "letter"),
    text_case("german.txt", "english.txt", "char"),
    text_case("german.txt", "english.txt", "word"),
    text_case("greek.txt", "german.txt", "char"),
    text_case("greek.txt", None, "letter"),
    text_case("english.txt", None, "word"),
    text_case("bom_crlf.txt", "german.txt", "char"),
    text_case("bom_crlf.txt", None, "word"),
    csv_case("letters.csv", "english", "german", "letter"),
    csv_case("letters.csv"),
    csv_case("letters.csv", "german"),
    csv_case("quoted_crlf_bom.csv", "count P", "count Q", "word"),
    csv_case("quoted_crlf_bom.csv"),
    csv_case("numbers_only.csv"),
    csv_case("unicode_labels.csv"),
    csv_case("three_numeric.csv", None, "x"),
    csv_case("three_numeric.csv", "z", None, None),
]
print(json.dumps({"cases": cases}, ensure_ascii=False, indent=1))
