#!/usr/bin/python3
"""make_xlsx.py: writes the XLSX corpus of the spreadsheet reader into
tests/corpus/xlsx/ (next to this script): small workbooks as Excel, LibreOffice
and other writers save them (shared and inline strings, rich text, formulas with
cached values, dates as serial numbers, booleans, errors, the 1904 date system,
Strict OOXML, prefixed namespaces, custom properties, defined names), and broken
or hostile ones (not a ZIP, OLE2, macros, a DOCTYPE with entities, a part that
is not XML, invalid UTF-8, missing parts, cells and rows twice ...).

The output is reproducible: fixed timestamps, fixed order. tests/test_xlsxread.c
says what each file must give. Run it again after changing it:
    /usr/bin/python3 tests/corpus/make_xlsx.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "xlsx")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
T_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
T_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
T_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
T_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
T_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
T_CHART = "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def write(name, parts):
    """Write the parts (list of (name, bytes or str)) as a ZIP, deflated."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def content_types(overrides, main=T_WORKBOOK):
    s = XML + '<Types xmlns="%s">' % CT
    s += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    s += '<Default Extension="xml" ContentType="application/xml"/>'
    s += '<Override PartName="/xl/workbook.xml" ContentType="%s"/>' % main
    for part, t in overrides:
        s += '<Override PartName="%s" ContentType="%s"/>' % (part, t)
    return s + "</Types>"


def root_rels(custom=False):
    s = XML + '<Relationships xmlns="%s">' % PKG_REL
    s += ('<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>' % REL)
    if custom:
        s += ('<Relationship Id="rId3" Type="%s/custom-properties" '
              'Target="docProps/custom.xml"/>' % REL)
    return s + "</Relationships>"


def workbook(sheets, extra_pr="", names=""):
    """sheets: list of (name, state or None)."""
    s = XML + '<workbook xmlns="%s" xmlns:r="%s">' % (MAIN, REL)
    s += '<workbookPr%s/>' % extra_pr
    s += "<sheets>"
    for i, (name, state) in enumerate(sheets):
        st = ' state="%s"' % state if state else ""
        s += '<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (name, i + 1, st, i + 1)
    s += "</sheets>"
    if names:
        s += "<definedNames>%s</definedNames>" % names
    return s + "</workbook>"


def workbook_rels(nsheets, sst=True, styles=True, kinds=None):
    s = XML + '<Relationships xmlns="%s">' % PKG_REL
    for i in range(nsheets):
        kind = kinds[i] if kinds else "worksheet"
        folder = "worksheets" if kind == "worksheet" else "chartsheets"
        s += ('<Relationship Id="rId%d" Type="%s/%s" Target="%s/sheet%d.xml"/>'
              % (i + 1, REL, kind, folder, i + 1))
    if sst:
        s += ('<Relationship Id="rId100" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
              % REL)
    if styles:
        s += '<Relationship Id="rId101" Type="%s/styles" Target="styles.xml"/>' % REL
    return s + "</Relationships>"


def sheet(rows_xml, prefix=""):
    return (XML + '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1"/>'
            '<sheetData>%s</sheetData></worksheet>' % (MAIN, REL, rows_xml))


def sst(items):
    return (XML + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (MAIN, len(items), len(items), "".join(items)))


STYLES = (XML + '<styleSheet xmlns="%s">'
          '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
          '<numFmt numFmtId="165" formatCode="hh:mm"/>'
          '<numFmt numFmtId="166" formatCode="&quot;Tag &quot;0"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>'
          '<xf numFmtId="4"/></cellXfs>'
          '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs>'
          '</styleSheet>' % MAIN)

CUSTOM = (XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Formular">'
          '<vt:lpwstr>wohnort-muster</vt:lpwstr></property>'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Ausgabe">'
          '<vt:lpwstr>2023-05-11</vt:lpwstr></property>'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Fragen">'
          '<vt:i4>42</vt:i4></property>'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Geprüft">'
          '<vt:bool>true</vt:bool></property>'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="6" name="Stand">'
          '<vt:filetime>2026-03-14T09:30:00Z</vt:filetime></property>'
          '</Properties>')


def package(sheets_xml, sheet_names=None, sst_xml=None, styles=True, custom=False,
            names="", extra_pr="", main=T_WORKBOOK, states=None, kinds=None,
            extra_parts=(), extra_types=()):
    """A whole workbook: list of parts."""
    n = len(sheets_xml)
    sheet_names = sheet_names or ["Blatt%d" % (i + 1) for i in range(n)]
    states = states or [None] * n
    kinds = kinds or ["worksheet"] * n
    overrides = []
    parts = []
    for i in range(n):
        folder = "worksheets" if kinds[i] == "worksheet" else "chartsheets"
        overrides.append(("/xl/%s/sheet%d.xml" % (folder, i + 1),
                          T_SHEET if kinds[i] == "worksheet" else T_CHART))
    if sst_xml is not None:
        overrides.append(("/xl/sharedStrings.xml", T_SST))
    if styles:
        overrides.append(("/xl/styles.xml", T_STYLES))
    if custom:
        overrides.append(("/docProps/custom.xml", T_CUSTOM))
    overrides += list(extra_types)
    parts.append(("[Content_Types].xml", content_types(overrides, main)))
    parts.append(("_rels/.rels", root_rels(custom)))
    parts.append(("xl/workbook.xml", workbook(list(zip(sheet_names, states)), extra_pr,
                                              names)))
    parts.append(("xl/_rels/workbook.xml.rels",
                  workbook_rels(n, sst_xml is not None, styles, kinds)))
    for i, xml in enumerate(sheets_xml):
        folder = "worksheets" if kinds[i] == "worksheet" else "chartsheets"
        parts.append(("xl/%s/sheet%d.xml" % (folder, i + 1), xml))
    if sst_xml is not None:
        parts.append(("xl/sharedStrings.xml", sst_xml))
    if styles:
        parts.append(("xl/styles.xml", STYLES))
    if custom:
        parts.append(("docProps/custom.xml", CUSTOM))
    parts += list(extra_parts)
    return parts


def simple(rows_xml, **kw):
    return package([sheet(rows_xml)], **kw)


# --- valid workbooks --------------------------------------------------------

def excel_style():
    """As Excel saves: shared strings (rich text, phonetic runs, escapes,
    preserved blanks), numbers, dates through styles, formulas with cached
    values, booleans, errors, hidden sheets, properties, defined names."""
    strings = sst([
        "<si><t>Nr</t></si>",
        "<si><t>Angabe der Kommune</t></si>",
        '<si><r><t xml:space="preserve">Beschluss </t></r><r><rPr><b/></rPr>'
        "<t>vom Rat</t></r></si>",
        '<si><t>Ja</t><rPh sb="0" eb="1"><t>ヤ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t xml:space="preserve">  Leerzeichen  </t></si>',
        "<si><t>Zeile_x000D_\nzwei _x005F_x0041_ _x0041_</t></si>",
        "<si><t>äöüß € „Zitat“ 😀</t></si>",
        "<si><t/></si>",
    ])
    rows = (
        '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" s="1"/></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c>'
        '<c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>4</v></c></row>'
        '<row r="3" hidden="1"><c r="A3"><v>2.5</v></c><c r="B3"><v>1E-3</v></c>'
        '<c r="C3"><v>-0.5</v></c><c r="D3" s="5"><v>12500</v></c></row>'
        '<row r="4"><c r="A4" s="1"><v>46095</v></c><c r="B4" s="2"><v>46095.75</v></c>'
        '<c r="C4" s="3"><v>0.5</v></c><c r="D4" s="4"><v>7</v></c></row>'
        '<row r="5"><c r="A5"><f>SUM(A2:A3)</f><v>3.5</v></c>'
        '<c r="B5" t="str"><f>A1&amp;"x"</f><v>Nrx</v></c>'
        '<c r="C5" t="b"><v>1</v></c><c r="D5" t="b"><v>0</v></c></row>'
        '<row r="6"><c r="A6" t="e"><f>NA()</f><v>#N/A</v></c>'
        '<c r="B6" t="e"><v>#DIV/0!</v></c><c r="C6"><f>1+1</f></c>'
        '<c r="D6" t="str"><f>""</f><v></v></c></row>'
        '<row r="7"><c r="A7" t="s"><v>5</v></c><c r="B7" t="s"><v>6</v></c>'
        '<c r="C7" t="s"><v>7</v></c></row>'
        '<row r="9"><c r="XFD9" t="s"><v>0</v></c></row>'
    )
    hidden = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    very = sheet("")
    chart = (XML + '<chartsheet xmlns="%s" xmlns:r="%s"><sheetViews><sheetView '
             'workbookViewId="0"/></sheetViews></chartsheet>' % (MAIN, REL))
    names = ('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
             "Fragen!$A$1:$D$7</definedName>"
             '<definedName name="Formular_ID">Maschine!$A$1</definedName>'
             '<definedName name="Druckbereich" localSheetId="1">Maschine!$A:$A</definedName>')
    write("excel-shared.xlsx",
          package([sheet(rows), hidden, very, chart],
                  sheet_names=["Fragen", "Maschine", "Geheim", "Diagramm"],
                  states=[None, "hidden", "veryHidden", None],
                  kinds=["worksheet", "worksheet", "worksheet", "chartsheet"],
                  sst_xml=strings, custom=True, names=names))


def inline_prefixed():
    """Inline strings, an ISO date cell (t="d"), cells and rows without r,
    and the x: prefix the .NET Open XML SDK writes."""
    rows = (
        '<x:row><x:c t="inlineStr"><x:is><x:t>Nr</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Rich </x:t></x:r>'
        '<x:r><x:rPr><x:b/></x:rPr><x:t>Text</x:t></x:r></x:is></x:c></x:row>'
        '<x:row><x:c><x:v>42</x:v></x:c><x:c r="C2" t="d"><x:v>2026-03-14T00:00:00</x:v></x:c>'
        '<x:c t="inlineStr"><x:is><x:t>nach C</x:t></x:is></x:c></x:row>'
        '<x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>Zeile_x000A_Umbruch</x:t>'
        '</x:is></x:c></x:row>'
    )
    ws = (XML + '<x:worksheet xmlns:x="%s" xmlns:r="%s"><x:sheetData>%s</x:sheetData>'
          '</x:worksheet>' % (MAIN, REL, rows))
    write("inline-prefixed.xlsx", package([ws], sheet_names=["Fragen"], styles=False))


def date1904():
    rows = ('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44633</v></c>'
            '<c r="C1" s="1"><v>1</v></c></row>')
    write("date1904.xlsx", simple(rows, extra_pr=' date1904="1"'))


def strict():
    """Strict Open XML (Excel: "Strict Open XML-Arbeitsmappe")."""
    smain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    srel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    parts = [
        ("[Content_Types].xml", content_types([("/xl/worksheets/sheet1.xml", T_SHEET),
                                               ("/xl/sharedStrings.xml", T_SST)])),
        ("_rels/.rels", XML + '<Relationships xmlns="%s"><Relationship Id="rId1" '
         'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>'
         % (PKG_REL, srel)),
        ("xl/workbook.xml", XML + '<workbook xmlns="%s" xmlns:r="%s"><workbookPr '
         'dateCompatibility="1"/><sheets><sheet name="Strikt" sheetId="1" r:id="rId1"/>'
         '</sheets></workbook>' % (smain, srel)),
        ("xl/_rels/workbook.xml.rels", XML + '<Relationships xmlns="%s">'
         '<Relationship Id="rId1" Type="%s/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="%s/sharedStrings" Target="./sharedStrings.xml"/>'
         '</Relationships>' % (PKG_REL, srel, srel)),
        ("xl/worksheets/sheet1.xml", XML + '<worksheet xmlns="%s"><sheetData><row r="1">'
         '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row></sheetData>'
         '</worksheet>' % smain),
        ("xl/sharedStrings.xml", XML + '<sst xmlns="%s"><si><t>strikt</t></si></sst>'
         % smain),
    ]
    write("strict.xlsx", parts)


# --- broken and hostile files ----------------------------------------------

def hostile():
    with open(os.path.join(OUT, "not-zip.xlsx"), "wb") as f:
        f.write("Nr;Frage;Angabe\n1.1;Ratsbeschluss?;Ja\n".encode("utf-8"))
    with open(os.path.join(OUT, "empty.xlsx"), "wb") as f:
        pass
    # an OLE2 compound file: what Excel writes for a password-protected
    # workbook (EncryptionInfo + EncryptedPackage) and for the old .xls
    with open(os.path.join(OUT, "encrypted.xlsx"), "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    with open(os.path.join(OUT, "truncated.xlsx"), "wb") as f:
        data = open(os.path.join(OUT, "excel-shared.xlsx"), "rb").read()
        f.write(data[: len(data) // 2])

    ok_row = '<row r="1"><c r="A1"><v>1</v></c></row>'
    write("macro-vba.xlsx", simple(ok_row, extra_parts=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0")]))
    write("macro-xlsm.xlsx",
          simple(ok_row, main="application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
    write("xlsb.xlsx", simple(ok_row, main="application/vnd.ms-excel.sheet.binary.macroEnabled.main"))
    write("ods.xlsx", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                       ("content.xml", XML + "<office:document-content/>")])
    write("no-content-types.xlsx", [("hello.txt", "hallo")])

    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
              + "".join('<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10)
                        for i in range(9))
              + ']>\n<sst xmlns="%s"><si><t>&j;</t></si></sst>' % MAIN)
    write("doctype-entities.xlsx", simple('<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                                          sst_xml=laughs))
    external = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM '
                '"file:///etc/passwd">]>\n<worksheet xmlns="%s"><sheetData><row r="1">'
                '<c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>'
                '</worksheet>' % MAIN)
    write("doctype-external.xlsx", package([external]))
    write("not-xml.xlsx", package([b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR binary"]))
    bad = (XML + '<worksheet xmlns="%s"><sheetData>\n<row r="1"><c r="A1" t="inlineStr">'
           '<is><t>ok</t></is></c></row>\n<row r="2"><c r="A2" t="inlineStr"><is><t>caf'
           % MAIN).encode() + b"\xe9" + b"</t></is></c></row>\n</sheetData></worksheet>"
    write("invalid-utf8.xlsx", package([bad]))
    write("missing-sheet-part.xlsx",
          [p for p in simple(ok_row) if p[0] != "xl/worksheets/sheet1.xml"])
    write("duplicate-cell.xlsx", simple('<row r="1"><c r="A1"><v>1</v></c>'
                                        '<c r="B1"><v>2</v></c><c r="A1"><v>3</v></c></row>'))
    write("duplicate-row.xlsx", simple('<row r="2"><c r="A2"><v>1</v></c></row>'
                                       '<row r="2"><c r="B2"><v>2</v></c></row>'))
    write("cell-wrong-row.xlsx", simple('<row r="2"><c r="A3"><v>1</v></c></row>'))
    write("bad-sst-index.xlsx", simple('<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
                                       sst_xml=sst(["<si><t>eins</t></si>"])))
    write("bad-number.xlsx", simple('<row r="1"><c r="A1"><v>1,5</v></c></row>'))
    write("bad-bool.xlsx", simple('<row r="1"><c r="A1" t="b"><v>vielleicht</v></c></row>'))
    write("bad-ref.xlsx", simple('<row r="1"><c r="AAAA1"><v>1</v></c></row>'))
    write("duplicate-sheet-name.xlsx",
          package([sheet(ok_row), sheet(ok_row)], sheet_names=["Fragen", "Fragen"]))
    write("duplicate-entry-case.xlsx",
          simple(ok_row) + [("XL/Worksheets/Sheet1.xml", sheet(ok_row))])
    write("escape-target.xlsx",
          [(n, d.replace("worksheets/sheet1.xml", "../../../etc/passwd")
            if n == "xl/_rels/workbook.xml.rels" else d) for n, d in simple(ok_row)])
    # the root of a sheet must be <worksheet>
    write("wrong-root.xlsx", package([XML + '<worksheep xmlns="%s"><sheetData><row r="1">'
                                      '<c r="A1"><v>1</v></c></row></sheetData></worksheep>'
                                      % MAIN]))
    # rows and cells count only where they belong: a row nested in a row (a
    # fuzzing find that once mixed two rows) and cells in an extension are
    # not cells of the sheet
    write("nested-rows.xlsx", simple(
        '<row r="1"><c r="A1"><v>1</v></c><sheetData><row r="2"><c r="A2"><v>2</v></c>'
        '</row></sheetData><c r="B1"><v>3</v><c r="C1"><v>4</v></c></c></row>'
        '<row r="3"><c r="A3"><extLst><row r="4"/><c r="B3"><v>5</v></c></extLst><v>6</v>'
        '</c></row>'))
    deep = sheet("<a>" * 300 + "</a>" * 300)
    write("deep-nesting.xlsx", package([deep]))


def main():
    os.makedirs(OUT, exist_ok=True)
    excel_style()
    inline_prefixed()
    date1904()
    strict()
    hostile()


if __name__ == "__main__":
    main()
