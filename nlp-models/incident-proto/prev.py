"""How often each cue family fires per gold type, among the near misses and among the high-scoring none rows of the
shipped setting's out-of-fold rows (docs/nlp.md, "What the incident model sees: cue families").

python3 prev.py rows.tsv texts.jsonl      (rows.tsv of crossval --out, texts.jsonl of TextDump.java)
"""
import csv, json, sys
import families as F
csv.field_size_limit(1 << 30)
texts = {j['id']: j['folded'] for j in (json.loads(l) for l in open(sys.argv[2], encoding='utf-8'))}
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
def p(s):
    l, v = s.split(); v = float(v); return v if l == 'complaint' else 1 - v
groups = {'problem': [], 'question': [], 'none': [], 'miss 0.5-0.95': [], 'none >=0.9': []}
for r in rows:
    toks = F.tokens(texts[r['id']]); f = {k: set(fn(toks)) for k, fn in F.FAMILIES.items()}
    groups[r['gold']].append(f)
    pi = p(r['incident'])
    if r['gold'] != 'none' and 0.5 <= pi < 0.95: groups['miss 0.5-0.95'].append(f)
    if r['gold'] == 'none' and pi >= 0.9: groups['none >=0.9'].append(f)
toks = sorted({t for g in groups['problem'] + groups['none'] for fs in g.values() for t in fs if t.startswith('f=')})
print('| cue | ' + ' | '.join('%s (%d)' % (g, len(v)) for g, v in groups.items()) + ' |')
for t in toks:
    print('| %s | ' % t + ' | '.join('%.1f %%' % (100 * sum(any(t in fs for fs in f.values()) for f in v) / len(v)) for v in groups.values()) + ' |')
