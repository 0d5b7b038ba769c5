package io.github.ghacache.storage.gha;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.http.Deadline;
import io.github.ghacache.http.HttpTransport;
import io.github.ghacache.http.Redactor;
import io.github.ghacache.http.RetryPolicy;
import io.github.ghacache.storage.StoredPack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our blob transfers against Azurite, Microsoft's Azure Storage emulator (npm package {@code azurite},
 * installed by this test under target/ and started on 127.0.0.1): proof that the upload and ranged-read code
 * speaks real Azure Blob, not only our own server. Signed with the emulator's published development key.
 */
class AzuriteBlobTest {
    private static final String AZURITE_VERSION = "3.37.0";
    private static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String CONTAINER = "gha-cache";

    @TempDir
    static Path data;

    private static Process azurite;
    private static int port;
    private static String sas;
    private static HttpTransport http;
    private static ExecutorService transfers;

    @BeforeAll
    static void startAzurite() throws Exception {
        Path prefix = Path.of("target", "azurite").toAbsolutePath();
        Path main = prefix.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.exists(main)) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            Optional<String> npm = onPath("npm");
            if (npm.isEmpty() && !ci) {
                Assumptions.abort("npm is not installed; on CI this test fails instead");
            }
            Files.createDirectories(prefix);
            run(prefix, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix",
                    prefix.toString(), "azurite@" + AZURITE_VERSION), 600);
        }
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        azurite = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                Integer.toString(port), "--location", data.toString(), "--silent", "--skipApiVersionCheck",
                "--loose")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("azurite.log").toFile())
                .start();
        waitForPort(port, Duration.ofSeconds(60));
        sas = accountSas();
        http = new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(30), 8,
                Deadline.after(Duration.ofMinutes(5)), RetryPolicy.standard(), new Redactor(null), () -> { });
        transfers = Executors.newFixedThreadPool(4);
        HttpTransport.Response r = http.send("PUT", base() + "/" + CONTAINER + "?restype=container&" + sas,
                Map.of("x-ms-version", AzureBlob.API_VERSION), () -> new ByteArrayEntity(new byte[0], null), true);
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        if (transfers != null) {
            transfers.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
        if (azurite != null) {
            azurite.destroy();
            if (!azurite.waitFor(10, TimeUnit.SECONDS)) {
                azurite.destroyForcibly();
            }
        }
    }

    @Test
    void smallPackGoesUpInOnePutBlobAndComesBackWholeAndByRanges() throws Exception {
        Path pack = randomFile("small", 200_000, 1);
        String url = blobUrl("small");

        new AzureBlob(http, transfers, 1 << 20, 256 * 1024).upload(url, pack, Files.size(pack));

        assertRoundTrip(url, pack);
    }

    @Test
    void largePackGoesUpInParallelBlocksAndComesBackInParallelRanges() throws Exception {
        Path pack = randomFile("large", 3 * 1024 * 1024 + 5, 2);
        String url = blobUrl("large");

        new AzureBlob(http, transfers, 512 * 1024, 256 * 1024).upload(url, pack, Files.size(pack));

        assertRoundTrip(url, pack);
    }

    private static void assertRoundTrip(String url, Path pack) throws Exception {
        byte[] expected = Files.readAllBytes(pack);
        StoredPack remote = RemotePack.open(http, url, "k", Optional::empty, transfers, 300 * 1024);
        assertThat(remote.size()).isEqualTo(expected.length);
        Path copy = Files.createTempFile(data, "copy", ".bin");
        remote.copyRange(0, remote.size(), copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(expected);
        int from = expected.length - 700_000 > 0 ? expected.length - 700_000 : 10;
        try (InputStream in = remote.openRange(from, 600_000 > expected.length - from ? 50 : 600_000)) {
            byte[] part = in.readAllBytes();
            assertThat(part).isEqualTo(Arrays.copyOfRange(expected, from, from + part.length));
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    private static String blobUrl(String name) {
        return base() + "/" + CONTAINER + "/" + name + "?" + sas;
    }

    /** An account SAS (blob service; service, container and object; read-write-create) valid for a day. */
    private static String accountSas() throws Exception {
        String version = "2021-08-06";
        String expiry = java.time.Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        String toSign = ACCOUNT + "\n" + "racwdl" + "\n" + "b" + "\n" + "sco" + "\n" + "" + "\n" + expiry + "\n"
                + "" + "\n" + "" + "\n" + version + "\n" + "" + "\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(DEV_KEY), "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return "sv=" + version + "&ss=b&srt=sco&sp=racwdl&se=" + URLEncoder.encode(expiry, StandardCharsets.UTF_8)
                + "&sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8);
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path p = data.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static Optional<String> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return Optional.of(Path.of(dir, command).toString());
            }
        }
        return Optional.empty();
    }

    private static void run(Path dir, List<String> command, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static void waitForPort(int port, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!azurite.isAlive()) {
                throw new IllegalStateException("azurite exited: " + Files.readString(data.resolve("azurite.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("azurite did not listen on " + port + " within " + max);
    }
}
