package io.github.ghacache.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhYyI6IltdIn0.c2lnbmF0dXJl";

    @Test
    void urlLosesItsQueryString() {
        assertThat(Redactor.url("https://acct.blob.core.windows.net/c/b?sv=2023&sig=SECRET&se=2026"))
                .isEqualTo("https://acct.blob.core.windows.net/c/b?<redacted>");
        assertThat(Redactor.url("http://127.0.0.1:8080/twirp/x")).isEqualTo("http://127.0.0.1:8080/twirp/x");
    }

    @Test
    void textLosesTheTokenBearerValuesSignaturesAndQueryStrings() {
        String text = "GET http://h/b?sp=r&sig=abc%2Bdef failed; Authorization: Bearer " + TOKEN + " and " + TOKEN
                + " sig=zzz";

        String out = new Redactor(TOKEN).text(text);

        assertThat(out).doesNotContain(TOKEN).doesNotContain("abc%2Bdef").doesNotContain("zzz")
                .contains("http://h/b?<redacted>", "Bearer <token>");
    }

    @Test
    void nullsStayNull() {
        assertThat(new Redactor(null).text(null)).isNull();
        assertThat(Redactor.url(null)).isNull();
    }
}
