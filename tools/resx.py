#!/usr/bin/env python3
"""Adds entries to a pair of .resx files (Swedish neutral, English satellite), sorted by key.
Usage from a dev shell: python3 tools/resx.py Portal.Web/Resources/Name  < entries.tsv
where each line of entries.tsv is: key<TAB>swedish<TAB>english. Existing keys are kept unless
the TSV names them again."""
import sys, os
from xml.sax.saxutils import escape
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    if not os.path.exists(path):
        return {}
    return {d.get('name'): (d.findtext('value') or '') for d in ET.parse(path).getroot().findall('data')}

def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write('</root>\n')

base = sys.argv[1]
sv, en = read(base + '.resx'), read(base + '.en.resx')
for line in sys.stdin.read().splitlines():
    if not line.strip() or line.startswith('#'):
        continue
    key, s, e = line.split('\t')
    sv[key], en[key] = s, e
write(base + '.resx', sv)
write(base + '.en.resx', en)
