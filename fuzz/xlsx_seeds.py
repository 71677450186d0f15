#!/usr/bin/python3
"""xlsx_seeds.py: seed inputs for fuzz/fuzz_xlsx.c from the XLSX corpus.

usage: xlsx_seeds.py OUTDIR FILE.xlsx...
For each workbook: mode 0 (the file itself), mode 1 (its parts, for the
harness to store again), and, where the workbook has them, mode 2 (its first
sheet's XML) and mode 3 (its shared strings). Files that are not ZIP archives
only give mode 0. Fuzzing helper; not part of the program or its tests.
"""
import os
import sys
import zipfile


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        base = os.path.splitext(os.path.basename(path))[0]
        data = open(path, "rb").read()
        open(os.path.join(out, base + ".0"), "wb").write(b"\x00" + data)
        try:
            z = zipfile.ZipFile(path)
            parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
        except Exception:
            continue
        blob = b"\n##\n".join(name.encode() + b"\n" + body for name, body in parts)
        open(os.path.join(out, base + ".1"), "wb").write(b"\x01" + blob)
        for name, body in parts:
            if name == "xl/worksheets/sheet1.xml":
                open(os.path.join(out, base + ".2"), "wb").write(b"\x02" + body)
            if name == "xl/sharedStrings.xml":
                open(os.path.join(out, base + ".3"), "wb").write(b"\x03" + body)


if __name__ == "__main__":
    main()
