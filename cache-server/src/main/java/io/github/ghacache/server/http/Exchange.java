package io.github.ghacache.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request/response over the JDK server, with the few operations handlers need. Body faults (truncate,
 * corrupt) are applied here, so every endpoint can suffer them the same way.
 */
public final class Exchange {
    /** Thrown to make the JDK server close the connection without (the rest of) an answer. */
    public static final class ConnectionDropped extends RuntimeException {
        public ConnectionDropped() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private final HttpExchange raw;
    private final String requestId;
    private final BodyFault bodyFault;
    private final boolean expiredUrl;
    private final CountingStream body;
    private int status;

    public Exchange(HttpExchange raw, String requestId, BodyFault bodyFault, boolean expiredUrl) {
        this.raw = raw;
        this.requestId = requestId;
        this.bodyFault = bodyFault;
        this.expiredUrl = expiredUrl;
        this.body = new CountingStream(raw.getRequestBody());
    }

    public String method() {
        return raw.getRequestMethod();
    }

    public String path() {
        return raw.getRequestURI().getPath();
    }

    public String rawQuery() {
        return raw.getRequestURI().getRawQuery();
    }

    /** Decoded query parameters (first value wins). */
    public Map<String, String> query() {
        Map<String, String> result = new LinkedHashMap<>();
        String q = rawQuery();
        if (q == null || q.isEmpty()) {
            return result;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return raw.getRequestHeaders().getFirst(name);
    }

    /** The request body length announced by the client, or -1 (chunked or absent). */
    public long contentLength() {
        String value = header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String requestId() {
        return requestId;
    }

    /** True when a fault asks the blob endpoint to treat this request's signed URL as expired. */
    public boolean forceExpiredUrl() {
        return expiredUrl;
    }

    public InputStream body() {
        return body;
    }

    public byte[] readBody(int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IOException("request body over " + limit + " bytes");
        }
        return bytes;
    }

    public long requestBytes() {
        return body.count;
    }

    /** The status sent, 0 while nothing was sent. */
    public int status() {
        return status;
    }

    public boolean responded() {
        return status != 0;
    }

    public void send(Response response) throws IOException {
        putHeaders(response.headers());
        byte[] bytes = response.body();
        boolean head = method().equals("HEAD");
        if (bytes.length == 0 || head) {
            begin(response.status(), -1);
            raw.getResponseBody().close();
            return;
        }
        begin(response.status(), bytes.length);
        OutputStream out = raw.getResponseBody();
        writeWithFault(out, Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), bytes.length);
    }

    /** Sends {@code length} bytes of {@code file} from {@code offset}, streaming. */
    public void sendFile(int status, Map<String, String> headers, Path file, long offset, long length) throws IOException {
        putHeaders(headers);
        if (length == 0) {
            begin(status, -1);
            raw.getResponseBody().close();
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            begin(status, length);
            writeWithFault(raw.getResponseBody(), channel, length);
        }
    }

    /** A HEAD answer: headers (including a Content-Length the handler computed), no body. */
    public void sendHead(int status, Map<String, String> headers) throws IOException {
        putHeaders(headers);
        begin(status, -1);
        raw.getResponseBody().close();
    }

    /** Closes the connection without answering. */
    public void drop() {
        throw new ConnectionDropped();
    }

    private void putHeaders(Map<String, String> headers) {
        headers.forEach((k, v) -> raw.getResponseHeaders().set(k, v));
    }

    private void begin(int code, long length) throws IOException {
        raw.getResponseHeaders().set("x-ms-request-id", requestId);
        status = code;
        raw.sendResponseHeaders(code, length);
    }

    private void writeWithFault(OutputStream out, java.nio.channels.ReadableByteChannel source, long length) throws IOException {
        long limit = length;
        boolean truncate = bodyFault.type() == BodyFault.Type.TRUNCATE;
        boolean corrupt = bodyFault.type() == BodyFault.Type.CORRUPT;
        if (truncate) {
            limit = Math.min(bodyFault.keepBytes(), length);
        }
        InputStream in = Channels.newInputStream(source);
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        while (sent < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
            if (n < 0) {
                break;
            }
            if (corrupt && sent <= length / 2 && length / 2 < sent + n) {
                buffer[(int) (length / 2 - sent)] ^= (byte) 0xFF; // one byte, mid-body: length stays right
            }
            out.write(buffer, 0, n);
            sent += n;
        }
        out.flush();
        if (truncate && limit < length) {
            drop(); // Content-Length promised more: closing now is what a broken peer looks like
        }
        out.close();
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
