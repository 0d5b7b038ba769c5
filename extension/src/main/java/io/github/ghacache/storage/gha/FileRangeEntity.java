package io.github.ghacache.storage.gha;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import io.github.ghacache.storage.FileRanges;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** A byte range of a file as a repeatable request body with a Content-Length: streamed, never in memory. */
final class FileRangeEntity extends AbstractHttpEntity {
    private final Path file;
    private final long offset;
    private final long length;

    private FileRangeEntity(Path file, long offset, long length) {
        super(ContentType.APPLICATION_OCTET_STREAM, null);
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    static FileRangeEntity of(Path file, long offset, long length) {
        return new FileRangeEntity(file, offset, length);
    }

    @Override
    public InputStream getContent() throws IOException {
        return FileRanges.open(file, offset, length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            in.transferTo(out);
        }
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {}
}
