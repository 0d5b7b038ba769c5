package org.example.app;

/** Not used by anything: the suite deletes and renames it. */
public final class Spare {
    private Spare() {}
}
