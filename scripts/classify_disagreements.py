#!/usr/bin/python3
"""Sorts every disagreement between tributary and the Universal Feed Parser into the classes
docs/parser.md lists (where tributary differs on purpose), and prints the ones no class explains.

`npm run compare -- DIR --classes` runs it. It measures exactly as the shared agreement tool does
(it imports tools/parse_agreement.py and calls its reference_contract/compare), then looks at each
disagreement with the reference's own parse of the document (feedparser's raw entry: its content
list, its guid, its raw date string, the feed's author) to decide whether it is one of the
documented classes. Every rule is narrow: it checks the shape that makes the difference (e.g. "the
reference's link is the entry's guid and is not a URL"), not merely that the two sides differ, so a
parser regression lands among the unexplained, which this script lists whole.

Usage: classify_disagreements.py --tool TOOL.py --peer 'BATCH COMMAND' [--index TSV] [--json FILE] [FILE...]
"""
import argparse
import html
import json
import os
import re
import sys
from collections import OrderedDict
from datetime import datetime

ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('files', nargs='*')
ap.add_argument('--tool', required=True, help='path of tools/parse_agreement.py')
ap.add_argument('--peer', required=True, help='batch command printing contract JSON lines (paths on stdin)')
ap.add_argument('--index', help='index.tsv: its kind=real rows, as the tool reads them')
ap.add_argument('--json', help='also write the classes and the unexplained disagreements here')
opts = ap.parse_args()
sys.path.insert(0, os.path.dirname(os.path.abspath(opts.tool)))
import feedparser  # noqa: E402
import parse_agreement as pa  # noqa: E402

CLASSES = OrderedDict([
    ('atom-author-inherited', 'Atom entry without author takes its source\'s or the feed\'s (RFC 4287 4.2.1); the reference leaves it empty'),
    ('author-element-unread-by-reference', 'the author is in an element the reference does not read (googleplay:author, podcast:person)'),
    ('several-authors', 'several authors: tributary names the first, the reference another'),
    ('id-is-not-a-link', 'the reference makes a guid/id that is not a URL the entry\'s link ("5b88529b-..." relative to nothing)'),
    ('empty-href-is-no-link', '<link href=""/>: the reference resolves it to the document\'s own base'),
    ('other-body-element', 'the reference promotes a second summary-like element (itunes:summary, media:description) over the body; tributary keeps the body'),
    ('nested-item', 'an <item> nested inside an item: the reference starts a new, empty entry and shifts the rest'),
    ('id-not-resolved', 'ids are opaque (RFC 4287 4.2.6); the reference resolves them against the base as URLs'),
    ('entity-artefact-in-url', 'the reference\'s loose parser turns "&utm_medium=" into "&utm;_medium="'),
    ('double-encoded-utf8-repaired', 'UTF-8 read as Latin-1 or windows-1252 ("dÃ©signer", "isnâ€™t") repaired by tributary, not by the reference'),
    ('control-character-dropped', 'a control character (DEL, a C1 code windows-1252 leaves undefined) is dropped from text; the reference keeps it'),
    ('markup-left-in-text-by-reference', 'the reference\'s text keeps markup or undecoded entities its sanitizer re-escaped ("&nbsp...", "<br>")'),
    ('date-unread-by-reference', 'a date the reference cannot read (Italian/Portuguese names, "+00:0")'),
    ('date-zone-or-pm-ignored-by-reference', 'the reference reads a named zone (BST, CEST, PST) or PM as if it were absent'),
])

WS = re.compile(r'\s+')
CONTROL = re.compile('[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]')
ZONE_HOURS = {'bst': 1, 'cet': 1, 'cest': 2, 'pst': -8, 'pdt': -7, 'est': -5, 'edt': -4, 'jst': 9, 'aest': 10}


def squeeze(s):
    return WS.sub('', s or '')


def same_text(a, b, n=200):
    return a is not None and b is not None and squeeze(a)[:n] == squeeze(b)[:n]


def body_texts(e):
    """Each body-like value of a reference entry, flattened as the tool flattens text."""
    out = []
    for c in e.get('content') or []:
        out.append(pa.truncate(pa._detail_text(c.get('value'), c)))
    if e.get('summary') is not None:
        out.append(pa.truncate(pa._detail_text(e.get('summary'), e.get('summary_detail'), assume_html=True)))
    return [t for t in out if t]


def person(detail, fallback):
    name = (detail or {}).get('name') or fallback
    return pa.clean_text(pa.html_to_text(name)) if name else None


def has_nested_item(raw):
    depth = 0
    for m in re.finditer(rb'<(/?)item[\s>/]', raw):
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            tail = raw[m.end() - 1:m.end() + 200]
            self_closing = re.match(rb'[^>]*/>', tail) is not None
            if depth >= 1:
                return True
            if not self_closing:
                depth += 1
    return False


CP1252_PUNCTUATION = ''.join(bytes([b]).decode('cp1252') for b in range(0x80, 0xa0) if b not in (0x81, 0x8d, 0x8f, 0x90, 0x9d))
CONTINUATION = '\u0080-\u00bf' + CP1252_PUNCTUATION
MOJIBAKE_SEQUENCE = re.compile('[\u00c2-\u00df][%s]|\u00e2[%s]{2}' % (CONTINUATION, CONTINUATION))


def restore_nbsp(s):
    """The tool's clean_text has turned the no-break space of "Ã\xa0" (à) and "Â\xa0" into a
    space, or trimmed it at the end: put it back so the sequence can be read again."""
    s = s.replace('Ã ', 'Ã\xa0').replace('Â ', 'Â\xa0')
    return s + '\xa0' if s.endswith(('Ã', 'Â')) else s


def has_mojibake(s):
    return MOJIBAKE_SEQUENCE.search(restore_nbsp(s)) is not None


def repair_mojibake(s):
    """UTF-8 read as Latin-1/windows-1252, undone sequence by sequence."""
    s = restore_nbsp(s)

    def one(m):
        try:
            return b''.join(ch.encode('latin-1') if ord(ch) < 256 else ch.encode('cp1252') for ch in m.group(0)).decode('utf-8')
        except UnicodeError:
            return m.group(0)
    return MOJIBAKE_SEQUENCE.sub(one, s)


def raw_date(e):
    return e.get('published') or e.get('updated')


def classify(field, raw, d, e, ref, peer):
    """The documented class of one entry-field disagreement, or None."""
    if field == 'author' and ref is None and peer is not None:
        if d.get('version', '').startswith('atom'):
            src = e.get('source') or {}
            for who in (person(src.get('author_detail'), src.get('author')), person(d.feed.get('author_detail'), d.feed.get('author'))):
                if who and same_text(who, peer):
                    return 'atom-author-inherited'
        for element in (b'googleplay:author', b'podcast:person'):
            pattern = rb'<' + element + rb'[^>]*>\s*(?:<!\[CDATA\[)?\s*' + re.escape(peer.encode('utf-8')) + rb'\s*(?:\]\]>)?\s*</' + element
            if re.search(pattern, raw):
                return 'author-element-unread-by-reference'
    if field == 'author' and ref and peer:
        names = [person(a, a.get('name')) for a in e.get('authors') or [] if isinstance(a, dict)]
        if len(names) > 1 and names[0] == peer and ref in names:
            return 'several-authors'
    if field == 'link' and ref is not None and peer is None:
        if ref == e.get('id') and not re.match(r'(?i)^(https?://|/)', ref):
            return 'id-is-not-a-link'
        root_base = re.search(rb'xml:base=["\']([^"\']*)', raw)
        if re.search(rb'<(?:\w+:)?link\b[^>]*\shref=(""|\'\')', raw) and root_base and root_base.group(1) == ref.encode('utf-8'):
            return 'empty-href-is-no-link'
    if field == 'text' and ref is not None and peer is not None:
        bodies = body_texts(e)
        if bodies and bodies[0] == ref and any(same_text(b, peer) for b in bodies[1:]):
            return 'other-body-element'
        if has_mojibake(ref) and same_text(repair_mojibake(ref), repair_mojibake(peer)):
            return 'double-encoded-utf8-repaired'
        if CONTROL.search(ref) and same_text(CONTROL.sub('', ref), peer):
            return 'control-character-dropped'
        # an entity left undecoded ("&nbsp...", "&quotEdward"), or tags kept as text because the
        # reference typed an RSS description text/plain; read as HTML, the reference's text is ours
        chosen = (e.get('content') or [e.get('summary_detail') or {}])[0]
        leftover = re.search(r'&(#\d|[A-Za-z]{2,})', ref) or (chosen.get('type') == 'text/plain' and pa.TAG_RE.search(ref))
        if leftover and same_text(pa.html_to_text(html.unescape(ref)), peer):
            return 'markup-left-in-text-by-reference'
    if field == 'title' and ref and peer and has_mojibake(ref) and same_text(repair_mojibake(ref), repair_mojibake(peer)):
        return 'double-encoded-utf8-repaired'
    if field == 'id' and ref and peer and ref != peer:
        if ref.endswith(peer) and not re.match(r'^[a-z][a-z0-9+.-]*:', peer) and re.match(r'^(https?://|/)', ref):
            return 'id-not-resolved'
        if re.sub(r'&(\w+);', r'&\1', ref) == peer:
            return 'entity-artefact-in-url'
    if field == 'published' and peer is not None:
        text = (raw_date(e) or '').lower()
        ours = datetime.strptime(peer, '%Y-%m-%dT%H:%M:%SZ')
        if ref is None and str(ours.year)[2:] in text and re.search(r'\b0?%d\b' % ours.day, text):
            return 'date-unread-by-reference'
        if ref is not None:
            hours = (ours - datetime.strptime(ref, '%Y-%m-%dT%H:%M:%SZ')).total_seconds() / 3600
            zone = re.search(r'\b(bst|cest|cet|pst|pdt|est|edt|jst|aest)\b', text)
            expected = (12 if re.search(r'\bpm\b', text) else 0) - (ZONE_HOURS[zone.group(1)] if zone else 0)
            if expected and hours == expected:
                return 'date-zone-or-pm-ignored-by-reference'
    return None


def reference(path):
    try:
        return pa.reference_contract(open(path, 'rb').read())
    except Exception as exc:  # as the tool does: feedparser itself should never raise
        return {'ok': False, 'error': 'feedparser raised %r' % exc}


def main():
    files = pa.load_inputs(argparse.Namespace(index=opts.index, base=None, kind='real', files=opts.files))
    files = [f for f in files if not pa._is_json(f)]  # the reference cannot read JSON Feed
    refs = [reference(f) for f in files]
    peers = pa.run_batch_peer(opts.peer, files, 30.0)
    totals = {'agree': 0, 'total': 0}
    counts = OrderedDict((k, 0) for k in CLASSES)
    unexplained = []
    for f, ref, peer in zip(files, refs, peers):
        res, diffs = pa.compare(ref, pa._norm_peer(peer))
        for k in pa.FILE_FIELDS + pa.ENTRY_FIELDS:
            totals['agree'] += res[k][0]
            totals['total'] += res[k][1]
        diffs = [x for x in diffs if x[0] not in pa.INFO_FIELDS]
        if not diffs:
            continue
        raw = open(f, 'rb').read()
        d = feedparser.parse(raw)
        nested = has_nested_item(raw) and any(x[0] == 'count' for x in diffs)
        for field, i, a, b in diffs:
            e = d.entries[i] if i is not None and i < len(d.entries) else {}
            cls = 'nested-item' if nested else classify(field, raw, d, e, a, b) if i is not None else None
            if cls:
                counts[cls] += 1
            else:
                unexplained.append({'file': f, 'field': field, 'entry': i, 'ref': a, 'peer': b})
    disagreements = totals['total'] - totals['agree']
    explained = sum(counts.values())
    print('%-40s %7s  %s' % ('class (docs/parser.md)', 'fields', 'why tributary differs'))
    for k, n in counts.items():
        if n:
            print('%-40s %7d  %s' % (k, n, CLASSES[k]))
    print('%-40s %7d' % ('unexplained', len(unexplained)))
    raw_pct = 100.0 * totals['agree'] / totals['total'] if totals['total'] else 100.0
    after_pct = 100.0 * (totals['agree'] + explained) / totals['total'] if totals['total'] else 100.0
    print('\n%d fields, %d disagreements: raw agreement %.2f%%, %.3f%% counting the documented classes' % (totals['total'], disagreements, raw_pct, after_pct))
    for u in unexplained:
        print('  unexplained: %s #%s %s\n      ref:  %s\n      peer: %s' % (u['file'], u['entry'], u['field'], json.dumps(u['ref'], ensure_ascii=False)[:200], json.dumps(u['peer'], ensure_ascii=False)[:200]))
    if opts.json:
        with open(opts.json, 'w') as fh:
            json.dump({'fields': totals['total'], 'agree': totals['agree'], 'classes': counts, 'unexplained': unexplained,
                       'raw_pct': raw_pct, 'after_classes_pct': after_pct}, fh, ensure_ascii=False, indent=1)


main()
