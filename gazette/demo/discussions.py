# ruff: noqa: RUF001 - Russian text is written in Cyrillic on purpose
"""Reader discussions under a few demo articles, posted through the comments service so that
screening, counts and threading behave exactly as for real readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from gazette.accounts.readers import Reader
from gazette.articles.models import Article
from gazette.comments.models import Comment
from gazette.comments.services import post_comment, thread_for_article


@dataclass(frozen=True)
class DemoComment:
    """One comment; `reply_to` is the index of an earlier comment in the same discussion."""

    name: str
    body: str
    minutes_ago: int
    reply_to: int | None = None


DISCUSSIONS: dict[str, tuple[DemoComment, ...]] = {
    "astana-court-jails-five-over-online-investment-scheme": (
        DemoComment(
            "Marat",
            "Nine years for the organiser seems fair, but the victims will see very little of "
            "their money. Seized flats are worth a third of what was lost.",
            340,
        ),
        DemoComment(
            "Aliya K.",
            "The report says operators *read from scripts*. Were the people who wrote the "
            "scripts charged too?",
            300,
            reply_to=0,
        ),
        DemoComment(
            "Marat",
            "According to the verdict, the scripts came from the organiser himself. "
            "The supervisors only handed them out.",
            280,
            reply_to=1,
        ),
        DemoComment(
            "Serik",
            "My neighbour lost her savings in a scheme just like this. Banks should warn people "
            "before large transfers to new accounts.",
            120,
        ),
    ),
    "parliament-passes-online-fraud-law": (
        DemoComment(
            "Dana",
            "Making operators block numbers within a day is the part that matters. "
            "The rest was already in the old law.",
            95,
        ),
        DemoComment(
            "Yerlan",
            "Who pays when a bank blocks an honest transfer by mistake? The article does not say.",
            60,
            reply_to=0,
        ),
    ),
    "суд-астаны-приговорил-пятерых-организаторов-онлайн-схемы": (
        DemoComment(
            "Гульнара",
            "Хорошо, что суд назвал это мошенничеством, а не «неудачными инвестициями».",
            150,
        ),
        DemoComment(
            "Ермек",
            "Согласен. Но компенсация всё равно покроет лишь малую часть потерь.",
            110,
            reply_to=0,
        ),
    ),
    # Uzbek readers, in the Latin alphabet.
    "astana-sudi-onlayn-sxema-uchun-besh-kishini-qamoqqa-hukm-qildi": (
        DemoComment(
            "Sardor", "Toʻqqiz yil kam emas, lekin odamlar pullarini baribir ololmaydi.", 90
        ),
        DemoComment(
            "Malika",
            "Bizda ham xuddi shunday ilovalar bor. Banklar ogohlantirishi kerak.",
            60,
            reply_to=0,
        ),
    ),
    "toshkent-sudi-bir-xonadonni-ikki-marta-sotgan-notariusni-qamoqqa-hukm-qildi": (
        DemoComment(
            "Dilshod", "Notariusga ishonmasak, kimga ishonamiz? Reyestrni onlayn qilish kerak.", 70
        ),
        DemoComment(
            "Gulnora", "Oilalarga yordam berish uchun sud mol-mulkni tezroq sotishi kerak.", 45
        ),
        DemoComment(
            "Javlon",
            "Toʻgʻri, lekin kompaniya rahbarlari ham javob berishi kerak edi.",
            30,
            reply_to=1,
        ),
    ),
}


def load_discussions(articles: list[Article], now: datetime) -> int:
    """Post the demo discussions under the articles they belong to; returns how many comments."""
    by_slug = {article.slug: article for article in articles}
    posted = 0
    for slug, comments in DISCUSSIONS.items():
        article = by_slug.get(slug)
        if article is None:
            continue
        thread = thread_for_article(article)
        saved: list[Comment] = []
        for number, data in enumerate(comments):
            parent = saved[data.reply_to] if data.reply_to is not None else None
            comment = post_comment(
                thread=thread,
                reader=Reader.anonymous(f"demo-{slug[:20]}-{number}"),
                name=data.name,
                body=data.body,
                parent_id=parent.pk if parent else None,
                language=article.language,
            )
            # Spread the discussion over the hours since the article appeared.
            Comment.objects.filter(pk=comment.pk).update(
                created_at=now - timedelta(minutes=data.minutes_ago)
            )
            saved.append(comment)
        posted += len(saved)
    return posted
