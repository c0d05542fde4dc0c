"""Saved recipes compared at fixed settings of the decision (docs/nlp.md, "The ranking, tried in Python"): the grid's
choice can move on one tweet at its edge, so each recipe's out-of-fold answers (rank.py's oof-<name>.npy) are also
decided at the same blends and thresholds, side by side.

python3 sweep.py DIR name... [--at w,floor,floor_w ...]
"""
import sys
import numpy as np

sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, signals, decide  # noqa: E402


def main():
    args = sys.argv[1:]
    at = [tuple(float(x) for x in a.split(',')) for a in args[args.index('--at') + 1:]] if '--at' in args else [
        (0.2, 0.4, 0.2), (0.2, 0.5, 0.3), (0.3, 0.3, 0.2)]
    names = args[1:args.index('--at')] if '--at' in args else args[1:]
    d = args[0].rstrip('/') + '/'
    dev = load(d + 'rows.tsv')
    sig = signals(dev)
    gold = np.array([r['gold'] for r in dev])
    src = np.array([r['source'] for r in dev])
    P, Q, N = gold == 'problem', gold == 'question', gold == 'none'
    T = N & (src == 'rusentitweet')
    for name in names:
        pi = np.load(d + 'oof-%s.npy' % name)[:len(dev)]
        s = (sig[0], pi) + sig[2:]
        for w, fl, fw in at:
            out = []
            for t in [0.95, 0.97, 0.98, 0.985, 0.99]:
                f = decide(s, w, fw, fl, t)
                out.append('t%.3f P %.3f Q %.3f fa %.3f tweets %d' % (t, f[P].mean(), f[Q].mean(), f[N].mean(), f[T].sum()))
            print('%s (%.1f, %.1f, %.1f) | %s' % (name, w, fl, fw, ' | '.join(out)))


if __name__ == '__main__':
    main()
