"""The screening engine: everything that decides automatically what happens to a new comment.

- normalise.py: the clean form and the look-alike skeleton of a text;
- termmatch.py: the term lists, matched in one pass;
- heuristics.py, sketch.py: links and capitals; near-duplicate sketches;
- classifier.py, profanity.py: the site's trained classifier and the English language model;
- rules.py: what staff set, loaded once per change;
- verdict.py: the reading half, a Verdict for a Submission;
- records.py, memory.py: the writing half, in the comment's own transaction;
- training.py: retraining the site classifier from moderators' decisions.

Nothing is imported here, so that models may import the enumerations of termmatch.py.
"""
