#!/usr/bin/env python3
"""Adds or replaces resource strings in both SharedResource files (Japanese, English).

Usage: python3 scripts/add-resources.py FILE.tsv
Each line of the file: key<TAB>Japanese<TAB>English; "\\n" in a text is a line break.
New keys are appended at the end, in the file's order; existing keys are replaced in place.
"""
import re
import sys
from xml.sax.saxutils import escape

root = __file__.rsplit('/scripts/', 1)[0]
files = {
    'ja': f'{root}/src/Partnership.Web/Resources/SharedResource.resx',
    'en': f'{root}/src/Partnership.Web/Resources/SharedResource.en.resx',
}
rows = []
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    key, ja, en = line.split('\t')
    rows.append((key, ja.replace('\\n', '\n'), en.replace('\\n', '\n')))
for lang, path in files.items():
    text = open(path, encoding='utf-8').read()
    for key, ja, en in rows:
        value = ja if lang == 'ja' else en
        element = f'  <data name="{key}" xml:space="preserve"><value>{escape(value)}</value></data>\n'
        pattern = re.compile(r'  <data name="' + re.escape(key) + r'" xml:space="preserve"><value>.*?</value></data>\n', re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _: element, text, count=1)
        else:
            text = text.replace('</root>', element + '</root>')
    open(path, 'w', encoding='utf-8').write(text)
print(f'{len(rows)} strings written')
