package org.carehub.invoices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.carehub.channels.TextDecoding;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a submitted XML document without letting it reach outside itself. A UBL invoice never needs a DOCTYPE,
 * so any document type declaration (the carrier of XXE and entity-expansion "billion laughs") is refused with
 * its own reason by a streaming pre-scan, before the document is parsed into a tree and long before a rule
 * engine sees it. The tree parser is hardened as well (DOCTYPE disallowed, secure processing, no XInclude,
 * no external access), so a declaration the scan missed still cannot be acted on.
 */
final class SafeXml {

    /** Why the bytes were not turned into a document. */
    static final class Refusal extends Exception {
        private final String reasonCode;

        Refusal(String reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }

        String reasonCode() {
            return reasonCode;
        }
    }

    private static final XMLInputFactory SCANNER = XMLInputFactory.newFactory();
    private static final DocumentBuilderFactory BUILDER = DocumentBuilderFactory.newInstance();

    static {
        SCANNER.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        SCANNER.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        SCANNER.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            BUILDER.setNamespaceAware(true);
            BUILDER.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            BUILDER.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            BUILDER.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            BUILDER.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            BUILDER.setXIncludeAware(false);
            BUILDER.setExpandEntityReferences(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    private SafeXml() {
    }

    /**
     * The name of the root element; refused if a DOCTYPE comes before it, the XML breaks before it, or the declaration
     * says ISO-8859-1 or Windows-1252 while the bytes are UTF-8 (read as declared, "£" would become "Â£").
     */
    static QName rootElement(byte[] content) throws Refusal {
        XMLStreamReader reader = null;
        try {
            reader = SCANNER.createXMLStreamReader(new ByteArrayInputStream(content));
            // Asked at the start of the document, where the XML declaration has just been read.
            refuseMislabelled(content, reader.getCharacterEncodingScheme());
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refusal(InvoiceReasons.XML_DOCTYPE_REFUSED,
                            "the document has a DOCTYPE declaration (<!DOCTYPE ...>); invoices must not declare"
                                    + " entities or a DTD, so it was not read");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return reader.getName();
                }
            }
            throw new Refusal(InvoiceReasons.XML_MALFORMED, "the document has no root element");
        } catch (XMLStreamException e) {
            throw new Refusal(InvoiceReasons.XML_MALFORMED, "not well-formed XML: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    private static void refuseMislabelled(byte[] content, String declared) throws Refusal {
        // No declaration means UTF-8; a name Java does not know, the parser has already had to make sense of.
        Optional<String> misread = Optional.ofNullable(declared).flatMap(TextDecoding::charsetNamed)
                .flatMap(label -> TextDecoding.utf8UnderLatinLabel(content, label));
        if (misread.isPresent()) {
            throw new Refusal(InvoiceReasons.ENCODING_MISMATCH, "the file is " + misread.get()
                    + " (its XML declaration); declare encoding=\"UTF-8\", or none");
        }
    }

    /** The whole document as a DOM tree; call {@link #rootElement} first so a DOCTYPE gets its own reason. */
    static Document parse(byte[] content) throws Refusal {
        try {
            DocumentBuilder builder = BUILDER.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ANY);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new Refusal(InvoiceReasons.XML_MALFORMED,
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new Refusal(InvoiceReasons.XML_MALFORMED, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ErrorHandler FAIL_ON_ANY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make the document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open but the byte array
            }
        }
    }
}
