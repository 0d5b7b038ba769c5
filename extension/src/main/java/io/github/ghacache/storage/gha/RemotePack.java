package io.github.ghacache.storage.gha;

import io.github.ghacache.http.HttpStatusException;
import io.github.ghacache.http.HttpTransport;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StorageException.Kind;
import io.github.ghacache.storage.StoredPack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack behind a signed download URL, read with HTTP Range requests: its head (index, and the whole pack
 * when small) in one request, members in parallel ranged requests. An expired URL is renewed once.
 */
final class RemotePack implements StoredPack {
    /** Enough for the index of any ordinary module, and for whole small packs. */
    static final int HEAD_PREFETCH = 512 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Finds a fresh download URL for the same entry. */
    @FunctionalInterface
    interface UrlRenewer {
        Optional<String> renew() throws IOException;
    }

    private final HttpTransport http;
    private final String matchedKey;
    private final UrlRenewer renewer;
    private final ExecutorService transfers;
    private final int chunkSize;
    private volatile String url;
    private boolean renewed;
    private byte[] head;
    private long size;

    private RemotePack(HttpTransport http, String url, String matchedKey, UrlRenewer renewer,
            ExecutorService transfers, int chunkSize) {
        this.http = http;
        this.url = url;
        this.matchedKey = matchedKey;
        this.renewer = renewer;
        this.transfers = transfers;
        this.chunkSize = chunkSize;
    }

    static RemotePack open(HttpTransport http, String url, String matchedKey, UrlRenewer renewer,
            ExecutorService transfers, int chunkSize) throws StorageException {
        RemotePack p = new RemotePack(http, url, matchedKey, renewer, transfers, chunkSize);
        p.fetchHead();
        return p;
    }

    private void fetchHead() throws StorageException {
        try {
            withRenewal(() -> {
                http.stream(url, Map.of("Range", "bytes=0-" + (HEAD_PREFETCH - 1)), (status, h, body) -> {
                    if (status == 206) {
                        long[] range = contentRange(h.get("content-range"));
                        if (range[0] != 0 || range[2] < 0) {
                            throw new IOException("unexpected Content-Range " + h.get("content-range"));
                        }
                        size = range[2];
                        head = body.readNBytes((int) (range[1] + 1));
                    } else if (status == 200) {
                        head = body.readNBytes(HEAD_PREFETCH);
                        String length = h.get("content-length");
                        size = length != null ? Long.parseLong(length) : head.length;
                    } else {
                        throw statusError(status, h);
                    }
                    if (head.length < Math.min(size, HEAD_PREFETCH)) {
                        throw new IOException("the pack's head arrived truncated");
                    }
                    return null;
                });
                return null;
            });
        } catch (HttpStatusException e) {
            throw new StorageException(e.status() == 404 || e.status() == 416 ? Kind.CORRUPT : Kind.TRANSIENT,
                    "cannot read the pack " + matchedKey + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cannot read the pack " + matchedKey + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String key() {
        return matchedKey;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public InputStream openRange(long offset, long length) throws StorageException {
        check(offset, length);
        if (offset + length <= head.length) {
            return new ByteArrayInputStream(head, (int) offset, (int) length);
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new StorageException(Kind.UNSUPPORTED, "range too large to read into memory; use copyRange");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        try {
            fetchRange(offset, length, (pos, bytes, n) -> buf.put((int) (pos - offset), bytes, 0, n));
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cannot read the pack " + matchedKey + ": " + e.getMessage(), e);
        }
        return new ByteArrayInputStream(buf.array());
    }

    @Override
    public void copyRange(long offset, long length, Path target) throws StorageException {
        check(offset, length);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Sink sink = (pos, bytes, n) -> {
                ByteBuffer b = ByteBuffer.wrap(bytes, 0, n);
                long at = pos - offset;
                while (b.hasRemaining()) {
                    at += out.write(b, at);
                }
            };
            if (offset + length <= head.length) {
                sink.write(offset, java.util.Arrays.copyOfRange(head, (int) offset, (int) (offset + length)),
                        (int) length);
                return;
            }
            List<Future<?>> pending = new ArrayList<>();
            for (long start = offset; start < offset + length; start += chunkSize) {
                long s = start;
                long n = Math.min(chunkSize, offset + length - start);
                pending.add(transfers.submit(() -> {
                    fetchRange(s, n, sink);
                    return null;
                }));
            }
            Transfers.await(pending);
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cannot download the pack " + matchedKey + ": "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Sink {
        void write(long position, byte[] bytes, int length) throws IOException;
    }

    /** One ranged GET; a retry rewrites the same positions, so a dropped transfer restarts cleanly. */
    private void fetchRange(long offset, long length, Sink sink) throws IOException {
        withRenewal(() -> http.stream(url, Map.of("Range", "bytes=" + offset + "-" + (offset + length - 1)),
                (status, h, body) -> {
                    long skip = 0;
                    if (status == 206) {
                        long[] range = contentRange(h.get("content-range"));
                        if (range[0] != offset) {
                            throw new IOException("asked for bytes from " + offset + ", got "
                                    + h.get("content-range"));
                        }
                    } else if (status == 200) {
                        skip = offset; // the server ignored Range: take our part of the whole body
                    } else {
                        throw statusError(status, h);
                    }
                    body.skipNBytes(skip);
                    byte[] buf = new byte[64 * 1024];
                    long done = 0;
                    while (done < length) {
                        int n = body.read(buf, 0, (int) Math.min(buf.length, length - done));
                        if (n < 0) {
                            throw new IOException("download ended after " + done + " of " + length + " bytes");
                        }
                        sink.write(offset + done, buf, n);
                        done += n;
                    }
                    return null;
                }));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs a transfer; on 401/403 (an expired signed URL) asks the service for a fresh URL once and retries. */
    private <T> T withRenewal(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (HttpStatusException e) {
            if ((e.status() == 401 || e.status() == 403) && renewOnce()) {
                return call.run();
            }
            throw e;
        }
    }

    private synchronized boolean renewOnce() throws IOException {
        if (renewed) {
            return true; // another transfer renewed it already
        }
        renewed = true;
        Optional<String> fresh = renewer.renew();
        fresh.ifPresent(u -> url = u);
        return fresh.isPresent();
    }

    private void check(long offset, long length) throws StorageException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new StorageException(Kind.CORRUPT, "range " + offset + "+" + length + " lies outside the pack "
                    + matchedKey + " (" + size + " bytes)");
        }
    }

    private HttpStatusException statusError(int status, Map<String, String> h) {
        String code = h.get("x-ms-error-code");
        return new HttpStatusException("download answered HTTP " + status + (code == null ? "" : " " + code), status,
                "");
    }

    static long[] contentRange(String header) throws IOException {
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header.trim());
        if (m == null || !m.matches()) {
            throw new IOException("206 without a usable Content-Range (" + header + ")");
        }
        long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total};
    }

    @Override
    public String toString() {
        return matchedKey;
    }
}
