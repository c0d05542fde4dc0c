"""Cue families over folded text (TextNormalizer's folded form, what FeatureExtractor sees): each family names a few
tokens per post (f=… a cue, n=… / d=… / t=… a word in a cue's scope) for feat.py to append to the count matrix
(docs/nlp.md, "What the incident model sees: cue families"). Words are cut to 5 letters in a scope instead of
stemmed, so that a port needs no stemmer call.

neg      a negator (не, нет, ни, без, никто…) and the next three content words before punctuation
done     a completion verb in the past tense or a short participle (починили, вывезли, установлен), f=notdone when
         a negator stands within three words before it
thanks   спасибо / благодар / молодц, f=thanks_but when но / однако / только / a negator follows within 30 words
persist  опять, снова, до сих пор, так и не, всё ещё, «третий год», «который день», «с октября»
measure  a number with a unit (+14, 3 дня, 600 рублей, 30 км)
we       the first person and the residents (у нас, мы, мой, живу, жильцы, соседи, дети)
news     the official and news voice (сообщает, напоминаем, запланировано, состоится, по обращению…)
mood     wishes and requests (хотелось бы, нужен, прошу) and imperatives (-ите, -йте, -ьте)
cross    every content word of a clause with a completion verb (d=) or a thanks (t=)
"""
import re

WORD = re.compile(r'[^\W_]+|[.,!?;:()«»"]|\+\d+', re.U)
BREAK = set('.,!?;:()«»"')
NEGATORS = {'не', 'нет', 'ни', 'без', 'никто', 'ничего', 'никак', 'никогда', 'нигде', 'невозможно', 'нельзя', 'некому'}
FUNCTION = {'и', 'в', 'во', 'на', 'с', 'со', 'по', 'к', 'у', 'о', 'об', 'а', 'за', 'из', 'от', 'до', 'же', 'то', 'уже',
            'еще', 'так', 'и', 'даже', 'было', 'был', 'была', 'были', 'будет', 'было'}
DONE = ('почин', 'отремонт', 'восстанов', 'вывезл', 'вывезли', 'вывезен', 'убрал', 'убран', 'замени', 'заменен',
        'почисти', 'расчисти', 'очистил', 'очищен', 'установил', 'установлен', 'постав', 'открыл', 'открыт',
        'заработал', 'устранил', 'устранен', 'отсыпал', 'залатал', 'заасфальт', 'подключил', 'подключен', 'наладил',
        'сделали', 'покрасил', 'построил', 'построен', 'благоустро', 'обновил', 'обновлен', 'завершил', 'завершен',
        'сбили', 'спилил', 'решили', 'решен', 'исправил', 'исправлен', 'проложил', 'уложил', 'засыпал', 'скосил',
        'покосил', 'появил', 'дали', 'включил', 'отремонтирован', 'восстановлен', 'запустил', 'запущен', 'привел',
        'навел', 'вывез', 'откачал', 'прочистил', 'залили', 'посадил', 'высадил', 'демонтир', 'снесл', 'снесли',
        'наконец')
PAST = ('л', 'ла', 'ли', 'ло', 'лся', 'лась', 'лись', 'лось', 'ен', 'ена', 'ено', 'ены', 'ан', 'ана', 'ано', 'аны', 'ят')
THANKS = ('спасибо', 'благодар', 'молодц')
BUT = {'но', 'однако', 'только', 'правда', 'зато'}
PERSIST_WORDS = {'опять', 'снова', 'постоянно', 'вечно', 'регулярно', 'полгода', 'месяцами', 'годами', 'неделями',
                 'днями', 'всегда', 'прежнему', 'сих', 'пор'}
ORDINAL = ('втор', 'трет', 'четверт', 'пят', 'шест', 'котор', 'кажд', 'цел')
PERIOD = ('день', 'дня', 'дней', 'недел', 'месяц', 'год', 'лет', 'ночь', 'ночи', 'раз', 'зим', 'сутк', 'час')
MONTHS = ('январ', 'феврал', 'март', 'апрел', 'мая', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр',
          'декабр', 'весн', 'лет', 'осен', 'зим')
UNITS = ('градус', 'дн', 'день', 'недел', 'месяц', 'год', 'лет', 'час', 'мин', 'км', 'метр', 'м', 'см', 'рубл',
         'руб', 'р', 'тыс', 'раз', 'сутк', 'ночь', 'ночи', 'человек', 'семей', 'домов', 'квартир')
WE = {'нас', 'нам', 'мы', 'меня', 'мне', 'мой', 'моя', 'мое', 'мои', 'моего', 'моей', 'моему', 'моих', 'наш', 'наша',
      'наше', 'наши', 'нашего', 'нашей', 'нашем', 'наших', 'нашему', 'живу', 'живем', 'жильцы', 'жители', 'соседи',
      'ребенок', 'дети', 'пишу', 'прихожу', 'хожу', 'езжу', 'сама', 'сам'}
NEWS = ('напомина', 'сообща', 'сообщил', 'пишет', 'информиру', 'официальн', 'уважаемые', 'запланирован',
        'организован', 'ведется', 'составит', 'продлил', 'принимаются', 'состоится', 'пройдет', 'приглаша',
        'рассмотрен', 'обращени', 'проинформир', 'разъясня', 'планируется', 'будет проведен', 'стартовал',
        'объявля', 'анонс', 'открыта запись', 'режим работы', 'перенос')
WISH = ('хотелось', 'неплохо', 'можно ли', 'нельзя ли', 'прошу', 'просим', 'нужен', 'нужна', 'нужно', 'надо',
        'предлагаю', 'хотим', 'хотелось бы', 'пожалуйста', 'помогите', 'примите меры', 'разберитесь')


def tokens(folded):
    return WORD.findall(folded[:4000])


def neg(t):
    out, left = [], 0
    for w in t:
        if w in BREAK:
            left = 0
        elif w in NEGATORS:
            out.append('f=neg'); left = 3
        elif left and w not in FUNCTION:
            out.append('n=' + w[:5]); left -= 1
    return out


def done(t):
    out = []
    for i, w in enumerate(t):
        if w.startswith(DONE) and (w.endswith(PAST) or w == 'наконец'):
            before = t[max(0, i - 3):i]
            out.append('f=notdone' if any(b in NEGATORS for b in before) else 'f=done')
    return out


def thanks(t):
    out = []
    for i, w in enumerate(t):
        if w.startswith(THANKS):
            rest = t[i + 1:i + 30]
            out.append('f=thanks_but' if any(r in BUT or r in NEGATORS for r in rest) else 'f=thanks')
    return out


def persist(t):
    out = []
    for i, w in enumerate(t):
        nxt = t[i + 1] if i + 1 < len(t) else ''
        if w in PERSIST_WORDS or (w.startswith(ORDINAL) and nxt.startswith(PERIOD)) or \
                (w == 'с' and nxt.startswith(MONTHS)) or (w == 'так' and nxt == 'и') or (w == 'все' and nxt == 'еще'):
            out.append('f=persist')
    return out


def measure(t):
    out = []
    for i, w in enumerate(t):
        nxt = t[i + 1] if i + 1 < len(t) else ''
        if w.startswith('+') or (w.isdigit() and nxt.startswith(UNITS)):
            out.append('f=measure')
    return out


def we(t):
    return ['f=we' for w in t if w in WE]


def news(t):
    s = ' '.join(t)
    return ['f=news' for k in NEWS if k in s]


def mood(t):
    s = ' '.join(t)
    out = ['f=wish' for k in WISH if k in s]
    out += ['f=imp' for w in t if len(w) >= 5 and w.endswith(('ите', 'йте', 'ьте')) and w not in WE]
    return out


FAMILIES = {'neg': neg, 'done': done, 'thanks': thanks, 'persist': persist, 'measure': measure, 'we': we,
            'news': news, 'mood': mood}


def cross(t):
    """Completion and thanks cues crossed with the words of their clause: «трубу заменили» → d=трубу."""
    out, clause = [], []
    for w in t + ['.']:
        if w in BREAK:
            is_done = any(c.startswith(DONE) and c.endswith(PAST) for c in clause) and not any(c in NEGATORS for c in clause)
            is_thanks = any(c.startswith(THANKS) for c in clause)
            for c in clause:
                if c not in FUNCTION and not c.startswith(DONE) and not c.startswith(THANKS):
                    if is_done:
                        out.append('d=' + c[:5])
                    if is_thanks:
                        out.append('t=' + c[:5])
            clause = []
        else:
            clause.append(w)
    return out


FAMILIES['cross'] = cross
