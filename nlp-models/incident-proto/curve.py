"""How the incident model's cross-validated recall depends on the labelled posts it learns from: net.py's LR `base`
on the same features, folds, weights and rule (proto.grid), with its training side changed (docs/nlp.md, "How much
more labelled data would help, and unseen writers").

python3 curve.py DIR config...     DIR as net.py's (NetDump.java), configs as net.py's LR keys plus
  keep=<f>     only a fraction f of the written posts on each fold's training side (CRC32 of the id, so the same
               rows at every fold; tweets, news and the appeals stay whole); the judged rows are never thinned
  folds=writer the written posts folded by writer instead of by row: each of the five folds holds out every post of
               about five of the 24 labellers (tweets and news keep their row folds), so each post is judged by a
               model that never saw its writer's style; prints the recall per held-out writer at the chosen line
  always=<w>+<w>…  these writers' posts are on every fold's training side and never judged
  without=<w>+<w>… these writers' posts are left out altogether (so a run with always= and one with without= judge
               the same rows and show what the added writers' posts are worth to the others)
"""
import os, re, sys, time, zlib
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proto import sigmoid, auc, grid, fmt, load, signals, extras, targets  # noqa: E402
from rank import counts, DIR  # noqa: E402
from net import model_logit  # noqa: E402
from blend_grid import decide  # noqa: E402


def writer(id_):
    """The labeller of a written post by its id (post-<n> is labeller A, post-b<n> B, post-za<n> ZA, …); else None."""
    m = re.match(r'post-([a-z]*)\d', id_)
    return None if m is None else (m.group(1) or 'a')


def main():
    dev, kursk, spb = (load(DIR + f) for f in ('rows.tsv', 'kursk.tsv', 'spb.tsv'))
    C, ids, names = counts()
    at = {i: k for k, i in enumerate(ids)}
    extra = extras()
    src, P, Q, N, T, y_dev, row_folds = targets(dev)
    di = np.array([at[r['id']] for r in dev])
    ai = np.array([at[r['id']] for r in kursk + spb])
    base_d, base_k, base_s = signals(dev), signals(kursk), signals(spb)
    writers = np.array([writer(r['id']) or '' for r in dev])
    letters = sorted(set(writers) - {''})
    written = writers != ''
    thin = np.array([zlib.crc32(r['id'].encode()) / 2 ** 32 for r in dev])
    for spec in sys.argv[2:]:
        t0 = time.time()
        name, _, kv = spec.partition(':')
        cfg = dict(x.split('=') for x in kv.split(',') if x)
        folds = row_folds.copy()
        always = set(filter(None, cfg.get('always', '').split('+')))
        without = set(filter(None, cfg.get('without', '').split('+')))
        judged = [w for w in letters if w not in always | without]
        if cfg.get('folds') == 'writer':
            group = {w: i % 5 for i, w in enumerate(judged)}
            folds[written] = [group.get(w, -1) for w in writers[written]]
        folds[np.isin(writers, list(always | without))] = -1
        keep = ~written | (thin < float(cfg.get('keep', 1)))
        dropped = np.isin(writers, list(without))
        keep &= ~dropped
        ex = [e for e in extra if float(cfg.get(e['kind'], 0)) > 0]
        ei = np.array([at[e['id']] for e in ex], dtype=int)
        ey = np.array([e['label'] == 'complaint' for e in ex], dtype=float)
        ew = np.array([float(cfg[e['kind']]) for e in ex])
        oof = np.zeros(len(dev))
        judge = (folds >= 0) & ~dropped
        for k in range(5):
            tr = (folds != k) & keep
            oof[folds == k] = model_logit(C, np.concatenate([di[tr], ei]), np.concatenate([y_dev[tr], ey]),
                                          np.concatenate([np.ones(tr.sum()), ew]), di[folds == k], cfg)
            print('  %s fold %d %.0fs' % (name, k, time.time() - t0), file=sys.stderr, flush=True)
        tr = keep
        app = model_logit(C, np.concatenate([di[tr], ei]), np.concatenate([y_dev[tr], ey]),
                          np.concatenate([np.ones(tr.sum()), ew]), ai, cfg)
        pi_d, pi_a = np.round(sigmoid(oof), 3), np.round(sigmoid(app), 3)
        nk = len(kursk)
        sub = lambda sig: tuple(x[judge] for x in sig)
        best = grid(sub((base_d[0], pi_d) + base_d[2:]), (base_k[0], pi_a[:nk]) + base_k[2:],
                    (base_s[0], pi_a[nk:]) + base_s[2:], P[judge], Q[judge], N[judge], T[judge], kmin=0.85, smin=0.85)
        print('%s (written rows learnt: %d) AUC %.4f (written %.4f) %.0fs | %s' % (
            name, int((keep & written).sum()), auc(oof[judge], y_dev[judge]), auc(oof[judge & written], y_dev[judge & written]), time.time() - t0,
            fmt(best[0])), flush=True)
        if best[0] is not None and cfg.get('folds') == 'writer':
            w, fw, fl, t = best[0][6:10]
            flag = decide((base_d[0], pi_d) + base_d[2:], w, fw, fl, t)
            for L in judged:
                m = writers == L
                rec = lambda g: '%.3f' % flag[m & g].mean() if (m & g).any() else '—'
                print('  writer %s: problem %s (%d) question %s (%d) false alarms %s (%d)' % (
                    L, rec(P), (m & P).sum(), rec(Q), (m & Q).sum(), rec(N), (m & N).sum()), flush=True)


if __name__ == '__main__':
    main()
