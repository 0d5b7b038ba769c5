package io.github.ghacache.server;

import io.github.ghacache.server.auth.TokenScope;
import io.github.ghacache.server.fault.FaultSpec;
import io.github.ghacache.server.store.StoreSettings;
import io.github.ghacache.server.v2.MissShape;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The standalone server's command line, parsed without side effects (so it is unit-tested). */
final class CliOptions {
    static final String HELP = String.join("\n",
            "Usage: java -jar gha-cache-server.jar [options]",
            "",
            "A GitHub Actions cache service (v1 REST, v2 Twirp, Azure-Blob subset) on local disk.",
            "The first line printed is: ACTIONS_CACHE_URL=<v1 base> ACTIONS_RESULTS_URL=<v2 base> ACTIONS_RUNTIME_TOKEN=<jwt>",
            "(eval-able). Add ACTIONS_CACHE_SERVICE_V2=True to make clients pick v2. Serves until stopped.",
            "",
            "Options:",
            "  --port N                  port to listen on; 0 picks a free one (default 0)",
            "  --host ADDR               address to bind (default 127.0.0.1)",
            "  --advertise-host NAME     host name put in URLs, when clients reach the server by another name",
            "  --dir DIR                 where entries are kept (default: a temporary directory); kept across restarts",
            "  --cap SIZE                repository size cap, LRU eviction beyond it, e.g. 10g, 500m (default 10 GB)",
            "  --idle-eviction DURATION  remove entries not accessed for this long (default 7d)",
            "  --reservation-ttl DURATION  an unfinished upload blocks its key this long (default 24h)",
            "  --visibility-delay DURATION  committed entries stay invisible this long (default 0; 3s mimics v2)",
            "  --creates-per-minute N    entry creations per minute before 429 (default 200; 0 = unlimited)",
            "  --case-sensitive-keys     match keys case-sensitively (default: case-insensitive, as github.com)",
            "  --ref REF                 the token's writable scope (default refs/heads/main)",
            "  --read-ref REF            an extra read-only scope, e.g. the default branch (repeatable)",
            "  --token-lifetime DURATION lifetime of the printed token (default 6h)",
            "  --download-url-lifetime DURATION  signed download URL lifetime (default 10m)",
            "  --upload-url-lifetime DURATION    signed upload URL lifetime (default 1h)",
            "  --miss-shape ok-false|empty|not-found  v2 miss answer (default ok-false, the real one)",
            "  --v1-error-bom            prefix v1 error JSON with a UTF-8 BOM (seen on the real 429)",
            "  --v1-retired              answer every v1 call 422 \"legacy service is shutting down\"",
            "  --fault SPEC              inject a fault (repeatable): " + FaultSpec.SYNTAX,
            "                            e.g. v2-create=429:5@2  v1=503@1  blob-get=truncate:100  any=latency:500@3",
            "                            endpoints: v1-lookup v1-reserve v1-upload v1-commit v1-list v2-create",
            "                            v2-finalize v2-get-url blob-put blob-put-block blob-put-block-list blob-get",
            "  --verbose                 print one line per request on stderr (no query strings: SAS stays secret)",
            "  --help                    this text",
            "",
            "DURATION: 500ms, 30s, 10m, 6h, 7d or plain seconds. SIZE: bytes, or with k/m/g/t (powers of 1024).");

    String host = "127.0.0.1";
    String advertiseHost;
    int port;
    Path dir;
    StoreSettings settings = StoreSettings.defaults();
    String ref = "refs/heads/main";
    List<String> readRefs = new ArrayList<>();
    Duration tokenLifetime = Duration.ofHours(6);
    Duration downloadUrlLifetime = Duration.ofMinutes(10);
    Duration uploadUrlLifetime = Duration.ofHours(1);
    MissShape missShape = MissShape.OK_FALSE;
    boolean v1ErrorBom;
    List<FaultSpec> faults = new ArrayList<>();
    boolean verbose;
    boolean help;

    static CliOptions parse(String... args) {
        CliOptions o = new CliOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> o.help = true;
                case "--verbose" -> o.verbose = true;
                case "--case-sensitive-keys" -> o.settings = o.settings.withCaseInsensitiveKeys(false);
                case "--v1-error-bom" -> o.v1ErrorBom = true;
                case "--v1-retired" -> o.faults.add(FaultSpec.parse("v1=422"));
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value (see --help)");
                        }
                        value = args[++i];
                    }
                    o.option(arg, value);
                }
            }
        }
        return o;
    }

    private void option(String name, String value) {
        switch (name) {
            case "--port" -> port = integer(name, value, 0, 65535);
            case "--host" -> host = value;
            case "--advertise-host" -> advertiseHost = value;
            case "--dir" -> dir = Paths.get(value);
            case "--cap" -> settings = settings.withCapBytes(size(name, value));
            case "--idle-eviction" -> settings = settings.withIdleEviction(duration(name, value));
            case "--reservation-ttl" -> settings = settings.withReservationTtl(duration(name, value));
            case "--visibility-delay" -> settings = settings.withVisibilityDelay(duration(name, value));
            case "--creates-per-minute" -> settings = settings.withCreatesPerMinute(integer(name, value, 0, Integer.MAX_VALUE));
            case "--ref" -> ref = value;
            case "--read-ref" -> readRefs.add(value);
            case "--token-lifetime" -> tokenLifetime = duration(name, value);
            case "--download-url-lifetime" -> downloadUrlLifetime = duration(name, value);
            case "--upload-url-lifetime" -> uploadUrlLifetime = duration(name, value);
            case "--miss-shape" -> missShape = switch (value.toLowerCase(Locale.ROOT)) {
                case "ok-false" -> MissShape.OK_FALSE;
                case "empty" -> MissShape.EMPTY;
                case "not-found" -> MissShape.NOT_FOUND;
                default -> throw new IllegalArgumentException("--miss-shape must be ok-false, empty or not-found");
            };
            case "--fault" -> faults.add(FaultSpec.parse(value));
            default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
        }
    }

    List<TokenScope> scopes() {
        List<TokenScope> scopes = new ArrayList<>();
        scopes.add(TokenScope.readWrite(ref));
        readRefs.forEach(r -> scopes.add(TokenScope.readOnly(r)));
        return scopes;
    }

    static Duration duration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.replaceAll("[smhd]$", ""));
            return switch (v.charAt(v.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a duration like 500ms, 30s, 10m, 6h, 7d");
        }
    }

    static long size(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        try {
            int shift = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                case 't' -> 40;
                default -> 0;
            };
            long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a size like 1048576, 500m, 10g");
        }
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' must be a number from " + min + " to " + max);
        }
    }
}
