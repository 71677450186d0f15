# tests/corpus/make_forms.py: regenerates tests/corpus/form/*.yaml and
# tests/corpus/form-valid.yaml (the outputs are committed; rerun after
# changing a case: /usr/bin/python3 tests/corpus/make_forms.py). Writes only
# under tests/corpus/.
import os
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "form")
os.makedirs(out, exist_ok=True)

HEAD = """form: korpus
title: Korpus-Prüfbogen
edition: 2023-05-11
pass: {total_percent: 60, section_min_percent: 40}
validity_years: {first: 3, renewal: 5}
goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}
sections:
"""
SEC = """  - id: strategie
    title: Strategische Zielsetzung
    questions:
"""
Q1 = """      - id: ratsbeschluss
        type: yesno
        text: Hat ein Gremium die Teilnahme beschlossen?
        points: 4
"""
Q2 = """      - id: art
        type: choice
        text: Wie wird das Audit vorbereitet?
        options:
          - {id: gut, label: Gut, points: 2}
          - {id: kaum, label: Kaum, points: 0}
"""
VALID = HEAD + SEC + Q1 + Q2

def write(name, desc, body, expect="any", comment=True, raw=None):
    path = os.path.join(out, name)
    if raw is not None:
        data = raw
    else:
        text = body
        if comment:
            text = "# broken: %s\n# expect-line: %s\n" % (desc, expect) + body
        data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)

def line_of(text, needle, offset=2):
    # 1-based line of needle in text, plus the two comment lines on top
    for i, l in enumerate(text.split("\n")):
        if needle in l:
            return i + 1 + offset
    raise SystemExit("needle not found: " + needle)

# the base file: valid, so every broken variant fails for its own reason
with open(os.path.join(here, "form-valid.yaml"), "w") as f:
    f.write("# The valid base of the broken-form corpus: check-form must accept it.\n" + VALID)

cases = []
def case(name, desc, body, needle=None, **kw):
    exp = str(line_of(body, needle)) if needle else "any"
    write(name, desc, body, exp, **kw)

case("01-syntax-unclosed-flow.yaml", "unclosed flow mapping",
     VALID.replace("{total_percent: 60, section_min_percent: 40}", "{total_percent: 60, section_min_percent: 40"))
case("02-syntax-bad-indent.yaml", "question key indented wrongly",
     VALID.replace("        text: Hat ein", "          text: Hat ein"))
case("03-tab-indent.yaml", "tab used for indentation",
     VALID.replace("        points: 4\n", "\tpoints: 4\n"))
case("04-unknown-top-key.yaml", "unknown top-level key",
     VALID.replace("sections:\n", "farbe: rot\nsections:\n"), "farbe: rot")
case("05-unknown-question-key.yaml", "misspelt question key pionts",
     VALID.replace("        points: 4\n", "        pionts: 4\n"), "pionts")
case("06-missing-form-id.yaml", "missing form id",
     VALID.replace("form: korpus\n", ""))
case("07-missing-sections.yaml", "missing sections",
     HEAD.replace("sections:\n", ""))
case("08-missing-type.yaml", "question without type",
     VALID.replace("        type: yesno\n", ""))
case("09-missing-text.yaml", "question without text",
     VALID.replace("        text: Hat ein Gremium die Teilnahme beschlossen?\n", ""))
case("10-points-string.yaml", "points is a string",
     VALID.replace("        points: 4\n", "        points: vier\n"), "points: vier")
case("11-points-float.yaml", "points is not an integer",
     VALID.replace("        points: 4\n", "        points: 4.5\n"), "points: 4.5")
case("12-points-negative.yaml", "negative points",
     VALID.replace("        points: 4\n", "        points: -4\n"), "points: -4")
case("13-unknown-type.yaml", "unknown question type",
     VALID.replace("type: yesno", "type: vielleicht"), "vielleicht")
case("14-duplicate-question-id.yaml", "duplicate question id",
     VALID.replace("      - id: art\n", "      - id: ratsbeschluss\n"))
case("15-duplicate-section-id.yaml", "duplicate section id",
     VALID + SEC.replace("strategie", "strategie") + Q1.replace("ratsbeschluss", "anders"))
case("16-show-if-unknown.yaml", "show_if names an unknown question",
     VALID + "        show_if: gibtsnicht\n", "show_if: gibtsnicht")
case("17-show-if-forward.yaml", "show_if points to a later question",
     VALID.replace("        points: 4\n", "        points: 4\n        show_if: art\n"), "show_if: art")
case("18-show-if-self.yaml", "show_if points to itself (cycle)",
     VALID.replace("        points: 4\n", "        points: 4\n        show_if: ratsbeschluss\n"), "show_if: ratsbeschluss")
case("19-show-if-cycle.yaml", "two questions whose show_if point at each other",
     VALID.replace("        points: 4\n", "        points: 4\n        show_if: art\n")
     + "        show_if: ratsbeschluss\n")
case("20-show-if-unknown-option.yaml", "show_if names an unknown option",
     VALID + Q1.replace("ratsbeschluss", "folge") + "        show_if: art=zzz\n", "show_if: art=zzz")
case("21-choice-empty-options.yaml", "choice with an empty option list",
     HEAD + SEC + Q1 + """      - id: art
        type: choice
        text: Wie?
        options: []
""", "options: []")
case("22-choice-no-options.yaml", "choice without options",
     HEAD + SEC + Q1 + """      - id: art
        type: choice
        text: Wie?
""")
case("23-option-without-id.yaml", "option without id",
     VALID.replace("{id: kaum, label: Kaum, points: 0}", "{label: Kaum, points: 0}"))
case("24-duplicate-option-id.yaml", "duplicate option id",
     VALID.replace("{id: kaum,", "{id: gut,"))
case("25-number-no-bands.yaml", "number question without bands",
     VALID + """      - id: anzahl
        type: number
        text: Wie viele?
""")
case("26-scale-negative-max.yaml", "scale with a negative max",
     VALID + """      - id: note
        type: scale
        text: Wie gut?
        max: -3
""", "max: -3")
rawbase = VALID.encode()
write("27-invalid-utf8.yaml", None, None, raw=b"# broken: invalid UTF-8 byte 0xff in a text\n# expect-line: 15\n"
      + rawbase.replace("beschlossen?".encode(), b"beschlossen\xff?"))
write("28-overlong-utf8.yaml", None, None, raw=b"# broken: overlong UTF-8 encoding of '/'\n# expect-line: 15\n"
      + rawbase.replace("beschlossen?".encode(), b"beschlossen\xc0\xaf?"))
write("29-utf16le-bom.yaml", None, None,
      raw=b"\xff\xfe" + ("# broken: UTF-16LE with BOM\n# expect-line: any\n" + VALID).encode("utf-16-le"))
write("30-utf8-bom-unknown-key.yaml", None, None,
      raw=b"\xef\xbb\xbf" + ("# broken: UTF-8 BOM, then an unknown key (line count must not shift)\n# expect-line: %d\n"
                            % line_of(VALID.replace("sections:\n", "farbe: rot\nsections:\n"), "farbe"))
      .encode() + VALID.replace("sections:\n", "farbe: rot\nsections:\n").encode())
crlf = ("# broken: CRLF line ends and points is a string\n# expect-line: %d\n"
        % line_of(VALID.replace("points: 4", "points: vier"), "points: vier")
        + VALID.replace("points: 4", "points: vier")).replace("\n", "\r\n")
write("31-crlf-wrong-type.yaml", None, None, raw=crlf.encode())
cr = ("# broken: old Mac line ends (lone CR) and points is a string\n# expect-line: %d\n"
      % line_of(VALID.replace("points: 4", "points: vier"), "points: vier")
      + VALID.replace("points: 4", "points: vier")).replace("\n", "\r")
write("32-lone-cr-wrong-type.yaml", None, None, raw=cr.encode())
write("33-empty.yaml", None, None, raw=b"")
write("34-only-comments.yaml", None, None, raw=b"# broken: only a comment, no document\n   \n\n")
case("35-top-level-sequence.yaml", "the document is a sequence", "- form: korpus\n- title: x\n")
case("36-top-level-scalar.yaml", "the document is a scalar", "nur ein Satz\n")
case("37-two-documents.yaml", "two YAML documents in one file", VALID + "---\n" + VALID)
write("38-nul-byte.yaml", None, None, raw=b"# broken: a NUL byte inside a text\n# expect-line: any\n"
      + rawbase.replace(b"beschlossen?", b"beschlossen\x00?"))
laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
prev = "a"
for n in "bcdefghi":
    laughs += "%s: &%s [%s]\n" % (n, n, ", ".join(["*" + prev] * 10))
    prev = n
case("39-alias-bomb.yaml", "billion laughs: nested aliases (must not explode in time or memory)",
     VALID.replace("sections:\n", laughs + "sections:\n"))
case("40-deep-nesting.yaml", "20000 nested flow sequences (stack depth)",
     VALID.replace("sections:\n", "tief: " + "[" * 20000 + "]" * 20000 + "\nsections:\n"))
case("41-percent-out-of-range.yaml", "pass mark above 100 percent",
     VALID.replace("total_percent: 60", "total_percent: 150"), "total_percent: 150")
case("42-edition-impossible-date.yaml", "edition is 30 February",
     VALID.replace("edition: 2023-05-11", "edition: 2023-02-30"), "edition:")
case("43-goal-count-negative.yaml", "negative goal count",
     VALID.replace("count: 3", "count: -3"), "count: -3")
case("44-points-overflow.yaml", "points beyond any integer type",
     VALID.replace("points: 4\n", "points: 99999999999999999999999\n"), "points: 9999")
case("45-points-sum-overflow.yaml", "each question fits in int, their sum does not",
     VALID.replace("points: 4\n", "points: 2147483647\n").replace("{id: gut, label: Gut, points: 2}",
                                                                 "{id: gut, label: Gut, points: 2147483647}"))
opts = "".join("          - {id: o%d, label: Option %d, points: 1}\n" % (i, i) for i in range(65))
case("46-multi-65-options.yaml", "multi question with 65 options (answers are a 64-bit mask)",
     VALID + "      - id: viele\n        type: multi\n        text: Welche?\n        options:\n" + opts)
case("47-id-with-dot.yaml", "question id with a dot (full ids would collide)",
     VALID.replace("- id: art\n", "- id: a.rt\n"), "a.rt")
case("49-duplicate-mapping-key.yaml", "the key text twice in one question",
     VALID.replace("        points: 4\n", "        points: 4\n        text: Nochmal?\n"))
case("50-sections-mapping.yaml", "sections is a mapping, not a list",
     HEAD + "  strategie: {title: x}\n")
case("51-question-scalar.yaml", "a question that is a plain string",
     HEAD + SEC + "      - nur Text\n", "nur Text")
case("52-band-min-string.yaml", "band min is not an integer",
     VALID + """      - id: anzahl
        type: number
        text: Wie viele?
        bands: [{min: null, points: 0}, {min: viele, points: 2}]
""", "bands:")
case("53-show-if-other-section-later.yaml", "show_if to a question of a later section",
     HEAD + SEC + Q1 + "        show_if: zuzug.paket\n" + SEC.replace("strategie", "zuzug").replace("Strategische Zielsetzung", "Zuzug")
     + Q1.replace("ratsbeschluss", "paket"), "zuzug.paket")
case("55-text-null.yaml", "text is null", VALID.replace("text: Hat ein Gremium die Teilnahme beschlossen?", "text: ~"), "text: ~")
case("58-unterminated-string.yaml", "unterminated quoted string",
     VALID.replace("text: Hat ein Gremium", "text: \"Hat ein Gremium"))
