#!/usr/bin/env python3
"""The issue's reference recipe, as scikit-learn would run it by default, without scikit-learn (which is not
installable here): TfidfVectorizer(ngram_range=(1, 2)) and TfidfVectorizer(analyzer='char', ngram_range=(2, 5)),
each with smooth IDF and L2 norm, stacked; LogisticRegression(C=1), L-BFGS (multinomial, or one sigmoid for two
classes as scikit-learn does). Raw lower-cased text, HTML left in. Needs numpy and scipy.

--task agency (Kursk `Ответственное лицо`): cross-validates on the same folds as `quarkus-run.jar crossval
--task agency` (CRC32 of "kursk-<id>" modulo --folds) and writes one JSONL line per appeal: {"id", "fold",
"gold", "predicted"}. Feed the file to `crossval --compare` for a paired comparison:

    python3 nlp-models/baseline/tfidf_lr.py --data ../shared/datasets --out /tmp/recipe.jsonl
    java -jar target/quarkus-app/quarkus-run.jar crossval --task agency --compare /tmp/recipe.jsonl

--input FILE --text-field X --label-field Y does the same on a region's own history (JSONL), with the ids and folds
`crossval --input` gives its rows ("line-<n>"):

    python3 nlp-models/baseline/tfidf_lr.py --input history.jsonl --text-field text --label-field executor_org \
        --out /tmp/recipe-spb.jsonl
    java -jar target/quarkus-app/quarkus-run.jar crossval --task agency --input history.jsonl --text-field text \
        --label-field executor_org --compare /tmp/recipe-spb.jsonl

--task skoltech (inappropriate messages, Version1/appropriateness/val.csv; its test file is held back): the
published task's label, inappropriate >= 0.5, on the project's split of val.csv (dev when CRC32 of the row's id
"skol-<hex of Java's String.hashCode of the text>" modulo 5 is 0, as `Split.isDev` and the conflict corpus);
the recipe trains on every row of the training side and is scored on the dev side by F1 of the inappropriate
class. --dev-texts writes the dev rows as `analyze` input; --ours reads `analyze`'s output for them (the
service's own decision: conflict label, i.e. p(conflict) >= 0.5; a post not analysed as Russian is not
flagged) and prints both F1s with a paired bootstrap interval of the difference:

    python3 nlp-models/baseline/tfidf_lr.py --task skoltech --data ../shared/datasets \
        --dev-texts /tmp/skol-dev.jsonl --out /tmp/skol-recipe.jsonl
    java -jar target/quarkus-app/quarkus-run.jar analyze < /tmp/skol-dev.jsonl > /tmp/skol-ours.jsonl
    python3 nlp-models/baseline/tfidf_lr.py --task skoltech --data ../shared/datasets \
        --from /tmp/skol-recipe.jsonl --ours /tmp/skol-ours.jsonl
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
    """Weights (features × classes) and biases; the intercept is not penalised, as in scikit-learn's L-BFGS."""
    if len(classes) == 2:
        return binary_logistic_regression(x, y, c)
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


def binary_logistic_regression(x, y, c=1.0):
    """One sigmoid, as scikit-learn fits two classes (a two-class softmax would halve the penalty); returned as
    two columns (class 0 with zero weights) so that argmax and softmax read it like the multinomial case."""
    n, d = x.shape
    sign = np.where(y == 1, 1.0, -1.0)

    def loss(w):
        z = sign * (x @ w[:d] + w[d])
        log_p = -np.logaddexp(0, -z)
        g = -sign * np.exp(-np.logaddexp(0, z))  # d(-log sigmoid(z))/d(x·w) = -sign · sigmoid(-z)
        return -c * log_p.sum() + 0.5 * w[:d] @ w[:d], np.concatenate([c * (x.T @ g) + w[:d], [c * g.sum()]])

    w = minimize(loss, np.zeros(d + 1), jac=True, method='L-BFGS-B', options={'maxiter': 1000}).x
    return np.column_stack([np.zeros(d), w[:d]]), np.array([0.0, w[d]])


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


def java_hash_hex(text):
    """Integer.toHexString(text.hashCode()): the id the Java corpus gives a Skoltech row."""
    h = 0
    data = text.encode('utf-16-le')
    for i in range(0, len(data), 2):
        h = (31 * h + int.from_bytes(data[i:i + 2], 'little')) & 0xFFFFFFFF
    return format(h, 'x')


def skoltech_rows(data):
    """Every row of val.csv with its id, split side and the published label (inappropriate >= 0.5)."""
    rows = []
    with open(f'{data}/skoltech-inappropriate-sensitive/Version1/appropriateness/val.csv', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            try:
                score = float(r['inappropriate'])
            except ValueError:
                continue
            if not r['text'].strip():
                continue
            key = 'skol-' + java_hash_hex(r['text'])
            rows.append({'id': key, 'dev': zlib.crc32(key.encode()) % 5 == 0, 'text': r['text'],
                         'gold': 'conflict' if score >= 0.5 else 'none'})
    return rows


def f1(gold, predicted, positive='conflict'):
    tp = sum(g == positive and p == positive for g, p in zip(gold, predicted))
    fp = sum(g != positive and p == positive for g, p in zip(gold, predicted))
    fn = sum(g == positive and p != positive for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), precision, recall


def paired_bootstrap_f1(gold, a, b, resamples=10_000, seed=20261128):
    """95 % interval of F1(a) − F1(b) over resamples of the same rows (paired: both systems see the same rows)."""
    g = np.array([x == 'conflict' for x in gold])
    pa = np.array([x == 'conflict' for x in a])
    pb = np.array([x == 'conflict' for x in b])
    rng = np.random.default_rng(seed)
    diffs = np.empty(resamples)
    for r in range(resamples):
        i = rng.integers(0, len(g), len(g))
        diffs[r] = f1_counts(g[i], pa[i]) - f1_counts(g[i], pb[i])
    return np.percentile(diffs, 2.5), np.percentile(diffs, 97.5)


def f1_counts(g, p):
    tp = np.sum(g & p)
    denominator = 2 * tp + np.sum(~g & p) + np.sum(g & ~p)
    return 2 * tp / denominator if denominator else 0.0


def read_ours(path):
    """`analyze` output or any JSONL with "id" and "predicted". From `analyze`: the inappropriate output since
    2026-12-05 (inappropriate.label), the conflict label before it existed; null = not analysed as Russian = not
    flagged. Either flag counts as the positive class ("conflict", as the gold labels are named here)."""
    ours = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            node = json.loads(line)
            if 'predicted' in node:
                ours[node['id']] = node['predicted']
            elif 'inappropriate' in node:
                flagged = (node.get('inappropriate') or {}).get('label') == 'inappropriate'
                ours[node['id']] = 'conflict' if flagged else 'none'
            else:
                ours[node['id']] = (node.get('conflict') or {}).get('label', 'none')
    return ours


def recipe_scores(train, held):
    """The recipe trained on `train`: p(inappropriate) of each held row."""
    classes = ['none', 'conflict']
    x_train, x_held = features([r['text'].lower() for r in train],
                               [[r['text'].lower() for r in train], [r['text'].lower() for r in held]])
    weights, bias = logistic_regression(x_train, np.array([classes.index(r['gold']) for r in train]), classes)
    z = x_held @ weights + bias
    return 1 / (1 + np.exp(z[:, 0] - z[:, 1]))


def best_threshold(gold, score):
    candidates = np.arange(0.05, 0.96, 0.01)
    return max(candidates, key=lambda t: f1(gold, ['conflict' if s >= t else 'none' for s in score])[0])


def skoltech(args):
    rows = skoltech_rows(args.data)
    train = [r for r in rows if not r['dev']]
    dev = [r for r in rows if r['dev']]
    positives = sum(r['gold'] == 'conflict' for r in dev)
    print(f'[recipe] skoltech val.csv: {len(train)} training rows, {len(dev)} dev rows ({positives} inappropriate)',
          file=sys.stderr, flush=True)
    if args.dev_texts:
        with open(args.dev_texts, 'w', encoding='utf-8') as f:
            for r in dev:
                f.write(json.dumps({'id': r['id'], 'text': r['text']}, ensure_ascii=False) + '\n')
    if not args.from_file:
        score = recipe_scores(train, dev)
        # scikit-learn's predict is p >= 0.5; a second variant takes the best-F1 threshold on a slice of the
        # training side (CRC32 of "<id>#tune" modulo 5 = 0) scored by a model trained on the rest of it
        in_tune = [zlib.crc32((r['id'] + '#tune').encode()) % 5 == 0 for r in train]
        tune = [r for r, t in zip(train, in_tune) if t]
        tune_score = recipe_scores([r for r, t in zip(train, in_tune) if not t], tune)
        threshold = best_threshold([r['gold'] for r in tune], tune_score)
        print(f'[recipe] best-F1 threshold on {len(tune)} training-side rows: {threshold:.2f}', file=sys.stderr)
        with open(args.out, 'w', encoding='utf-8') as f:
            for r, s in zip(dev, score):
                f.write(json.dumps({'id': r['id'], 'fold': 0, 'gold': r['gold'],
                                    'predicted': 'conflict' if s >= 0.5 else 'none',
                                    'tuned': 'conflict' if s >= threshold else 'none',
                                    'score': round(float(s), 4)}, ensure_ascii=False) + '\n')
    with open(args.from_file or args.out, encoding='utf-8') as f:
        recipe = {o['id']: o for o in map(json.loads, f)}
    gold = [r['gold'] for r in dev]
    mine = [recipe[r['id']]['predicted'] for r in dev]
    print('| system | F1 (inappropriate) | precision | recall |')
    print('|---|---:|---:|---:|')
    print('| recipe (p >= 0.5) | %.3f | %.3f | %.3f |' % f1(gold, mine))
    tuned = [recipe[r['id']]['tuned'] for r in dev]
    print('| recipe (threshold from the training side) | %.3f | %.3f | %.3f |' % f1(gold, tuned))
    if args.ours:
        ours = read_ours(args.ours)
        missing = [r['id'] for r in dev if r['id'] not in ours]
        if missing:
            sys.exit(f'{args.ours} has no prediction for {len(missing)} dev rows, e.g. {missing[0]}')
        theirs = [ours[r['id']] for r in dev]
        print('| ours | %.3f | %.3f | %.3f |' % f1(gold, theirs))
        print()
        for name, other in (('recipe (p >= 0.5)', mine), ('recipe (threshold from the training side)', tuned)):
            low, high = paired_bootstrap_f1(gold, theirs, other)
            print(f'ours − {name}: {f1(gold, theirs)[0] - f1(gold, other)[0]:+.3f} F1, 95 % interval {low:+.3f} '
                  f'to {high:+.3f} (paired bootstrap over the {len(dev)} dev rows, 10000 resamples)')


def kursk_rows(data):
    csv.field_size_limit(10 ** 9)
    with open(f'{data}/kursk-citizen-appeals/train_dataset_train.csv', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            yield 'kursk-' + r['id'], r['Текст Сообщения'], r['Ответственное лицо'].strip()


def history_rows(path, text_field, label_field):
    """A region's own history as `crossval --input` reads it (JSONL only): id "line-<line number>", rows with a
    blank text or label left out, so that both systems see the same rows under the same ids and folds."""
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                node = json.loads(line)
                yield f'line-{n}', str(node.get(text_field) or ''), str(node.get(label_field) or '').strip()


def agency(args):
    source = (history_rows(args.input, args.text_field, args.label_field) if args.input
              else kursk_rows(args.data))
    rows = [{'id': key, 'fold': zlib.crc32(key.encode()) % args.folds, 'text': text.lower(), 'gold': gold}
            for key, text, gold in source
            if text.strip() and gold]  # the rows the Java corpus keeps, with the same labels
    with Pool(args.jobs) as pool:
        results = pool.map(run_fold, [(rows, k, args.folds) for k in range(args.folds)])
    with open(args.out, 'w', encoding='utf-8') as f:
        for fold in results:
            for line in fold:
                f.write(json.dumps(line, ensure_ascii=False) + '\n')
    total = sum(len(fold) for fold in results)
    right = sum(o['gold'] == o['predicted'] for fold in results for o in fold)
    print(f'[recipe] all: accuracy {right / total:.3f} on {total}', file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--task', choices=['agency', 'skoltech'], default='agency')
    ap.add_argument('--data', default='../shared/datasets')
    ap.add_argument('--folds', type=int, default=5, help='agency: cross-validation folds')
    ap.add_argument('--input', help='agency: a region\'s own history (JSONL) instead of Kursk, as `crossval --input`')
    ap.add_argument('--text-field', default='text', help='agency --input: the text field')
    ap.add_argument('--label-field', default='label', help='agency --input: the label field')
    ap.add_argument('--jobs', type=int, default=2, help='agency: folds trained in parallel (each needs about 1 GB)')
    ap.add_argument('--out', help='the recipe\'s held-out predictions (JSONL); required unless --from')
    ap.add_argument('--dev-texts', help='skoltech: write the dev rows as `analyze` input')
    ap.add_argument('--from', dest='from_file', help='skoltech: re-read an earlier --out instead of training')
    ap.add_argument('--ours', help='skoltech: `analyze` output for the dev rows, compared with the recipe')
    args = ap.parse_args()
    if args.task == 'skoltech':
        if not args.out and not args.from_file:
            ap.error('skoltech needs --out or --from')
        skoltech(args)
    elif not args.out:
        ap.error('--out is required for agency')
    else:
        agency(args)


if __name__ == '__main__':
    main()
