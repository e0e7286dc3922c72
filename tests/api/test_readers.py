from django.test import TestCase


class ReaderTokenTests(TestCase):
    def test_a_new_reader_gets_a_token_and_a_known_one_keeps_theirs(self):
        first = self.client.post("/api/v1/readers")
        assert first.status_code == 201
        token = first.json()["reader_token"]
        again = self.client.post("/api/v1/readers", HTTP_X_GAZETTE_READER=token)
        assert again.status_code == 200
        assert again.json()["reader_token"] == token

    def test_a_forged_token_is_replaced_by_a_new_one(self):
        response = self.client.post("/api/v1/readers", HTTP_X_GAZETTE_READER="forged:token")
        assert response.status_code == 201
        assert response.json()["reader_token"] != "forged:token"

    def test_no_cookie_is_set(self):
        assert not self.client.post("/api/v1/readers").cookies
