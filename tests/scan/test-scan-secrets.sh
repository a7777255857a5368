#!/usr/bin/env bash
# tests/scan/test-scan-secrets.sh SCANNER
# scripts/scan-secrets.sh against planted secrets and look-alikes:
#   positives  each planted PIN or PAN (logs, traces, SQLite TEXT/INTEGER/BLOB
#              and a row only in the -wal, tar.gz/gz/zip bundles, a PDF) is
#              reported with its file (and rule),
#              the scanner exits 1 and never prints the secret in clear;
#   negatives  masked PANs, non-Luhn numbers, timestamps, PIN digits without
#              a PIN context, and dumps of 2,000 enciphered (random, fixed
#              seed) 8-byte blocks in the forms our logs use: no hit, exit 0;
#   usage      bad PIN, missing path: exit 2.
set -euo pipefail
scanner=${1:?usage: $0 path/to/scan-secrets.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pan=9999990123456788     # Luhn-valid, the test cards' IIN 999999
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# ------------------------------------------------------------- positives
pos=$work/positives
mkdir -p "$pos/bundle"
printf '2026-12-02 10:00:01 checkout: pin=1234 entered\n' >"$pos/pin-context.log"
printf 'C-APDU 00 20 00 80 08 24 12 34 FF FF FF FF FF\n' >"$pos/pin-verify-format2.trace"
printf '{"pinBlockClear": "041234FFFFFFFFFF"}\n' >"$pos/pin-format0.json"
printf 'field 441234AAAAAAAAAA8F3E2D1C0B0A0908\n' >"$pos/pin-format4.log"
printf 'card %s read\n' "$pan" >"$pos/pan-decimal.log"
printf 'R-APDU 70 0A 5A 08 %s 90 00\n' "$(sed 's/../& /g; s/ $//' <<<"$pan")" >"$pos/pan-tag5a.trace"
printf 'PAN %s\n' "$(sed 's/..../& /g; s/ $//' <<<"$pan")" >"$pos/pan-grouped.txt"
printf 'track2 %sD28122010000000000F\n' "$pan" >"$pos/pan-track2.log"
python3 - "$pos" "$pan" <<'PYTHON'
import gzip, io, os, shutil, sqlite3, sys, tarfile, zipfile, zlib
pos, pan = sys.argv[1], sys.argv[2]
# SQLite: the PAN as TEXT, as INTEGER (not digits on disk), as a BCD BLOB in tag 5A
for name, ddl, value in (("journal-text.db", "pan TEXT", pan),
                         ("journal-integer.db", "pan INTEGER", int(pan)),
                         ("journal-blob.db", "data BLOB", bytes.fromhex("5A08" + pan))):
    con = sqlite3.connect(f"{pos}/{name}")
    con.execute(f"CREATE TABLE sale (id INTEGER PRIMARY KEY, {ddl}, amount INTEGER)")
    con.execute("INSERT INTO sale (id, amount) VALUES (1, 1234)")
    con.execute("INSERT INTO sale VALUES (2, ?, 500)", (value,))
    con.commit()
    con.close()
# A journal left by a killed process: the row only in the -wal file, as INTEGER
con = sqlite3.connect(f"{pos}/live.db")
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("CREATE TABLE sale (id INTEGER PRIMARY KEY, pan INTEGER)")
con.commit()
shutil.copy(f"{pos}/live.db", f"{pos}/crashed.db")
con.execute("INSERT INTO sale VALUES (1, ?)", (int(pan),))
con.commit()
shutil.copy(f"{pos}/live.db-wal", f"{pos}/crashed.db-wal")
con.close()
os.remove(f"{pos}/live.db")
# A diagnostics bundle: tar.gz with the PAN in a member log
log = f"reader ok\ncard {pan} approved\n".encode()
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    info = tarfile.TarInfo("bundle/link.log")
    info.size = len(log)
    t.addfile(info, io.BytesIO(log))
open(f"{pos}/bundle/diagnostics.tar.gz", "wb").write(buf.getvalue())
# The same log gzip'ed alone, and in a zip
open(f"{pos}/bundle/link.log.gz", "wb").write(gzip.compress(log))
with zipfile.ZipFile(f"{pos}/bundle/export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("trace/apdu.txt", log)
# A receipt PDF whose page text (a Flate stream) holds the PAN
content = zlib.compress(f"BT /F1 12 Tf 72 720 Td (Card {pan}) Tj ET".encode())
objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
           b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
           b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
           b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(f"{pos}/receipt.pdf", "wb").write(out)
PYTHON

# file  rule (a part of the reported line)
expected=(
    "pin-context.log|PIN (4 digits) after the word 'pin'"
    "pin-verify-format2.trace|format 0/2 PIN block"
    "pin-format0.json|format 0/2 PIN block"
    "pin-format4.log|format 4 PIN field"
    "pan-decimal.log|PAN 999999******6788 (decimal)"
    "pan-tag5a.trace|(BCD after tag 5A)"
    "pan-grouped.txt|(grouped decimal)"
    "pan-track2.log|(track 2"
    "journal-text.db|PAN 999999******6788"
    "journal-integer.db!sql-dump-line-|PAN 999999******6788 (decimal)"
    "journal-blob.db|(BCD after tag 5A)"
    "crashed.db!sql-dump-line-|PAN 999999******6788 (decimal)"
    "bundle/diagnostics.tar.gz!gunzip!bundle/link.log|PAN 999999******6788"
    "bundle/link.log.gz!gunzip|PAN 999999******6788"
    "bundle/export.zip!trace/apdu.txt|PAN 999999******6788"
    "receipt.pdf!|PAN 999999******6788"
)
set +e
"$scanner" --pin 1234 "$pos" >"$work/pos.out" 2>"$work/pos.err"
status=$?
set -e
cat "$work/pos.out"
[ "$status" -eq 1 ] || fail "positives: exit status $status, want 1"
for entry in "${expected[@]}"; do
    file=${entry%%|*}
    rule=${entry#*|}
    if grep -F "$pos/$file" "$work/pos.out" | grep -qF "$rule"; then
        echo "ok: $file: $rule"
    else
        fail "not found: $file with '$rule'"
    fi
done
if grep -qF "$pan" "$work/pos.out" "$work/pos.err"; then
    fail "the scanner printed the PAN in clear"
fi
if grep -q '1234' <(sed "s|$pos||" "$work/pos.out"); then
    fail "the scanner printed the PIN"
fi
if command -v pdftotext >/dev/null; then
    grep -qF "receipt.pdf!pdftotext" "$work/pos.out" || fail "PDF text (pdftotext) not scanned"
fi

# ------------------------------------------------------------- negatives
neg=$work/negatives
mkdir -p "$neg"
cat >"$neg/masked.log" <<'EOF'
receipt: PAN 999999******6788 AID A0000009991010 CARDLINK TEST
masked 9999 99** **** 6788 and 999999XXXXXX6788
VERIFY 00 20 00 80 08 ** (masked)
PIN entered (4 digits), PIN tries left: 3, amount 12.34, total 1234
not Luhn: 9999990123456789, STAN 000123, RRN 633612000123
2026-12-02T10:00:01.123Z epoch_ms=1764669601123 epoch_us=1764669601123456 epoch_ns=1764669601123456789
EOF
python3 - "$neg" <<'PYTHON'
import gzip, random, sqlite3, sys
neg = sys.argv[1]
r = random.Random(20261202)
blocks = [r.randbytes(8) for _ in range(2000)]
with open(f"{neg}/enciphered.trace", "w") as f:
    for b in blocks:
        f.write("C-APDU 00 82 00 00 08 " + " ".join("%02X" % x for x in b) + "\n")
        f.write("enc pin block " + " ".join("%02X" % x for x in b) + "\n")
        f.write("online PIN block %s ksn FFFF9876543210E00001\n" % b.hex().upper())
with open(f"{neg}/enciphered.xxd", "w") as f:
    data = b"".join(blocks)
    for i in range(0, len(data), 16):
        h = data[i:i + 16].hex()
        f.write("%08x: %s\n" % (i, " ".join(h[k:k + 4] for k in range(0, 32, 4))))
open(f"{neg}/enciphered.bin", "wb").write(b"".join(blocks))
con = sqlite3.connect(f"{neg}/journal.db")
con.execute("CREATE TABLE sale (id INTEGER PRIMARY KEY, pan_masked TEXT, pin_block BLOB, ts INTEGER)")
for n, b in enumerate(blocks[:500]):
    con.execute("INSERT INTO sale VALUES (?, '999999******6788', ?, 1764669601123)", (n, b))
con.commit()
con.close()
open(f"{neg}/bundle.log.gz", "wb").write(gzip.compress(open(f"{neg}/enciphered.trace", "rb").read()))
PYTHON
set +e
"$scanner" --pin 1234 "$neg" >"$work/neg.out" 2>"$work/neg.err"
status=$?
set -e
cat "$work/neg.err"
if [ "$status" -ne 0 ] || [ -s "$work/neg.out" ]; then
    cat "$work/neg.out"
    fail "negatives: exit status $status and $(wc -l <"$work/neg.out") hit(s), want 0 and none"
else
    echo "ok: negatives clean"
fi

# ----------------------------------------------------------------- usage
set +e
"$scanner" --pin 12 "$neg" >/dev/null 2>&1
[ $? -eq 2 ] || fail "a 2-digit PIN is not refused with 2"
"$scanner" --pin 1234 "$work/no-such-dir" >/dev/null 2>&1
[ $? -eq 2 ] || fail "a missing path is not refused with 2"
set -e

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all scan-secrets checks passed"
