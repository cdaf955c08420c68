#!/usr/bin/env python3
"""Writes Data/ordinary-words.txt: the names of the project catalog and of the CNCF landscape that
are ordinary English or French words, which `kubecon catalog import` marks as `ordinary`.

A word is ordinary when a Debian word list (wamerican, wfrench) holds it in lowercase (a common
word, not a proper noun) and its Zipf frequency in that language (the `wordfreq` package) is 3.0
or more (once per million words or more). Only the words that some name is are written.

  apt-get download wamerican wfrench && for d in *.deb; do dpkg -x "$d" dicts; done
  pip install wordfreq
  python3 Scripts/ordinary-words.py dicts/usr/share/dict ../shared/landscape/items.tsv > Data/ordinary-words.txt
"""
import json, sys, unicodedata
from wordfreq import zipf_frequency

def fold(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w.lower()) if unicodedata.category(c) != 'Mn')

dicts, items = sys.argv[1], sys.argv[2]
lower = {'en': set(), 'fr': set()}
for name, lang in [('american-english', 'en'), ('french', 'fr')]:
    for line in open(f'{dicts}/{name}', encoding='utf-8', errors='ignore'):
        w = line.strip()
        if w and w == w.lower():
            lower[lang].add(w)

names = set()
for line in list(open(items, encoding='utf-8'))[1:]:
    name = line.split('\t')[0]
    if name.endswith(')') and '(' in name:
        names.add(name[:name.rindex('(')].strip())
    else:
        names.add(name)
for p in json.load(open('Data/projects.json'))['projects']:
    names.add(p['name'])

ordinary = set()
for name in names:
    if ' ' in name:
        continue
    w = name.lower()
    if any(w in lower[lang] and zipf_frequency(w, lang) >= 3.0 for lang in ('en', 'fr')):
        ordinary.add(fold(w))
# Words of the trade the dictionaries lack, added by hand.
BY_HAND = ['serverless']
print('# Names of projects that are ordinary English or French words (see Scripts/ordinary-words.py).')
for w in sorted(ordinary):
    print(w)
print('# Added by hand: words of the trade the dictionaries lack.')
for w in BY_HAND:
    print(w)
