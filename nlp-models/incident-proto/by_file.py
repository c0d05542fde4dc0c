"""Where the incident decision loses recall: cross-validated recall and false alarms per labelled file and per kind
of post (docs/nlp.md, "Where recall is lost").

Input: rows.tsv of `crossval --task incident --out` (every labelled dev row's out-of-fold answers, the shipped
recipe) and one setting of the decision (IncidentDecider.Blend.DEFAULT and DEFAULT_THRESHOLD by default). The kinds
are the ones issue 17 names and labellers K and L wrote on purpose, recognised by a pattern on the text (a row can be
of several kinds, or of none); `none` rows by kind too (news of breakdowns, official replies, adverts…).

python3 by_file.py rows.tsv [w floor floor_w threshold]
"""
import re, sys
import numpy as np

sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, signals, decide  # noqa: E402

FILES = [('tweets-news', re.compile(r'^(tw|news)-')), ('written-posts', re.compile(r'^post-\d'))] + [
    ('written-posts-' + c, re.compile(r'^post-' + c + r'\d')) for c in 'bcdefghijklmnopqrstuvwx']

INCIDENT_KINDS = [
    ('short, with a photo / video / wall link', lambda t: len(t) <= 200 and re.search(
        r'(vk\.com|vk\.cc|ok\.ru|t\.me)/\S*(photo|video|wall|clip)|\b(фото|видео) ?(во вложении|ниже)', t, re.I)),
    ('«подскажите / скажите / поясните»', lambda t: re.search(r'\b(подскажите|скажите|поясните|объясните)', t, re.I)),
    ('wish or suggestion', lambda t: re.search(
        r'хотелось бы|было бы (здорово|хорошо|неплохо|классно|правильно)|предлагаю|нельзя ли|а можно|можно ли|'
        r'почему бы не|хорошо бы|давайте', t, re.I)),
    ('mention first (`[club…|…]`, `[id…|…]`, `@…`)', lambda t: re.match(r'\s*(\[(club|id|public)\d+\||@\w)', t)),
    ('long story (≥ 250 characters)', lambda t: len(t) >= 250),
    ('none of these', None),
]
NONE_KINDS = [
    ('real tweets (RuSentiTweet)', lambda r: r['source'] == 'rusentitweet'),
    ('Lenta news, Telegram / VK fixtures', lambda r: r['source'] in ('lenta', 'telegram', 'vk-fixture')),
    ('official reply (an official-reply rule or its wording)', lambda r: 'official-reply' in r['rules'] or re.search(
        r'ваш[еа]? (обращени|сообщени|заявк|вопрос)|по вашему (обращени|сообщени|вопрос)|благодарим за обращени|'
        r'сообщаем,? что|информируем|передан[оа]? в |взят[оа]? на контроль|направлен[оа]? в ', r['text'], re.I)),
    ('advert', lambda r: re.search(
        r'скидк|акци[яи]|продам|продаю|куплю|звоните|закаж|доставк|₽|руб\.|вакансi?и|требуются|промокод|'
        r'записывайтесь|запись по|недорого|гарантия', r['text'], re.I)),
    ('news / notice of a breakdown, outage or works', lambda r: re.search(
        r'прорвал|авари|отключ|обесточ|ведутся работы|ремонтные работы|бригад|перекрыт|ограничен|возобновлен|'
        r'восстановлен|устранен|ДТП|столкнул', r['text'], re.I)),
    ('other written none', None),
]


def main():
    rows = load(sys.argv[1])
    w, fl, fw, t = (float(x) for x in sys.argv[2:6]) if len(sys.argv) > 5 else (0.3, 0.3, 0.2, 0.985)
    flagged = decide(signals(rows), w, fw, fl, t)
    gold = np.array([r['gold'] for r in rows])
    print('Setting: complaint weight %.2f, rule floor %.2f, floor\'s complaint weight %.2f, threshold %.3f; %d dev rows.'
          % (w, fl, fw, t, len(rows)))
    print()
    print('| file | dev rows | problems | problem recall | questions | question recall | none | false alarms |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')

    def cell(mask):
        return '%.3f' % flagged[mask].mean() if mask.any() else '—'
    for name, pat in FILES + [('**all**', re.compile(''))]:
        m = np.array([bool(pat.match(r['id'])) for r in rows])
        P, Q, N = m & (gold == 'problem'), m & (gold == 'question'), m & (gold == 'none')
        fa = '%.1f %% (%d)' % (100 * flagged[N].mean(), flagged[N].sum()) if N.any() else '—'
        print('| %s | %d | %d | %s | %d | %s | %d | %s |' % (name, m.sum(), P.sum(), cell(P), Q.sum(), cell(Q),
                                                             N.sum(), fa))
    print()
    print('| incidents by kind (all files) | problems | problem recall | questions | question recall | K and L: incidents | their recall |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    kl = np.array([bool(re.match(r'^post-[kl]\d', r['id'])) for r in rows])
    inc = gold != 'none'
    seen = np.zeros(len(rows), bool)
    for name, f in INCIDENT_KINDS:
        m = ~seen if f is None else np.array([bool(f(r['text'])) for r in rows])
        seen |= m
        P, Q, K = m & (gold == 'problem'), m & (gold == 'question'), m & inc & kl
        print('| %s | %d | %s | %d | %s | %d | %s |' % (name, P.sum(), cell(P), Q.sum(), cell(Q), K.sum(), cell(K)))
    print()
    print('| none by kind (all files) | none rows | false alarms | K and L: none | their false alarms |')
    print('|---|---:|---:|---:|---:|')
    seen = np.zeros(len(rows), bool)
    N = gold == 'none'
    for name, f in NONE_KINDS:
        m = (N & ~seen & np.array([r['source'] == 'written' for r in rows])) if f is None else (
            N & np.array([bool(f(r)) for r in rows]))
        seen |= m
        print('| %s | %d | %s | %d | %s |' % (name, m.sum(), '%.1f %% (%d)' % (100 * flagged[m].mean(), flagged[m].sum())
                                               if m.any() else '—', (m & kl).sum(),
                                               '%.1f %%' % (100 * flagged[m & kl].mean()) if (m & kl).any() else '—'))


if __name__ == '__main__':
    main()
