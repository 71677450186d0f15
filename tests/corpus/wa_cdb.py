#!/usr/bin/python3
# tests/corpus/wa_cdb.py: a small, independent tinycdb reader/writer used by
# the reliability tests to make broken and foreign session files from a valid
# one at test time (so the fixtures follow format changes). It re-implements
# the session checksum (CRC-32 over all records but "checksum", each as
# big-endian length, key, length, value) so that a fixture can
# carry impossible values behind a valid checksum. The record order of the
# CRC (file order or sorted by key) is taken from whichever matches the
# input's stored checksum. Test tool only: it writes
# only the OUT file it is given.
#
#   wa_cdb.py dump FILE                       records as KEY<TAB>VALUE (repr)
#   wa_cdb.py verify FILE                     exit 0 when the checksum matches
#   wa_cdb.py rewrite IN OUT [OPS...]         copy with changes, checksum fixed
#       set:KEY=VALUE   set (or add) a record;  del:KEY  remove every KEY
#       add:KEY=VALUE   add a record even if KEY exists (duplicate keys)
#       hex:KEY=HEX     set a record to raw bytes
#       keep-checksum   keep the old checksum record (a mismatch when changed)
#       no-checksum     write no checksum record
#   wa_cdb.py foreign OUT                     a cdb of another program
#   wa_cdb.py header OUT IN                   IN with a hash table pointing past EOF
import struct
import sys
import zlib


def cdb_hash(key):
    h = 5381
    for c in key:
        h = ((h << 5) + h) ^ c
        h &= 0xFFFFFFFF
    return h


def read_cdb(path):
    data = open(path, "rb").read()
    if len(data) < 2048:
        raise SystemExit("%s: shorter than a cdb header" % path)
    # records run from 2048 to the lowest table position
    dend = min([struct.unpack_from("<I", data, 8 * i)[0] for i in range(256)] + [len(data)])
    pos, records = 2048, []
    while pos < dend:
        klen, dlen = struct.unpack_from("<II", data, pos)
        pos += 8
        records.append((data[pos:pos + klen], data[pos + klen:pos + klen + dlen]))
        pos += klen + dlen
    return records


def write_cdb(path, records):
    out = bytearray(2048)
    tables = [[] for _ in range(256)]
    for key, value in records:
        h = cdb_hash(key)
        tables[h & 255].append((h, len(out)))
        out += struct.pack("<II", len(key), len(value)) + key + value
    header = bytearray()
    for t in tables:
        n = 2 * len(t)
        header += struct.pack("<II", len(out), n)
        slots = [(0, 0)] * n
        for h, p in t:
            i = (h >> 8) % n
            while slots[i][1] != 0:
                i = (i + 1) % n
            slots[i] = (h, p)
        for h, p in slots:
            out += struct.pack("<II", h, p)
    out[0:2048] = header
    with open(path, "wb") as f:
        f.write(out)


def checksum(records, order="file"):
    crc = 0
    chosen = [r for r in records if r[0] != b"checksum"]
    if order == "sorted":
        chosen.sort(key=lambda r: r[0])
    for key, value in chosen:
        crc = zlib.crc32(struct.pack(">I", len(key)) + key, crc)
        crc = zlib.crc32(struct.pack(">I", len(value)) + value, crc)
    return b"%08x" % crc


def rewrite(src, dst, ops):
    records = [r for r in read_cdb(src)]
    old_sum = [r for r in records if r[0] == b"checksum"]
    order = "file"
    if old_sum and checksum(records, "sorted") == old_sum[0][1]:
        order = "sorted"
    records = [r for r in records if r[0] != b"checksum"]
    mode = "fix"
    for op in ops:
        if op in ("keep-checksum", "no-checksum"):
            mode = op
            continue
        kind, _, rest = op.partition(":")
        key, _, value = rest.partition("=")
        key = key.encode()
        if kind == "del":
            records = [r for r in records if r[0] != key]
        elif kind in ("set", "hex", "add"):
            v = bytes.fromhex(value) if kind == "hex" else value.encode()
            if kind != "add" and any(r[0] == key for r in records):
                records = [(k, v if k == key else old) for k, old in records]
            else:
                records.append((key, v))
        else:
            raise SystemExit("unknown op " + op)
    if mode == "fix":
        records.append((b"checksum", checksum(records, order)))
    elif mode == "keep-checksum":
        records += old_sum
    write_cdb(dst, records)


def main():
    cmd = sys.argv[1]
    if cmd == "dump":
        for k, v in read_cdb(sys.argv[2]):
            print("%r\t%r" % (k, v[:80]))
    elif cmd == "verify":
        records = read_cdb(sys.argv[2])
        stored = [v for k, v in records if k == b"checksum"]
        ok = stored and stored[0] in (checksum(records), checksum(records, "sorted"))
        print("checksum ok" if ok else "checksum BAD")
        sys.exit(0 if ok else 1)
    elif cmd == "rewrite":
        rewrite(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == "foreign":
        write_cdb(sys.argv[2], [(b"user:%d" % i, b"name=%d;shell=/bin/sh" % i) for i in range(50)])
    elif cmd == "header":
        data = bytearray(open(sys.argv[3], "rb").read())
        struct.pack_into("<II", data, 8 * 7, 0xFFFFFFF0, 0x7FFFFFFF)
        open(sys.argv[2], "wb").write(data)
    else:
        raise SystemExit("unknown command " + cmd)


main()
