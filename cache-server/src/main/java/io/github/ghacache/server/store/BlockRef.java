package io.github.ghacache.server.store;

/** One line of an Azure Put Block List body: a block id and which list it must come from. */
public record BlockRef(String blockId, Source source) {
    public enum Source {
        /** the uncommitted block if one exists, else the committed one */
        LATEST,
        COMMITTED,
        UNCOMMITTED
    }
}
