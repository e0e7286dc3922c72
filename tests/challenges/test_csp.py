import json

from django.test import TestCase, override_settings

URL = "/csp-report/"
REPORT = {
    "csp-report": {
        "document-uri": "https://news.example.org/en/a-story/?reader=secret",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        "original-policy": "default-src 'self'",
    }
}


def send(client, body, ip="198.51.100.7"):
    return client.post(URL, body, content_type="application/csp-report", REMOTE_ADDR=ip)


class ViolationReportTests(TestCase):
    def test_a_report_is_logged_without_the_address_or_query_strings(self):
        with self.assertLogs("gazette.challenges.csp", "WARNING") as logged:
            response = send(self.client, json.dumps(REPORT))
        assert response.status_code == 204
        (line,) = logged.output
        assert "script-src-elem" in line
        assert "https://evil.example/x.js" in line
        assert "https://news.example.org/en/a-story/" in line
        assert "secret" not in line
        assert "198.51.100.7" not in line

    def test_nonsense_is_refused_and_not_logged(self):
        for body in ("not json", "[1, 2]", json.dumps({"csp-report": "text"})):
            with self.subTest(body=body), self.assertNoLogs("gazette.challenges.csp"):
                assert send(self.client, body).status_code == 400

    def test_an_oversized_report_is_refused(self):
        assert send(self.client, json.dumps(REPORT) + " " * 9000).status_code == 413

    @override_settings(GAZETTE_CHALLENGES={"RATES": {"csp_report": {"ip": "2/600"}}})
    def test_reports_are_limited_per_address(self):
        with self.assertLogs("gazette.challenges.csp", "WARNING") as logged:
            answers = [send(self.client, json.dumps(REPORT)).status_code for _ in range(4)]
            assert send(self.client, json.dumps(REPORT), ip="203.0.113.9").status_code == 204
        assert answers == [204, 204, 429, 429]
        assert len(logged.output) == 3

    def test_only_post_is_allowed(self):
        assert self.client.get(URL).status_code == 405
