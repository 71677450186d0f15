#!/usr/bin/python3
# tests/reliability_paths_header.py: checks the page headers of a workbook whose Kommune is all '&', for
# reliability_paths.sh.
#   reliability_paths_header.py AMP.xlsx
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if name.startswith("xl/worksheets/sheet"):
        for h in re.findall(r"<oddHeader>(.*?)</oddHeader>", z.read(name).decode()):
            h = html.unescape(h)
            if len(h) > 255 or "…" not in h or "&&" not in h:
                print("%s: header of %d characters: %s" % (name, len(h), h[:80]))
                sys.exit(1)
