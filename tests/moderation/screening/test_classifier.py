"""The site classifier learns from a small corpus of moderators' decisions in three languages."""

# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001

import math
import random
from collections import Counter

import pytest

from gazette.moderation.screening.classifier import NotEnoughExamples, SiteModel, ngrams, train

REMOVED = [
    # English: insults and spam
    "You are an idiot, nobody wants to read your garbage",
    "Shut up you pathetic clown",
    "What a moron, go back to school",
    "Only a stupid loser would write this",
    "Earn 500 dollars a day from home, click my profile",
    "Best casino bonus, register now and win",
    "Cheap loans without documents, write to me",
    "Buy followers cheap, fast delivery guaranteed",
    "The author is a brainless idiot",
    "You clowns should all be thrown out",
    "Crypto signals that never lose, join my channel",
    "Get rich quick, limited offer, click here",
    # Russian
    "Ты идиот, никто не хочет читать твой бред",
    "Заткнись, жалкий клоун",
    "Автор дебил, иди учись",
    "Только тупой неудачник мог такое написать",
    "Заработок 500 долларов в день, пиши в личку",
    "Лучшее казино, бонус за регистрацию",
    "Быстрые займы без документов, звоните",
    "Куплю подписчиков дёшево, быстро",
    "Все вы клоуны и идиоты",
    "Крипто сигналы без потерь, подписывайся на канал",
    "Легкие деньги, жми на ссылку в профиле",
    "Ты тупой как пробка",
    # Kazakh
    "Сен ақымақсың, сенің сандырағыңды ешкім оқығысы келмейді",
    "Аузыңды жап, байғұс мазақ",
    "Автор ақымақ, барып оқы",
    "Мұны тек топас адам ғана жаза алады",
    "Үйде отырып күніне 500 доллар табыңыз, профиліме жазыңыз",
    "Ең жақсы казино, тіркелгенге бонус",
    "Құжатсыз жылдам несие, хабарласыңыз",
    "Арзан жазылушылар сатып аламын",
    "Бәрің ақымақсыңдар",
    "Крипто сигналдар, арнама жазылыңыз",
    "Оңай ақша, профильдегі сілтемені бас",
    "Сен топас мазақсың",
]

APPROVED = [
    # English
    "The court adjourned the hearing until Monday",
    "I think the prosecutor should publish the evidence",
    "Thank you for this careful report on the trial",
    "The figures for last year look lower than in 2023",
    "Will the defence appeal the verdict?",
    "This article explains the new law clearly",
    "My neighbour was a witness and says the account is accurate",
    "The judge was right to close the hearing to protect the child",
    "How many cases were registered in Almaty?",
    "I disagree with the minister but the reporting is fair",
    "Good to see the local courts covered in depth",
    "Could you follow up on the appeal next month?",
    # Russian
    "Суд отложил заседание до понедельника",
    "Думаю, прокуратура должна опубликовать доказательства",
    "Спасибо за подробный материал о процессе",
    "Цифры за прошлый год ниже, чем в 2023",
    "Будет ли защита обжаловать приговор?",
    "Статья понятно объясняет новый закон",
    "Мой сосед был свидетелем и говорит, что всё точно",
    "Судья правильно закрыл заседание ради ребёнка",
    "Сколько дел зарегистрировано в Алматы?",
    "Я не согласен с министром, но материал честный",
    "Хорошо, что вы пишете о местных судах",
    "Напишите, пожалуйста, об апелляции в следующем месяце",
    # Kazakh
    "Сот отырысты дүйсенбіге дейін кейінге қалдырды",
    "Менің ойымша, прокуратура дәлелдерді жариялауы керек",
    "Сот процесі туралы мұқият материал үшін рахмет",
    "Өткен жылғы көрсеткіштер 2023 жылмен салыстырғанда төмен",
    "Қорғау тарапы үкімге шағымдана ма?",
    "Мақала жаңа заңды түсінікті түсіндіреді",
    "Көршім куәгер болған, бәрі дұрыс жазылған дейді",
    "Судья баланы қорғау үшін отырысты дұрыс жапты",
    "Алматыда қанша іс тіркелді?",
    "Министрмен келіспеймін, бірақ материал әділ",
    "Жергілікті соттар туралы жазғандарыңыз жақсы",
    "Келесі айда апелляция туралы жазыңызшы",
]


def split(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    cut = int(len(shuffled) * 0.7)
    return shuffled[:cut], shuffled[cut:]


def test_corpus_is_large_enough_and_multilingual():
    assert len(REMOVED) + len(APPROVED) >= 60


def test_words_of_one_letter_have_no_ngrams():
    assert set(ngrams("what a clown")) == set(ngrams("what clown"))


def test_ngrams_see_through_spacing_and_case():
    assert set(ngrams("I D I O T")) == set(ngrams("idiot"))


def held_out_accuracy(seed):
    rnd = random.Random(seed)
    train_removed, test_removed = split(REMOVED, rnd)
    train_approved, test_approved = split(APPROVED, rnd)
    trained = train(
        train_removed + train_approved,
        [True] * len(train_removed) + [False] * len(train_approved),
    )
    model = SiteModel.from_data(trained.data)
    cases = [(text, True) for text in test_removed] + [(text, False) for text in test_approved]
    correct = sum((model.score(text).probability >= 0.5) == label for text, label in cases)
    return correct / len(cases), trained.accuracy


def test_classifier_separates_held_out_comments_well_above_chance():
    # Three different 70/30 splits of 72 comments: each model is scored on 22 it never saw.
    results = [held_out_accuracy(seed) for seed in range(3)]
    held_out = sum(accuracy for accuracy, _cv in results) / len(results)
    cross_validated = sum(cv for _accuracy, cv in results) / len(results)
    print(f"held-out accuracy {held_out:.2f}, cross-validated {cross_validated:.2f} (chance 0.50)")  # noqa: T201 - the figure is reported
    assert held_out >= 0.7
    assert cross_validated >= 0.7


def test_score_names_the_ngrams_that_drove_it():
    trained = train(REMOVED + APPROVED, [True] * len(REMOVED) + [False] * len(APPROVED))
    score = SiteModel.from_data(trained.data).score("Ты идиот и клоун")
    assert score.probability > 0.5
    assert any("ид" in gram or "клоун" in gram for gram, _weight in score.top_ngrams)


def test_training_needs_examples_of_both_decisions():
    with pytest.raises(NotEnoughExamples):
        train(APPROVED, [False] * len(APPROVED))


def test_a_model_scores_as_its_numbers_say_whatever_the_length_of_a_word():
    # The model keeps its n-grams packed (hashes and arrays): the score must still be the
    # logistic of the intercept plus the L2-normalised TF-IDF n-grams times their weights.
    features = {" ki": (1.5, 2.0), "kil": (2.0, 1.0), "ll ": (1.0, -0.5), "em ": (3.0, 0.25)}
    model = SiteModel(features=features, intercept=-1.0)
    text = "kill them kill " + "x" * 400 + "m"  # a repeated word, and one of 401 letters
    counts = Counter(gram for gram in ngrams(text) if gram in features)
    values = {gram: (1 + math.log(n)) * features[gram][0] for gram, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values()))
    logit = -1.0 + sum(v / norm * features[gram][1] for gram, v in values.items())
    score = model.score(text)
    assert score.probability == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-12)
    assert [gram for gram, _push in score.top_ngrams] == [" ki", "kil", "em "]
