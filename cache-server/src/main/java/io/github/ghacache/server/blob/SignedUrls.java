package io.github.ghacache.server.blob;

import io.github.ghacache.server.http.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azure-SAS-like URLs for one blob: {@code http://host:port/devstoreaccount1/actions-cache/<id>?sv=..&sr=b&sp=..&se=..&sig=..}.
 * The three-segment path is what the Azure JS SDK expects for an IP host (path-style addressing). {@code sig} is an
 * HMAC over path, permissions and expiry, so a URL cannot be widened or extended; upload URLs carry {@code cw},
 * download URLs {@code r}.
 */
public final class SignedUrls {
    public static final String CONTAINER = "actions-cache";
    public static final String SIGNED_VERSION = "2025-01-05";

    /** Outcome of checking a request's SAS. */
    public record Verdict(boolean ok, String detail) {
        static final Verdict OK = new Verdict(true, null);

        static Verdict fail(String detail) {
            return new Verdict(false, detail);
        }
    }

    private final byte[] secret = new byte[32];
    private final Clock clock;
    private volatile String origin;
    private volatile Duration uploadTtl;
    private volatile Duration downloadTtl;

    public SignedUrls(Clock clock, Duration uploadTtl, Duration downloadTtl) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
        this.uploadTtl = uploadTtl;
        this.downloadTtl = downloadTtl;
    }

    /** Set once the port is known, e.g. {@code http://127.0.0.1:41234}. */
    public void origin(String value) {
        this.origin = value;
    }

    public void ttl(Duration upload, Duration download) {
        this.uploadTtl = upload;
        this.downloadTtl = download;
    }

    public static String path(long id) {
        return "/" + Endpoint.BLOB_ACCOUNT + "/" + CONTAINER + "/" + id;
    }

    public String uploadUrl(long id) {
        return sign(id, "cw", uploadTtl);
    }

    public String downloadUrl(long id) {
        return sign(id, "r", downloadTtl);
    }

    private String sign(long id, String permissions, Duration ttl) {
        String expiry = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS).toString();
        String path = path(id);
        return origin + path + "?sv=" + SIGNED_VERSION + "&sr=b&sp=" + permissions + "&se=" + enc(expiry)
                + "&sig=" + enc(signature(path, permissions, expiry));
    }

    /**
     * Checks that the query's SAS covers {@code path} with {@code permission} now.
     *
     * @param permission {@code r} for reads, {@code w} for writes
     */
    public Verdict verify(String path, Map<String, String> query, char permission) {
        String sp = query.get("sp");
        String se = query.get("se");
        String sig = query.get("sig");
        if (sp == null || se == null || sig == null) {
            return Verdict.fail("Signature fields not well formed (sp, se and sig are required).");
        }
        byte[] expected = signature(path, sp, se).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.fail("Signature did not match.");
        }
        if (sp.indexOf(permission) < 0) {
            return Verdict.fail("This request is not authorized to perform this operation using this permission.");
        }
        Instant expiry;
        try {
            expiry = Instant.parse(se);
        } catch (DateTimeParseException e) {
            return Verdict.fail("Signed expiry time is not a valid date.");
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiry)) {
            return expired(now, se);
        }
        return Verdict.OK;
    }

    /** The answer for an expired URL (also used when a fault forces one). */
    public static Verdict expired(Instant now, String se) {
        return Verdict.fail("Signed expiry time [" + se + "] must be after signed start time [" + now + "]");
    }

    private String signature(String path, String permissions, String expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String toSign = permissions + "\n" + expiry + "\n" + path;
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
