#!/usr/bin/env python3
"""Rewrites the shortcut tables of README.md and docs/teaching.md from `divlab actions --markdown`
(the one action registry), between the "Keyboard shortcuts" heading's intro and the next heading
of the same level. Usage: scripts/update_shortcut_docs.py build/release/app/divlab"""
import re
import subprocess
import sys

divlab = sys.argv[1] if len(sys.argv) > 1 else "build/release/app/divlab"
tables = subprocess.check_output([divlab, "actions", "--markdown"], text=True).strip()
for path, level in (("README.md", "##"), ("docs/teaching.md", "##")):
    text = open(path, encoding="utf-8").read()
    start = text.index(f"{level} Keyboard shortcuts")
    first_table = re.compile(r"^(\*\*|###? )", re.M).search(text, text.index("\n", start) + 1)
    end = re.compile(rf"^{level} ", re.M).search(text, first_table.start() + 1)
    text = text[: first_table.start()] + tables + "\n\n" + text[end.start():]
    open(path, "w", encoding="utf-8").write(text)
