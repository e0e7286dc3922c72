"""The two labelled sets stay apart: the models never learn a comment they are measured on."""

from collections import Counter

from gazette.moderation.screening import corpus
from gazette.moderation.screening.normalise import clean_form


def test_no_training_comment_is_also_in_the_evaluation_corpus():
    evaluated = {clean_form(example.text) for example in corpus.examples(corpus.EVALUATION_DIR)}
    shared = [
        example.id
        for example in corpus.examples(corpus.TRAINING_DIR)
        if clean_form(example.text) in evaluated
    ]
    assert shared == []


def test_every_training_comment_is_labelled_once_with_a_known_label():
    training = list(corpus.examples(corpus.TRAINING_DIR))
    assert {example.label for example in training} <= set(corpus.LABELS)
    repeated = [text for text, times in Counter(e.text for e in training).items() if times > 1]
    assert repeated == []
    assert len({example.id for example in training}) == len(training)
