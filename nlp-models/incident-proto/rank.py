"""The incident model's ranking recipes, fast: proto.py's model and grid on one sparse count matrix built once, so
a recipe costs seconds of numpy instead of minutes of Python loops (docs/nlp.md, "A better ranking").

Scored by crossval's selection rule (IncidentCrossval): the most mean problem / question recall out of fold at
≤ 2 % false alarms over the dev none rows and ≤ 0.5 % over the dev tweets, with ≥ 0.85 of the Kursk and of the
SPb dev appeals flagged (proto.grid's first answer). Folds and TF-IDF as proto.py; inputs as proto.py's DIR plus
rows.tsv of `crossval --task incident --out` with the shipped recipe (appeals, weight 5).

python3 rank.py DIR config...
a config is name:key=value,...  keys as proto.py (l2 per labelled row, kursk / spb: prep.py's cut appeals,
kurskss / spbss: the SocialStyle cut the Java trainer uses, answer / tweet: hard negatives, nb, split, maxf,
mindf). Weights and l2 are per labelled row: the shipped recipe (labelled rows ×5, appeals ×1, trainer L2 0.01) is
kurskss=0.2,spbss=0.2,l2=0.002; fewer repeats (×2 at the same trainer L2) is kurskss=0.5,spbss=0.5,l2=0.005.
"""
import glob, os, sys, time
import numpy as np
import scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proto import fit_lr, nb_ratio, sigmoid, auc, grid, fmt, load, signals, extras, targets  # noqa: E402

DIR = sys.argv[1].rstrip('/') + '/'
PARTS = {'both': [None], 'word': [('w=', 'b=', 'p=')], 'char': [('c=',)], 'split': [('w=', 'b=', 'p='), ('c=',)]}


def counts():
    """Every dumped document as a row of one count matrix (cached as counts.npz beside the .feat files)."""
    cache = DIR + 'counts.npz'
    if os.path.exists(cache):
        z = np.load(cache, allow_pickle=True)
        return sp.csr_matrix((z['data'], z['indices'], z['indptr']), shape=tuple(z['shape'])), list(z['ids']), list(z['names'])
    vocab, ids, data, indices, indptr = {}, [], [], [], [0]
    for f in sorted(glob.glob(DIR + '*.feat')):
        for line in open(f, encoding='utf-8'):
            parts = line.rstrip('\n').split('\t')
            ids.append(parts[0])
            for p in parts[1:]:
                c, name = p.split(' ', 1)
                indices.append(vocab.setdefault(name, len(vocab))); data.append(float(c))
            indptr.append(len(indices))
    C = sp.csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(len(ids), len(vocab)))
    names = [None] * len(vocab)
    for n, i in vocab.items():
        names[i] = n
    np.savez(cache, data=C.data, indices=C.indices, indptr=C.indptr, shape=C.shape, ids=np.array(ids, dtype=object),
             names=np.array(names, dtype=object))
    return C, ids, names


def tfidf(C, train, reps, test, mask, mindf, maxf):
    """TF-IDF as proto.Tfidf: df counted with repetitions, min-df, the maxf most frequent, L2 rows, a bias."""
    Ct = C[train]
    df = (Ct > 0).T.astype(float) @ reps
    df[~mask] = 0
    kept = np.nonzero(df >= mindf)[0]
    kept = kept[np.argsort(-df[kept], kind='stable')][:maxf]
    idf = np.log((1 + reps.sum()) / (1 + df[kept])) + 1

    def x(rows):
        M = C[rows][:, kept].tocsr()
        M.data = 1 + np.log(M.data)
        M = M @ sp.diags(idf)
        norm = np.sqrt(np.asarray(M.multiply(M).sum(1)).ravel())
        M = sp.diags(1 / np.maximum(norm, 1e-12)) @ M
        return sp.hstack([M, np.ones((M.shape[0], 1))]).tocsr()
    return x(train), x(test)


def class_weights(w, y):
    """A training side's weights as the Java trainer sees them: each row repeated round(w·R) times (R making the
    smallest weight one event), then CategorizerTrainer's class re-weighting, round((max / count)^0.5) repetitions
    of each class. Returns the repetitions and the weights for the loss."""
    R = round(1 / w.min())
    reps = np.rint(w * R)
    n = np.array([reps[y == 0].sum(), reps[y == 1].sum()])
    cls = np.maximum(1, np.rint((n.max() / n) ** 0.5))
    return reps, reps / R * cls[y.astype(int)]


def model_logit(C, masks, train, y, w, test, cfg):
    reps, w = class_weights(w, y)
    out = 0
    for mask in masks:
        X, Xt = tfidf(C, train, reps, test, mask, int(cfg.get('mindf', 2)), int(cfg.get('maxf', 50000)))
        if cfg.get('nb'):
            r = sp.diags(nb_ratio(X, y))
            X, Xt = X @ r, Xt @ r
        # weights and the L2 cost per labelled row (a trainer repeating labelled rows r times: its L2 / r)
        out = out + Xt @ fit_lr(X, y, w, float(cfg.get('l2', 0.002)))
    return out / len(masks)


def main():
    dev, kursk, spb = load(DIR + 'rows.tsv'), load(DIR + 'kursk.tsv'), load(DIR + 'spb.tsv')
    C, ids, names = counts()
    at = {i: k for k, i in enumerate(ids)}
    prefix = np.array([n[:2] for n in names])
    extra = extras()
    src, P, Q, N, T, y_dev, folds = targets(dev)
    di = np.array([at[r['id']] for r in dev])
    ai = np.array([at[r['id']] for r in kursk] + [at[r['id']] for r in spb])
    base_d, base_k, base_s = signals(dev), signals(kursk), signals(spb)
    print('rows.tsv incident model OOF AUC %.4f (written %.4f)' % (
        auc(base_d[1], y_dev), auc(base_d[1][src == 'written'], y_dev[src == 'written'])), flush=True)
    # the grid on the Java model's own answers: it must give crossval's choice (the prototype's calibration)
    print('rows.tsv as is | %s' % fmt(grid(base_d, base_k, base_s, P, Q, N, T, kmin=0.85, smin=0.85)[0]), flush=True)
    for spec in sys.argv[2:]:
        t0 = time.time()
        name, _, kv = spec.partition(':')
        cfg = dict(x.split('=') for x in kv.split(',') if x)
        masks = [np.ones(len(names), bool) if p is None else np.isin(prefix, p) for p in PARTS[cfg.get('split', 'both')]]
        ex = [e for e in extra if float(cfg.get(e['kind'], 0)) > 0]
        ei = np.array([at[e['id']] for e in ex], dtype=int)
        ey = np.array([e['label'] == 'complaint' for e in ex], dtype=float)
        ew = np.array([float(cfg[e['kind']]) for e in ex])  # relative to a labelled row
        oof = np.zeros(len(dev))
        for k in range(5):
            tr = folds != k
            oof[~tr] = model_logit(C, masks, np.concatenate([di[tr], ei]), np.concatenate([y_dev[tr], ey]),
                                   np.concatenate([np.ones(tr.sum()), ew]), di[~tr], cfg)
        app = model_logit(C, masks, np.concatenate([di, ei]), np.concatenate([y_dev, ey]),
                          np.concatenate([np.ones(len(dev)), ew]), ai, cfg)
        # the service rounds a model's answer to 0.001 (IncidentDecider.incidentAnswer); at 0.985 that matters
        pi_d, pi_a = np.round(sigmoid(oof), 3), np.round(sigmoid(app), 3)
        best = grid((base_d[0], pi_d) + base_d[2:], (base_k[0], pi_a[:len(kursk)]) + base_k[2:],
                    (base_s[0], pi_a[len(kursk):]) + base_s[2:], P, Q, N, T, kmin=0.85, smin=0.85)
        np.save(DIR + 'oof-%s.npy' % name, np.concatenate([pi_d, pi_a]))
        print('%s AUC %.4f (written %.4f) %.0fs | %s' % (name, auc(oof, y_dev), auc(oof[src == 'written'],
              y_dev[src == 'written']), time.time() - t0, ' || '.join(fmt(b) for b in best)), flush=True)


if __name__ == '__main__':
    main()
