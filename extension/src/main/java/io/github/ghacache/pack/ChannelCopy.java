package io.github.ghacache.pack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/** Copies a byte range of a file to a channel, in the kernel where it can (FileChannel.transferTo). */
public final class ChannelCopy {
    private ChannelCopy() {}

    /**
     * Copies {@code length} bytes of {@code in} from {@code offset}; fails, naming {@code what}, when the file
     * ends before that.
     */
    public static void copy(FileChannel in, long offset, long length, WritableByteChannel out, String what)
            throws IOException {
        for (long done = 0; done < length; ) {
            long n = in.transferTo(offset + done, length - done, out);
            if (n <= 0) {
                throw new IOException(what + " ends early");
            }
            done += n;
        }
    }
}
