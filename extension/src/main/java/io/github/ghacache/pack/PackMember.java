package io.github.ghacache.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One independently compressed part of a pack: a tar stream compressed with zstd. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PackMember {
    public String name;
    /** Which folder the member's paths are relative to: {@value #ROOT_BUILD} is the module's build directory. */
    public String root = ROOT_BUILD;
    public String codec = "zstd";
    /** Offset of the compressed bytes from the start of the data area (after the index). */
    public long offset;
    /** Length of the compressed bytes. */
    public long length;
    /** Sum of the uncompressed file sizes. */
    public long size;
    public int files;
    /** SHA-256 of the compressed bytes. */
    public String sha256;

    public static final String ROOT_BUILD = "build";
}
