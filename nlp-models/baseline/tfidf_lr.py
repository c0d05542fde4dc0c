#!/usr/bin/env python3
"""The issue's reference recipe for Kursk agency, as scikit-learn would run it by default, without scikit-learn
(which is not installable here): TfidfVectorizer(ngram_range=(1, 2)) and TfidfVectorizer(analyzer='char',
ngram_range=(2, 5)), each with smooth IDF and L2 norm, stacked; multinomial logistic regression, C = 1, L-BFGS.
Raw lower-cased text, HTML left in. Needs numpy and scipy.

Cross-validates on the same folds as `quarkus-run.jar crossval --task agency` (CRC32 of "kursk-<id>" modulo
--folds) and writes one JSONL line per appeal: {"id", "fold", "gold", "predicted"}. Feed the file to
`crossval --compare` for a paired comparison:

    python3 nlp-models/baseline/tfidf_lr.py --data ../shared/datasets --out /tmp/recipe.jsonl
    java -jar target/quarkus-app/quarkus-run.jar crossval --task agency --compare /tmp/recipe.jsonl
"""
import argparse
import csv
import json
import re
import sys
import zlib
from collections import Counter
from multiprocessing import Pool

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

WORD = re.compile(r'(?u)\b\w\w+\b')  # scikit-learn's default token_pattern
SPACES = re.compile(r'\s\s+')        # the char analyzer collapses whitespace runs


def word_grams(text):
    w = WORD.findall(text)
    return Counter(w + [a + ' ' + b for a, b in zip(w, w[1:])])


def char_grams(text):
    text = SPACES.sub(' ', text)
    c = Counter()
    for n in range(2, 6):
        for i in range(len(text) - n + 1):
            c[text[i:i + n]] += 1
    return c


def fit_idf(docs):
    df = Counter()
    for d in docs:
        df.update(d.keys())
    vocab = {k: i for i, k in enumerate(df)}
    idf = np.zeros(len(vocab))
    for k, i in vocab.items():
        idf[i] = np.log((1 + len(docs)) / (1 + df[k])) + 1
    return vocab, idf


def tfidf(docs, vocab, idf):
    rows, cols, vals = [], [], []
    for j, d in enumerate(docs):
        for k, x in d.items():
            if k in vocab:
                rows.append(j)
                cols.append(vocab[k])
                vals.append(x)
    m = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocab)), dtype=np.float64).multiply(idf).tocsr()
    norms = np.sqrt(m.multiply(m).sum(1)).A1
    norms[norms == 0] = 1
    return sp.diags(1 / norms) @ m


def features(train_texts, texts_by_part):
    fitted = [fit_idf([f(t) for t in train_texts]) for f in (word_grams, char_grams)]
    return [sp.hstack([tfidf([f(t) for t in texts], v, i) for f, (v, i) in zip((word_grams, char_grams), fitted)])
            .tocsr() for texts in texts_by_part]


def logistic_regression(x, y, classes, c=1.0):
    n, d = x.shape
    k = len(classes)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1

    def loss(w):
        weights, bias = w[:d * k].reshape(d, k), w[d * k:]
        z = x @ weights + bias
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        value = -c * np.sum(np.log(p[np.arange(n), y] + 1e-300)) + 0.5 * np.sum(weights * weights)
        g = p - onehot
        return value, np.concatenate([(c * (x.T @ g) + weights).ravel(), c * g.sum(0)])

    w = minimize(loss, np.zeros(d * k + k), jac=True, method='L-BFGS-B', options={'maxiter': 1000}).x
    return w[:d * k].reshape(d, k), w[d * k:]


def run_fold(job):
    rows, fold, folds = job
    train = [r for r in rows if r['fold'] != fold]
    held = [r for r in rows if r['fold'] == fold]
    classes = sorted({r['gold'] for r in train})
    index = {c: i for i, c in enumerate(classes)}
    x_train, x_held = features([r['text'] for r in train], [[r['text'] for r in train], [r['text'] for r in held]])
    weights, bias = logistic_regression(x_train, np.array([index[r['gold']] for r in train]), classes)
    predicted = (x_held @ weights + bias).argmax(1)
    out = [{'id': r['id'], 'fold': fold, 'gold': r['gold'], 'predicted': classes[p]} for r, p in zip(held, predicted)]
    right = sum(o['gold'] == o['predicted'] for o in out)
    print(f'[recipe] fold {fold}: accuracy {right / len(out):.3f} on {len(out)}', file=sys.stderr, flush=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default='../shared/datasets')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--jobs', type=int, default=2, help='folds trained in parallel (each needs about 1 GB)')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    csv.field_size_limit(10 ** 9)
    path = f'{args.data}/kursk-citizen-appeals/train_dataset_train.csv'
    with open(path, encoding='utf-8') as f:
        rows = []
        for r in csv.DictReader(f):
            key, text, gold = 'kursk-' + r['id'], r['Текст Сообщения'], r['Ответственное лицо'].strip()
            if text.strip() and gold:  # the rows the Java corpus keeps, with the same labels
                rows.append({'id': key, 'fold': zlib.crc32(key.encode()) % args.folds,
                             'text': text.lower(), 'gold': gold})
    with Pool(args.jobs) as pool:
        results = pool.map(run_fold, [(rows, k, args.folds) for k in range(args.folds)])
    with open(args.out, 'w', encoding='utf-8') as f:
        for fold in results:
            for line in fold:
                f.write(json.dumps(line, ensure_ascii=False) + '\n')
    total = sum(len(fold) for fold in results)
    right = sum(o['gold'] == o['predicted'] for fold in results for o in fold)
    print(f'[recipe] all: accuracy {right / total:.3f} on {total}', file=sys.stderr)


if __name__ == '__main__':
    main()
