"""Builds judged on the same rows by the same rule (docs/nlp.md, "More labelled posts, unseen writers, and a second
labeller"): each build's answers on every labelled dev row — out of fold where it learnt the row's fold-mates
(`crossval --task incident --out`), plain where it never learnt the row (`AppealScores.java` over the rows' texts;
their gold is read back from the labelled files) — scored by proto.grid's rule (most mean problem + question recall at
≤ 2 % false alarms, ≤ 0.5 % dev tweets, Kursk / SPb dev appeals ≥ 0.85 by the build's own answers on them), then the
chosen line's figures on the rows of files a–x and of the unseen writers Y–ZF apart.

python3 same_rows.py LABELLED_DIR... -- NAME ROWS[+ROWS…] KURSK SPB [-- NAME …]
"""
import glob, os, re, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)) + '/../blend')
from blend_grid import load, signals, decide  # noqa: E402

UNSEEN = re.compile(r'^post-(y|z[a-f]?)\d')


def gold_of(dirs):
    """id → gold label of every row of the labelled files in these directories."""
    gold = {}
    for d in dirs:
        for f in glob.glob(os.path.join(d, '*.tsv')):
            for line in open(f, encoding='utf-8').read().split('\n')[1:]:
                if line:
                    p = line.split('\t')
                    gold[p[0]] = p[5]
    return gold


def rows_of(paths, gold):
    """The labelled rows of crossval's --out files (real rows left out) and of AppealScores files (gold restored)."""
    rows = []
    for p in paths.split('+'):
        for r in load(p):
            if r['source'].startswith('real:'):
                continue
            if r['id'] in gold:
                r['gold'] = gold[r['id']]
            rows.append(r)
    return rows


def judge(name, rows, kursk, spb, grid):
    g = np.array([r['gold'] for r in rows]); src = np.array([r['source'] for r in rows])
    P, Q, N = g == 'problem', g == 'question', g == 'none'
    T = N & (src == 'rusentitweet')
    unseen = np.array([bool(UNSEEN.match(r['id'])) for r in rows])
    best = grid(signals(rows), signals(load(kursk)), signals(load(spb)), P, Q, N, T, kmin=0.85, smin=0.85)[0]
    if best is None:
        print('%s (%d rows): no line within the limits' % (name, len(rows)))
        return
    print('%s (%d rows): problem %.3f question %.3f false alarms %.3f tweets %.3f Kursk %.3f SPb %.3f '
          'at (%.1f, %.1f, %.1f) t %.3f' % ((name, len(rows)) + tuple(best)))
    flag = decide(signals(rows), *best[6:10])
    for part, m in (('files a–x', ~unseen), ('unseen writers Y–ZF', unseen)):
        if m.any():
            print('   %s: problem %.3f question %.3f false alarms %.3f' % (
                part, flag[m & P].mean(), flag[m & Q].mean(), flag[m & N].mean()))


def main():
    args = sys.argv[1:]
    cut = args.index('--')
    dirs, builds = args[:cut], ' '.join(args[cut + 1:]).split(' -- ')
    sys.argv = [sys.argv[0], dirs[0]]  # proto reads a DIR argument on import; grid does not use it
    from proto import grid  # noqa: E402
    gold = gold_of(dirs)
    for b in builds:
        name, rows, kursk, spb = b.split()
        judge(name, rows_of(rows, gold), kursk, spb, grid)


if __name__ == '__main__':
    main()
