"""A one-hidden-layer network as the incident model, against rank.py's LR `base` on the same features, folds, training
rows and weights, scored by the same rule and grid (docs/nlp.md, "A nonlinear incident model").

python3 net.py DIR config...     DIR as rank.py's (NetDump.java writes the shipped recipe's training rows)
a config is name:key=value,...  as rank.py's (l2 per labelled row, appeal / rtweet / informal: weights of NetDump's
kinds in labelled rows), plus model=lr|net|mean|temp (mean: the probabilities of `lr=<name>` and `net=<name>`
averaged, from their saved oof files; temp: the saved logits of `src=<name>` divided by `t=<T>`), and for the network: h (hidden units), epochs, lr (Adam's step), batch, drop (dropout
on the hidden layer), wd (decoupled weight decay per step), seed.
"""
import os, sys, time
import numpy as np
import scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proto import fit_lr, sigmoid, auc, grid, fmt, load, signals, extras, targets  # noqa: E402
from rank import counts, tfidf, class_weights, DIR  # noqa: E402


def fit_net(X, y, w, cfg):
    """ReLU layer over the TF-IDF rows (their bias column dropped), one logit out; weighted log-loss, Adam with
    decoupled weight decay, hidden dropout, fixed seed."""
    rng = np.random.default_rng(int(cfg.get('seed', 17)))
    X = X[:, :-1].tocsr().astype(np.float32)
    V, H = X.shape[1], int(cfg.get('h', 64))
    W1 = (rng.standard_normal((V, H)) * float(cfg.get('init', 0.1))).astype(np.float32)
    b1 = np.zeros(H, np.float32)
    w2 = (rng.standard_normal(H) / np.sqrt(H)).astype(np.float32)
    b2 = np.zeros(1, np.float32)
    params = [W1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    step, lr, wd = 0, float(cfg.get('lr', 0.002)), float(cfg.get('wd', 0.0))
    drop, B = float(cfg.get('drop', 0.2)), int(cfg.get('batch', 128))
    wn = (w / w.mean()).astype(np.float32)
    s = (2 * y - 1).astype(np.float32)
    for epoch in range(int(cfg.get('epochs', 6))):
        order = rng.permutation(X.shape[0])
        for i in range(0, len(order), B):
            idx = order[i:i + B]
            Xb = X[idx]
            a = Xb @ W1 + b1
            h = np.maximum(a, 0)
            keep = (rng.random(h.shape) >= drop).astype(np.float32) / (1 - drop)
            hd = h * keep
            z = hd @ w2 + b2[0]
            # d/dz of w·log(1 + exp(−s·z)) = −w·s·σ(−s·z), averaged over the batch
            g = -wn[idx] * s[idx] * sigmoid(-s[idx] * z) / len(idx)
            gw2 = hd.T @ g
            gb2 = np.array([g.sum()], np.float32)
            da = np.outer(g, w2) * keep * (a > 0)
            grads = [np.asarray(Xb.T @ da), da.sum(0), gw2, gb2]
            step += 1
            c1, c2 = 1 - 0.9 ** step, 1 - 0.999 ** step
            for p, gr, mm, vv in zip(params, grads, m, v):
                mm *= 0.9; mm += 0.1 * gr
                vv *= 0.999; vv += 0.001 * gr * gr
                if wd and p.ndim > 0 and p is not b1:
                    p *= (1 - lr * wd)
                p -= lr * (mm / c1) / (np.sqrt(vv / c2) + 1e-8)
    return params


def net_logit(params, Xt):
    W1, b1, w2, b2 = params
    return np.maximum(Xt[:, :-1].astype(np.float32) @ W1 + b1, 0) @ w2 + b2[0]


def model_logit(C, train, y, w, test, cfg):
    """rank.model_logit's weights (labelled-row units with CategorizerTrainer's class re-weighting), LR or network."""
    reps, w = class_weights(w, y)
    X, Xt = tfidf(C, train, reps, test, np.ones(C.shape[1], bool), int(cfg.get('mindf', 2)), int(cfg.get('maxf', 50000)))
    if cfg.get('model', 'lr') == 'net':
        return net_logit(fit_net(X, y, w, cfg), Xt)
    return Xt @ fit_lr(X, y, w, float(cfg.get('l2', 0.012)))


def main():
    dev, kursk, spb, check = (load(DIR + f) for f in ('rows.tsv', 'kursk.tsv', 'spb.tsv', 'check.tsv'))
    C, ids, names = counts()
    at = {i: k for k, i in enumerate(ids)}
    extra = extras()
    src, P, Q, N, T, y_dev, folds = targets(dev)
    di = np.array([at[r['id']] for r in dev])
    ai = np.array([at[r['id']] for r in kursk + spb + check])
    base_d, base_k, base_s, base_c = signals(dev), signals(kursk), signals(spb), signals(check)
    print('rows.tsv OOF AUC %.4f (written %.4f) | %s' % (auc(base_d[1], y_dev), auc(base_d[1][src == 'written'],
          y_dev[src == 'written']), fmt(grid(base_d, base_k, base_s, P, Q, N, T, kmin=0.85, smin=0.85)[0])), flush=True)
    for spec in sys.argv[2:]:
        t0 = time.time()
        name, _, kv = spec.partition(':')
        cfg = dict(x.split('=') for x in kv.split(',') if x)
        if cfg.get('model') == 'temp':
            # a saved model's logits over a temperature: the same ranking, spread over the 0.001 steps the service
            # rounds a model's answer to (a saturated network puts most incidents at 1.000)
            z = np.load(DIR + 'logit-%s.npy' % cfg['src']) / float(cfg['t'])
            both = np.round(sigmoid(z), 3)
            pi_d, pi_a, oof = both[:len(dev)], both[len(dev):], z[:len(dev)]
        elif cfg.get('model') == 'mean':
            a, b = np.load(DIR + 'oof-%s.npy' % cfg['lr']), np.load(DIR + 'oof-%s.npy' % cfg['net'])
            both = np.round((a + b) / 2, 3)
            pi_d, pi_a, oof = both[:len(dev)], both[len(dev):], both[:len(dev)]
        if cfg.get('model') in ('temp', 'mean'):
            np.save(DIR + 'oof-%s.npy' % name, both)
        else:
            ex = [e for e in extra if float(cfg.get(e['kind'], 0)) > 0]
            ei = np.array([at[e['id']] for e in ex], dtype=int)
            ey = np.array([e['label'] == 'complaint' for e in ex], dtype=float)
            ew = np.array([float(cfg[e['kind']]) for e in ex])
            oof = np.zeros(len(dev))
            for k in range(5):
                tr = folds != k
                oof[~tr] = model_logit(C, np.concatenate([di[tr], ei]), np.concatenate([y_dev[tr], ey]),
                                       np.concatenate([np.ones(tr.sum()), ew]), di[~tr], cfg)
                print('  %s fold %d %.0fs' % (name, k, time.time() - t0), file=sys.stderr, flush=True)
            app = model_logit(C, np.concatenate([di, ei]), np.concatenate([y_dev, ey]),
                              np.concatenate([np.ones(len(dev)), ew]), ai, cfg)
            pi_d, pi_a = np.round(sigmoid(oof), 3), np.round(sigmoid(app), 3)
            np.save(DIR + 'oof-%s.npy' % name, np.concatenate([pi_d, pi_a]))
            np.save(DIR + 'logit-%s.npy' % name, np.concatenate([oof, app]))
        nk, ns = len(kursk), len(spb)
        best = grid((base_d[0], pi_d) + base_d[2:], (base_k[0], pi_a[:nk]) + base_k[2:],
                    (base_s[0], pi_a[nk:nk + ns]) + base_s[2:], P, Q, N, T, kmin=0.85, smin=0.85)
        line = '%s AUC %.4f (written %.4f) %.0fs | %s' % (name, auc(oof, y_dev), auc(oof[src == 'written'],
               y_dev[src == 'written']), time.time() - t0, fmt(best[0]))
        if best[0] is not None:
            w, fw, fl, t = best[0][6:10]
            from blend_grid import decide
            c = decide((base_c[0], pi_a[nk + ns:]) + base_c[2:], w, fw, fl, t)
            line += ' | check tweets %d of %d' % (c.sum(), base_c[2].sum())
        print(line, flush=True)


if __name__ == '__main__':
    main()
