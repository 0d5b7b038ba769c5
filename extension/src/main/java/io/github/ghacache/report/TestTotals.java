package io.github.ghacache.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Test counts read from surefire/failsafe XML reports ({@code TEST-*.xml}), so a restored build still shows
 * how many tests it stands on. The files come from packs, which are untrusted: no DTDs, no entities.
 */
public record TestTotals(int run, int failures, int errors, int skipped) {
    public static final TestTotals NONE = new TestTotals(0, 0, 0, 0);

    /**
     * The JDK's own StAX parser, one per thread (a factory is not thread-safe): looking a factory up by
     * service loading goes through every class realm of Maven and cost more than parsing the reports.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    });

    public TestTotals plus(TestTotals o) {
        return new TestTotals(run + o.run, failures + o.failures, errors + o.errors, skipped + o.skipped);
    }

    /** Sums every report in the folder; unreadable files are skipped. */
    public static TestTotals readReports(Path dir) {
        TestTotals sum = NONE;
        if (!Files.isDirectory(dir)) {
            return sum;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path p : ds) {
                sum = sum.plus(readOne(p));
            }
        } catch (IOException ignored) {
            // the totals are informative only
        }
        return sum;
    }

    static TestTotals readOne(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Loads the parser's classes (a background thread calls this when the build starts). */
    public static void warmUp() {
        read(new java.io.ByteArrayInputStream("<testsuite tests=\"1\"/>".getBytes(StandardCharsets.UTF_8)));
    }

    private static TestTotals read(InputStream in) {
        try {
            XMLStreamReader r = FACTORY.get().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT) {
                        if (!"testsuite".equals(r.getLocalName())) {
                            return NONE;
                        }
                        return new TestTotals(num(r, "tests"), num(r, "failures"), num(r, "errors"), num(r, "skipped"));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return NONE;
        }
        return NONE;
    }

    private static int num(XMLStreamReader r, String attr) {
        String v = r.getAttributeValue(null, attr);
        try {
            return v == null ? 0 : Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Maven's own wording, so people and scripts read it the same way. */
    public String text() {
        return "Tests run: " + run + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
