from django.test import TestCase

from tests.factories import ArticleFactory


class ArticlePageSmokeTests(TestCase):
    def test_published_article_is_served(self) -> None:
        article = ArticleFactory()
        response = self.client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert article.headline in response.content.decode()
