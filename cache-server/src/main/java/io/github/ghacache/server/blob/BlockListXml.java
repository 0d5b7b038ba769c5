package io.github.ghacache.server.blob;

import io.github.ghacache.server.store.BlockRef;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Parses a Put Block List body ({@code <BlockList><Latest>id</Latest>…}); DTDs are refused (no XXE). */
public final class BlockListXml {
    private BlockListXml() {
    }

    public static List<BlockRef> parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            if (!root.getTagName().equals("BlockList")) {
                throw new IllegalArgumentException("root element must be BlockList");
            }
            List<BlockRef> result = new ArrayList<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    BlockRef.Source source = switch (e.getTagName()) {
                        case "Latest" -> BlockRef.Source.LATEST;
                        case "Committed" -> BlockRef.Source.COMMITTED;
                        case "Uncommitted" -> BlockRef.Source.UNCOMMITTED;
                        default -> throw new IllegalArgumentException("unexpected element " + e.getTagName());
                    };
                    result.add(new BlockRef(e.getTextContent().trim(), source));
                }
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("block list is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
