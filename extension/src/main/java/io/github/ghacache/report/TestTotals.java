package io.github.ghacache.report;

import java.io.IOException;
import java.io.InputStream;
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
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
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
        } catch (IOException | XMLStreamException | RuntimeException e) {
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
