package org.example.snap;

/** What the consumer's test records: changes without a version change. */
public final class SnapLib {
    private SnapLib() {}

    public static String value() {
        return "one";
    }
}
