#!/usr/bin/env bash
# scripts/scan-secrets.sh [--pin PIN]... PATH...
# Searches every file under the given directories (or the given files) for a
# clear PIN or an unmasked PAN and prints each hit as FILE[!MEMBER]:OFFSET (the
# byte offset in that file or member) with the rule that found it. The secret
# itself is never printed: a PAN is shown masked (first 6, last 4), a PIN only
# by its length. Exit status: 0 clean, 1 hits, 2 usage error.
#
# What is read: every regular file, as bytes. Inside it, recursively (depth 4):
# gzip/bzip2/xz streams, tar and zip archives (each member), SQLite databases
# (a copy with its -wal, dumped as SQL text: INTEGER columns are otherwise not
# digits on disk), PDFs (pdftotext text; the Flate streams as well).
#
# PAN rules (ISO/IEC 7812: 13-19 digits, Luhn check digit, first digit not 0):
#   decimal  a digit run of 13-19 digits bounded by characters that are not
#            letters or digits (so not inside a hex string), optionally F
#            padded; or a whole token of 3+ groups of 3-6 digits joined by
#            single spaces or hyphens, 13-19 digits in all ("9999 9901 2345
#            6788"), that is not one group of a longer hex dump (xxd). Skipped:
#            runs shaped like Unix timestamps of 2020-2040 in ms/us/ns
#            (13/16/19 digits, 1577... to 2209...), runs after "0x", and runs
#            right after a label of a hex value (block, mac, arqc, key, ksn,
#            data, enc..., within 24 characters): an 8-byte random block
#            printed as hex has no letter 1 time in 1,850. Masked forms
#            (999999******1234) never form such a run.
#   BCD      in hex text (runs of 16+ hex digits, and dumps of 2- or 4-digit
#            hex groups split by single spaces or colons, joined) and in the
#            raw bytes of every file, only where the BCD is anchored as a PAN:
#            EMV tag 5A with its length (F padding allowed), tags 57 / 9F6B
#            (track 2 equivalent: PAN, separator D, ...), a whole hex token of
#            track 2 equivalent data (PAN D YYMM digits), or a spaced dump that
#            is nothing but the number right after the word "PAN". An
#            unanchored digit run inside hex is not a hit: in random bytes
#            (enciphered PIN blocks, cryptograms, MACs) a 16-nibble all-digit
#            run starts at about 1 in 2,000 positions, every tenth passes Luhn.
# PIN rules (each PIN given with --pin, 4-12 digits):
#   block    ISO 9564-1 clear PIN field in hex text or raw bytes, at a byte
#            boundary: control nibble C, length nibble N = number of PIN digits,
#            the PIN, then the fill to 16 nibbles: C=0 or 2 (ICC VERIFY
#            plaintext) all F, C=3 A-F, C=4 (AES format 4 first half) all A.
#            "041234FFFFFFFFFF", "24 12 34 FF FF FF FF FF". An enciphered block
#            is random and does not have this shape. Format 1 (random fill) is
#            not looked for: "141234" is in 5 MB of random bytes about once.
#   context  the PIN as a whole decimal word within 24 characters after the
#            word "pin" (any case, also as a word part: pinBlock, newPin, PIN:)
#            on the same line. The bare digits elsewhere are not a hit: "1234"
#            is also the end of every masked test PAN.
# Measured: no hit in 200,000 random 8-byte blocks each as a spaced dump and as
# a labelled hex token, 1.6 MB as an xxd dump and 5 MB of raw random bytes.
# Not covered: a PAN split across lines of a dump, a PAN inside a longer digit
# run (concatenated ISO 8583 numeric fields), text in other encodings (UTF-16).
set -euo pipefail
command -v python3 >/dev/null || {
    echo "scan-secrets: python3 is required" >&2
    exit 2
}
exec python3 - "$@" <<'PYTHON'
import bz2, gzip, io, lzma, os, re, shutil, sqlite3, subprocess, sys, tarfile, tempfile, zipfile, zlib

MAX_DEPTH = 4
MAX_MEMBER = 256 * 1024 * 1024


def usage(message):
    sys.stderr.write("scan-secrets: %s\nusage: scan-secrets.sh [--pin PIN]... PATH...\n" % message)
    sys.exit(2)


pins, paths = [], []
args = sys.argv[1:]
i = 0
while i < len(args):
    a = args[i]
    if a in ("-h", "--help"):
        print("usage: scan-secrets.sh [--pin PIN]... PATH...  (rules: see the script's header)")
        sys.exit(0)
    if a == "--pin" or a.startswith("--pin="):
        if a == "--pin":
            i += 1
            if i >= len(args):
                usage("--pin needs a value")
            value = args[i]
        else:
            value = a[len("--pin="):]
        for p in value.split(","):
            if not re.fullmatch(r"[0-9]{4,12}", p):
                usage("a PIN is 4 to 12 digits: %r" % p)
            pins.append(p)
    elif a.startswith("-"):
        usage("unknown option " + a)
    else:
        paths.append(a)
    i += 1
if not paths:
    usage("no PATH given")

hits = {}
stats = {"files": 0, "members": 0}


def mask(pan):
    return pan[:6] + "*" * (len(pan) - 10) + pan[-4:]


def luhn(digits):
    total = 0
    for n, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if n % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def timestamp_like(digits):
    n = len(digits)
    if n not in (13, 16, 19):
        return False
    value = int(digits[:4])
    return 1577 <= value <= 2209


def report(where, offset, what):
    hits.setdefault((where, offset), what)  # one line per place, the first rule


def pan_hit(where, offset, digits, rule):
    # No issuer number starts with 0 (ISO/IEC 7812 MII 0); runs of zeros pass Luhn.
    if 13 <= len(digits) <= 19 and digits[0] != "0" and luhn(digits):
        report(where, offset, "PAN %s (%s)" % (mask(digits), rule))
        return True
    return False


# ---- decimal text
GROUPS = re.compile(r"(?<![0-9A-Za-z])[0-9]+(?:[ -][0-9]+)*F*(?![0-9A-Za-z])")
SPLIT = re.compile(r"[0-9]+")


def continues_dump(text, start, end):
    """True when the token is one group of a longer run of hex groups
    ("3f2a 9999 ..."), as in xxd output."""
    before = text[max(0, start - 10):start]
    after = text[end:end + 10]
    return bool(re.search(r"(?:^|[^0-9A-Za-z])[0-9A-Fa-f]{2,8}[ -]$", before) or
                re.match(r"[ -][0-9A-Fa-f]{2,8}(?:[^0-9A-Za-z]|$)", after))


# Labels of values that are hex by nature; an all-digit token after one is hex
# that happens to have no letter (an 8-byte random block: 1 time in 1,850).
HEX_LABEL = re.compile(r"(?i)(block|mac|arqc|arpc|cryptogram|tc|aac|ac|key|kcv|ksn|iv|nonce|"
                       r"challenge|cipher\w*|enc\w*|hash|digest|hex|data|signature|sig)"
                       r"[^A-Za-z0-9\n]{0,4}$")


def scan_decimal(where, text):
    for m in GROUPS.finditer(text):
        if text[max(0, m.start() - 2):m.start()] in ("0x", "0X"):
            continue
        if HEX_LABEL.search(text, max(0, m.start() - 24), m.start()):
            continue
        token = m.group(0).rstrip("F")
        groups = [(g.start(), g.group(0)) for g in SPLIT.finditer(token)]
        for start, g in groups:
            if 13 <= len(g) <= 19 and not timestamp_like(g):
                pan_hit(where, m.start() + start, g, "decimal")
        # the whole token as 3+ groups of 3-6 digits ("9999 9901 2345 6788")
        if len(groups) >= 3 and all(3 <= len(g) <= 6 for _, g in groups) \
                and not continues_dump(text, m.start(), m.end()):
            pan_hit(where, m.start(), "".join(g for _, g in groups), "grouped decimal")


# ---- hex: PIN blocks and anchored BCD PANs
def pin_block_patterns():
    out = []
    for pin in pins:
        fill = 14 - len(pin)
        n = "%X" % len(pin)
        out.append((re.compile("[02]%s%sF{%d}" % (n, pin, fill), re.I), pin, "format 0/2 PIN block"))
        out.append((re.compile("3%s%s[A-F]{%d}" % (n, pin, fill), re.I), pin, "format 3 PIN block"))
        out.append((re.compile("4%s%sA{%d}" % (n, pin, fill), re.I), pin, "format 4 PIN field"))
    return out


TAG_PAN = re.compile(r"5A(0[7-9A]|10)", re.I)
TAG_TRACK2 = re.compile(r"(57|9F6B)([0-9A-F]{2})", re.I)
# A whole hex token that is track 2 equivalent data: PAN, D, YYMM, digits, F pad.
TRACK2 = re.compile(r"([0-9]{13,19})D[0-9]{2}(?:0[1-9]|1[0-2])[0-9]*F?", re.I)


def scan_hex(where, hexstr, offset_of, blocks, text=True):
    """hexstr: hex digits; offset_of(i): the file offset of nibble i. Byte
    boundaries are the even nibble indexes. text=False for raw bytes, where
    only the tag-anchored PAN forms count."""
    upper = hexstr.upper()
    for rx, pin, rule in blocks:
        for m in rx.finditer(upper):
            if m.start() % 2 == 0:
                report(where, offset_of(m.start()), "PIN (%d digits) as a clear %s" % (len(pin), rule))
    for m in TAG_PAN.finditer(upper):
        if m.start() % 2:
            continue
        length = int(m.group(1), 16)
        value = upper[m.end():m.end() + 2 * length]
        digits = value.rstrip("F") if value.endswith("F") else value
        if len(value) == 2 * length and digits.isdigit():
            pan_hit(where, offset_of(m.start()), digits, "BCD after tag 5A")
    for m in TAG_TRACK2.finditer(upper):
        if m.start() % 2:
            continue
        value = upper[m.end():m.end() + 2 * int(m.group(2), 16)]
        sep = value.find("D")
        if 13 <= sep <= 19 and value[:sep].isdigit():
            pan_hit(where, offset_of(m.start()), value[:sep], "track 2 after tag " + m.group(1))
    if not text:
        return
    m = TRACK2.fullmatch(upper) if len(upper) <= 40 else None
    if m:
        pan_hit(where, offset_of(0), m.group(1), "track 2 (PAN D YYMM)")


HEX_RUN = re.compile(r"(?:(?<=0[xX])|(?<![0-9A-Za-z]))[0-9A-Fa-f]{16,}(?![0-9A-Za-z])")
HEX_DUMP = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}){1,2}(?:[ :](?:[0-9A-Fa-f]{2}){1,2}){3,}(?![0-9A-Za-z])")
PIN_WORD = re.compile(r"(?:(?<![A-Za-z])[Pp][Ii][Nn]|(?<=[a-z])PIN|(?<=[a-z])Pin)")


def scan_pin_context(where, text):
    if not pins:
        return
    for m in PIN_WORD.finditer(text):
        end = text.find("\n", m.end())
        window = text[m.end():min(m.end() + 24, end if end >= 0 else len(text))]
        for d in re.finditer(r"(?<![0-9A-Za-z])[0-9]+(?![0-9A-Za-z])", window):
            if d.group(0) in pins:
                report(where, m.end() + d.start(), "PIN (%d digits) after the word %r" % (len(d.group(0)), m.group(0)))


def scan_bytes(where, data, blocks):
    text = data.decode("latin-1")
    scan_decimal(where, text)
    scan_pin_context(where, text)
    for m in HEX_RUN.finditer(text):
        base = m.start()
        scan_hex(where, m.group(0), lambda i, base=base: base + i, blocks)
    for m in HEX_DUMP.finditer(text):
        token = m.group(0)
        joined, where_of = [], []
        for k, ch in enumerate(token):
            if ch not in " :":
                joined.append(ch)
                where_of.append(m.start() + k)
        joined = "".join(joined)
        scan_hex(where, joined, lambda i, w=where_of: w[i], blocks)
        # a dump that is nothing but a BCD number, named as a PAN just before
        # it ("PAN: 99 99 99 01 23 45 67 88"); without the name an 8-byte
        # enciphered block is all digits 1 time in 1,850
        whole = joined.upper().rstrip("F")
        line_start = text.rfind("\n", 0, m.start()) + 1
        named = re.search(r"(?i)(?<![a-z])pan\W{0,20}$|(?<=[a-z])Pan\W{0,20}$",
                          text[max(line_start, m.start() - 24):m.start()])
        if named and whole.isdigit() and len(joined) - len(whole) <= 1:
            pan_hit(where, m.start(), whole, "BCD dump named PAN")
    # raw bytes as BCD (binary journals, BLOBs, APDU captures)
    scan_hex(where, data.hex(), lambda i: i // 2, blocks, text=False)


# ---- containers
def scan_sqlite(where, data, wal, blocks):
    tmp = tempfile.mkdtemp(prefix="scan-secrets-")
    try:
        db = os.path.join(tmp, "db")
        with open(db, "wb") as f:
            f.write(data)
        if wal is not None:
            with open(db + "-wal", "wb") as f:
                f.write(wal)
        try:
            con = sqlite3.connect(db)
            lines = list(con.iterdump())
            con.close()
        except sqlite3.Error as e:
            sys.stderr.write("scan-secrets: %s: not dumped as SQLite (%s); raw bytes only\n" % (where, e))
            return
        stats["members"] += 1
        for n, line in enumerate(lines, 1):
            scan_members(where + "!sql-dump-line-%d" % n, (line + "\n").encode("utf-8", "replace"), blocks, 99)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def pdf_text(where, data):
    exe = shutil.which("pdftotext")
    if not exe:
        sys.stderr.write("scan-secrets: %s: pdftotext missing (poppler-utils); PDF streams only\n" % where)
        return None
    p = subprocess.run([exe, "-q", "-layout", "-", "-"], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, check=False)
    return p.stdout


def scan_members(where, data, blocks, depth, wal=None):
    """Scan data as bytes and, when it is a container, its contents."""
    scan_bytes(where, data, blocks)
    if depth >= MAX_DEPTH:
        return
    inner = []
    try:
        if data[:2] == b"\x1f\x8b":
            inner.append(("gunzip", gzip.decompress(data)[:MAX_MEMBER]))
        elif data[:3] == b"BZh":
            inner.append(("bunzip2", bz2.decompress(data)[:MAX_MEMBER]))
        elif data[:6] == b"\xfd7zXZ\x00":
            inner.append(("unxz", lzma.decompress(data)[:MAX_MEMBER]))
        elif data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    if not info.is_dir():
                        inner.append((info.filename, z.read(info)[:MAX_MEMBER]))
        elif data[:16] == b"SQLite format 3\x00":
            scan_sqlite(where, data, wal, blocks)
        elif data[:5] == b"%PDF-":
            text = pdf_text(where, data)
            if text is not None:
                inner.append(("pdftotext", text))
            for k, m in enumerate(re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)):
                try:
                    inner.append(("stream-%d" % k, zlib.decompress(m.group(1))))
                except zlib.error:
                    pass
        elif len(data) > 262 and data[257:262] == b"ustar":
            with tarfile.open(fileobj=io.BytesIO(data)) as t:
                for member in t.getmembers():
                    if member.isfile():
                        inner.append((member.name, t.extractfile(member).read()[:MAX_MEMBER]))
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError, zlib.error, ValueError) as e:
        sys.stderr.write("scan-secrets: %s: cannot unpack (%s); raw bytes only\n" % (where, e))
    for name, content in inner:
        stats["members"] += 1
        scan_members(where + "!" + name, content, blocks, depth + 1)


def scan_file(path, blocks):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write("scan-secrets: %s: %s\n" % (path, e))
        return
    stats["files"] += 1
    wal = None
    if data[:16] == b"SQLite format 3\x00" and os.path.isfile(path + "-wal"):
        with open(path + "-wal", "rb") as f:
            wal = f.read()
    scan_members(path, data, blocks, 0, wal)


blocks = pin_block_patterns()
for root in paths:
    if os.path.isfile(root):
        scan_file(root, blocks)
    elif os.path.isdir(root):
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                if os.path.isfile(full) and not os.path.islink(full):
                    scan_file(full, blocks)
    else:
        usage("no such file or directory: " + root)

for (where, offset), what in sorted(hits.items()):
    print("%s:%d: %s" % (where, offset, what))
print("scan-secrets: %d files (%d unpacked members) scanned, %d PIN(s) looked for, %d hit(s)"
      % (stats["files"], stats["members"], len(pins), len(set(hits))), file=sys.stderr)
sys.exit(1 if hits else 0)
PYTHON
