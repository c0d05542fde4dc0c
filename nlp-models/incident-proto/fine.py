"""Saved recipes (oof-<name>.npy of net.py) at a fine threshold grid, the blend fixed: the most mean problem /
question recall at ≤ 2 % false alarms over the dev none rows and ≤ 0.5 % over the dev tweets, ≥ 0.85 of the Kursk
and SPb dev appeals, and (crossval's fourth limit) ≤ 0.2 % of the Russian check-half tweets; thresholds 0.500–0.999
in steps of 0.001, so that a recipe is not judged on where the coarse grid happens to fall (docs/nlp.md, "A
nonlinear incident model"). DIR as net.py's (kursk.tsv, spb.tsv, check.tsv after rows.tsv in each oof file).

python3 fine.py DIR w,floor,floor_w name...
python3 fine.py DIR grid name...     crossval's own grid of blends and thresholds (proto.grid's) with all four limits
"""
import sys
import numpy as np

sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, signals, decide  # noqa: E402


def main():
    d = sys.argv[1].rstrip('/') + '/'
    blends = [tuple(float(x) for x in sys.argv[2].split(','))] if sys.argv[2] != 'grid' else [
        (w, fl, fw) for w in (0, 0.1, 0.2, 0.3, 0.4, 0.5, 1) for fw in sorted({w, 0.2, 0.3, 0.4})
        for fl in (0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)]
    ts = np.arange(0.5, 0.9995, 0.001) if sys.argv[2] != 'grid' else np.array(
        sorted(set(round(x / 100, 2) for x in range(50, 100)) | {0.985, 0.995}))
    dev, kursk, spb, check = (load(d + f) for f in ('rows.tsv', 'kursk.tsv', 'spb.tsv', 'check.tsv'))
    sig, sk, ss, sc = signals(dev), signals(kursk), signals(spb), signals(check)
    gold = np.array([r['gold'] for r in dev])
    src = np.array([r['source'] for r in dev])
    P, Q, N = gold == 'problem', gold == 'question', gold == 'none'
    T = N & (src == 'rusentitweet')
    n, nk, ns = len(dev), len(kursk), len(spb)
    for name in sys.argv[3:]:
        pi = np.load(d + 'oof-%s.npy' % name)
        parts = [(s[0], p) + s[2:] for s, p in ((sig, pi[:n]), (sk, pi[n:n + nk]), (ss, pi[n + nk:n + nk + ns]),
                                                 (sc, pi[n + nk + ns:]))]
        best = None
        for (w, fl, fw), t in ((b, t) for b in blends for t in ts):
            f, fk, fs, fc = (decide(s, w, fw, fl, t) for s in parts)
            if (f[N].mean() <= 0.02 and f[T].mean() <= 0.005 and fk.mean() >= 0.85 and fs.mean() >= 0.85
                    and fc.sum() <= 0.002 * sc[2].sum()):
                m = (f[P].mean() + f[Q].mean()) / 2
                if best is None or m > best[0]:
                    best = (m, w, fl, fw, t, f[P].mean(), f[Q].mean(), f[N].mean(), f[T].sum(), fk.mean(), fs.mean(), fc.sum())
        print(name + ': ' + ('-' if best is None else
              'mean %.4f at (%.1f, %.2f, %.1f) t %.3f: P %.3f Q %.3f fa %.3f tweets %d K %.3f S %.3f check %d' % best))


if __name__ == '__main__':
    main()
