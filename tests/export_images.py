#!/usr/bin/python3
# export_images.py: makes the logo files the export tests need, with the
# standard library only (zlib, struct), so no image package is required:
#   export_images.py png FILE [WIDTH HEIGHT [DPI]]   a drawn logo (RGB PNG)
#   export_images.py jpeg FILE                       a 32x16 light grey JPEG
#   export_images.py broken KIND FILE SOURCE         a damaged copy of SOURCE:
#       truncated, crc (a flipped bit), stream (a flipped bit, CRC made right),
#       trailing (bytes after the end)
# Not a test itself.
import struct
import sys
import zlib


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def make_png(width=360, height=120, dpi=None):
    """A blue plate with a white frame and three white blocks ("IHK"-ish)."""
    blue, white = (0x1F, 0x4E, 0x79), (0xFF, 0xFF, 0xFF)
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            frame = x < 6 or y < 6 or x >= width - 6 or y >= height - 6
            block = (height // 4 <= y < 3 * height // 4 and
                     any(a <= x < a + width // 10
                         for a in (width // 8, 3 * width // 8, 5 * width // 8)))
            row += bytes(white if frame or block else blue)
        rows.append(bytes(row))
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if dpi:
        ppm = int(round(dpi / 0.0254))
        data += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    data += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    data += chunk(b"IEND", b"")
    return data


def make_jpeg(width=32, height=16, grey=200):
    """A baseline greyscale JPEG of one grey level: every 8x8 block has only a
    DC coefficient, so two one- and two-symbol Huffman tables suffice."""
    def seg(marker, payload):
        return b"\xFF" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload

    out = b"\xFF\xD8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x01" + struct.pack(">HH", 72, 72) + b"\x00\x00")
    out += seg(0xDB, b"\x00" + bytes([16] * 64))  # quantisation table 0
    out += seg(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    # DC table 0: code 0 -> category 0, code 10 -> category 6
    out += seg(0xC4, b"\x00" + bytes([1, 1] + [0] * 14) + b"\x00\x06")
    # AC table 0: code 0 -> EOB
    out += seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    out += seg(0xDA, b"\x01\x01\x00\x00\x3F\x00")
    dc = (grey - 128) * 8 // 16  # level shift, DCT DC gain 8, quantiser 16
    assert 32 <= dc < 64, "category 6 only"
    bits = "10" + format(dc, "06b") + "0"  # first block: DC diff, then EOB
    blocks = (width // 8) * (height // 8)
    bits += "00" * (blocks - 1)  # later blocks: DC diff 0, EOB
    bits += "1" * (-len(bits) % 8)  # pad with ones
    data = bytearray()
    for i in range(0, len(bits), 8):
        b = int(bits[i:i + 8], 2)
        data.append(b)
        if b == 0xFF:
            data.append(0)  # byte stuffing
    return out + bytes(data) + b"\xFF\xD9"


def damage(kind, data):
    if kind == "truncated":
        return data[: len(data) // 2]
    if kind == "trailing":
        return data + b"GARBAGE"
    if data[:4] == b"\x89PNG":
        # the first IDAT's first data byte
        pos = data.index(b"IDAT") + 4
        bad = bytearray(data)
        bad[pos + 2] ^= 0x55
        if kind == "stream":
            length = struct.unpack(">I", data[pos - 8:pos - 4])[0]
            crc = zlib.crc32(bytes(bad[pos - 4:pos + length])) & 0xFFFFFFFF
            bad[pos + length:pos + length + 4] = struct.pack(">I", crc)
        return bytes(bad)
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0x55
    return bytes(bad)


def main():
    what = sys.argv[1] if len(sys.argv) > 2 else ""
    if what == "png":
        path, args = sys.argv[2], [int(a) for a in sys.argv[3:]]
        data = make_png(*args[:2], dpi=args[2] if len(args) > 2 else None)
    elif what == "jpeg":
        path, data = sys.argv[2], make_jpeg()
    elif what == "broken" and len(sys.argv) == 5:
        path = sys.argv[3]
        with open(sys.argv[4], "rb") as fp:
            data = damage(sys.argv[2], fp.read())
    else:
        sys.exit("usage: export_images.py png|jpeg FILE ... | broken KIND FILE SOURCE")
    with open(path, "wb") as fp:
        fp.write(data)


if __name__ == "__main__":
    main()
