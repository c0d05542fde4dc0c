"""The dev rows two saved recipes decide differently, each at its own threshold with the blend (0, 0, 0.5) both chose
(docs/nlp.md, "What the incident model sees: cue families").

python3 flips.py DIR a t_a b t_b n       (oof-<a>.npy, oof-<b>.npy in DIR; prints the counts and n rows of each side)
"""
import sys
import numpy as np
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, signals, decide
D = sys.argv.pop(1).rstrip('/') + '/'
dev = load(D + 'rows.tsv'); n = len(dev); s = signals(dev)
gold = np.array([r['gold'] for r in dev])
a = np.load(D + 'oof-%s.npy' % sys.argv[1])[:n]; b = np.load(D + 'oof-%s.npy' % sys.argv[3])[:n]
fa = decide((s[0], a) + s[2:], 0, 0, 0.5, float(sys.argv[2])); fb = decide((s[0], b) + s[2:], 0, 0, 0.5, float(sys.argv[4]))
for name, m in (('found by %s only' % sys.argv[3], fb & ~fa), ('found by %s only' % sys.argv[1], fa & ~fb)):
    print(name, {g: int((m & (gold == g)).sum()) for g in ('problem', 'question', 'none')})
    for i in np.nonzero(m)[0][:int(sys.argv[5])]:
        print('  ', gold[i][0], '%.3f→%.3f' % (a[i], b[i]), dev[i]['text'][:150].replace('\n', ' '))
