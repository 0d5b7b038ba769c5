package io.github.ghacache.http;

import java.util.regex.Pattern;

/** Keeps tokens and signed-URL query strings out of every message and log line. */
public final class Redactor {
    private static final Pattern QUERY = Pattern.compile("(https?://[^\\s?\"']*)\\?[^\\s\"']*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern SIG = Pattern.compile("(?i)(sig=)[^&\\s\"']+");

    private final String token;

    public Redactor(String token) {
        this.token = token == null || token.length() < 8 ? null : token;
    }

    /** A URL without its query string: the part that carries SAS signatures. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?<redacted>";
    }

    /** Any text that may quote a URL, a header or the token. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (token != null) {
            out = out.replace(token, "<token>");
        }
        out = QUERY.matcher(out).replaceAll("$1?<redacted>");
        out = BEARER.matcher(out).replaceAll("$1<token>");
        return SIG.matcher(out).replaceAll("$1<redacted>");
    }
}
