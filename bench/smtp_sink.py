#!/usr/bin/env python3
"""A counting SMTP sink for bench/live.sh (stdlib asyncio; Python 3.12 has no smtpd).

  smtp_sink.py serve PORT LOG
      Accepts every mail on 127.0.0.1:PORT and appends one JSON line per mail to LOG (recipients, Message-ID,
      Subject) before it answers 250, so a mail the sender saw accepted is always in LOG.
  smtp_sink.py check LOG < OUTBOX
      OUTBOX: lines "EMAIL<TAB>MAILS<TAB>NOTICES" from the outbox (the mails and notices it says it sent per
      recipient). Compares them with what LOG received for those recipients (mails; notices from each subject's
      "N new messages"; distinct Message-IDs), prints a table and PASS or FAIL (exit status 1).
"""
import asyncio
import email.header
import email.parser
import json
import re
import sys
from collections import defaultdict


async def session(reader, writer, log):
    writer.write(b"220 bench-sink ESMTP\r\n")
    recipients = []
    while line := await reader.readline():
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            writer.write(b"250-bench-sink\r\n250 8BITMIME\r\n" if verb == b"EHLO" else b"250 bench-sink\r\n")
        elif verb == b"MAIL":
            recipients = []
            writer.write(b"250 OK\r\n")
        elif verb == b"RCPT":
            recipients.append(re.search(rb"<([^>]*)>", line).group(1).decode().lower())
            writer.write(b"250 OK\r\n")
        elif verb == b"DATA":
            writer.write(b"354 end with <CRLF>.<CRLF>\r\n")
            await writer.drain()
            data = []
            while (part := await reader.readline()) not in (b".\r\n", b".\n", b""):
                data.append(part[1:] if part.startswith(b"..") else part)
            headers = email.parser.BytesHeaderParser().parsebytes(b"".join(data))
            subject = str(email.header.make_header(email.header.decode_header(headers.get("Subject", ""))))
            log.write(json.dumps({"to": recipients, "message_id": headers.get("Message-ID"), "subject": subject})
                      + "\n")
            log.flush()
            writer.write(b"250 OK queued\r\n")
        elif verb == b"QUIT":
            writer.write(b"221 bye\r\n")
            break
        else:  # RSET, NOOP
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


async def serve(port, path):
    with open(path, "a") as log:
        server = await asyncio.start_server(lambda r, w: session(r, w, log), "127.0.0.1", port)
        async with server:
            await server.serve_forever()


def notices(subject):
    """How many messages a notification mail is about, from its subject (notifications/NoticeMail.subject)."""
    m = re.search(r"(\d+) new messages", subject)
    return int(m.group(1)) if m else 1 if "New message" in subject else 0


def check(path):
    expected = {}
    for line in sys.stdin:
        if line.strip():
            address, mails, count = line.split("\t")
            expected[address.lower()] = (int(mails), int(count))
    got = defaultdict(lambda: [0, 0, set()])
    for line in open(path):
        mail = json.loads(line)
        for address in mail["to"]:
            if address in expected:
                got[address][0] += 1
                got[address][1] += notices(mail["subject"])
                got[address][2].add(mail["message_id"])
    ok = bool(expected)
    print("recipient                     outbox mails/notices   received mails/notices/distinct Message-IDs")
    for address, (mails, count) in sorted(expected.items()):
        r_mails, r_count, ids = got[address]
        same = (mails, count) == (r_mails, r_count) and len(ids) == r_mails
        ok &= same
        print(f"{address:30}{mails:>6} / {count:<15}{r_mails:>6} / {r_count} / {len(ids)}{'' if same else '  <-'}")
    totals = [sum(v[i] for v in expected.values()) for i in (0, 1)] + [sum(got[a][i] for a in expected) for i in (0, 1)]
    print(f"total: outbox {totals[0]} mails, {totals[1]} notices; received {totals[2]} mails, {totals[3]} notices")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        asyncio.run(serve(int(sys.argv[2]), sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
