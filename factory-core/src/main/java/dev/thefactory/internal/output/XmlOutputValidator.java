package dev.thefactory.internal.output;

import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an XML file ({@code .xml}, {@code .xsd}, {@code .xsl}, {@code .xslt}, {@code .pom}) is well-formed,
 * with the JDK's own parser hardened against XXE: DOCTYPE declarations are refused outright, external general and
 * parameter entities and external DTDs are off, XInclude is off, and no external DTD or schema may be accessed. A
 * file with a DOCTYPE therefore fails with a message saying so. Thread-safe (a parser is made per call).
 */
final class XmlOutputValidator implements OutputValidator {

    private static final Logger LOG = LoggerFactory.getLogger(XmlOutputValidator.class);
    private static final List<String> EXTENSIONS = List.of("xml", "xsd", "xsl", "xslt", "pom");

    @Override
    public String id() {
        return "xml";
    }

    @Override
    public boolean supports(String relativePath) {
        return EXTENSIONS.contains(ProjectFiles.extension(relativePath));
    }

    @Override
    public ValidationOutcome validate(Path projectRoot, String relativePath) {
        return ProjectFiles.readAndCheck(projectRoot, relativePath, content -> check(relativePath, content));
    }

    private ValidationOutcome check(String relativePath, byte[] content) {
        List<String> problems = new ArrayList<>();
        try {
            DocumentBuilder builder = newBuilder();
            builder.setErrorHandler(new Collector(relativePath, problems));
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused; generated XML may not load "
                        + "external resources");
            });
            InputSource source = new InputSource(new ByteArrayInputStream(content));
            source.setSystemId(relativePath);
            builder.parse(source);
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(describe(relativePath, e));
            }
        } catch (SAXException | IOException e) {
            problems.add(ProjectFiles.problem(relativePath, 0, "is not well-formed XML: " + e.getMessage()));
        }
        return problems.isEmpty() ? ValidationOutcome.passed() : ValidationOutcome.failed(problems);
    }

    /**
     * @return a namespace-aware, non-validating builder of the JDK's built-in parser, hardened against XXE
     * @throws IllegalStateException when the parser does not support a hardening feature (refusing to parse
     *                               unhardened)
     */
    static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser does not support XXE hardening: " + e.getMessage(), e);
        }
    }

    private static String describe(String relativePath, SAXParseException e) {
        String message = e.getMessage();
        if (message != null && message.contains("DOCTYPE")) {
            message = "DOCTYPE declarations are not allowed in generated XML (they enable external entity attacks); "
                    + "remove the <!DOCTYPE ...> (parser: " + message + ")";
        }
        return ProjectFiles.problem(relativePath, e.getLineNumber(), String.valueOf(message));
    }

    /** Collects errors instead of printing them; fatal errors stop the parse. */
    private static final class Collector implements ErrorHandler {
        private final String relativePath;
        private final List<String> problems;

        Collector(String relativePath, List<String> problems) {
            this.relativePath = relativePath;
            this.problems = problems;
        }

        @Override
        public void warning(SAXParseException e) {
            LOG.debug("XML warning in {} (not a problem: the document is still well-formed): {}", relativePath,
                    e.getMessage());
        }

        @Override
        public void error(SAXParseException e) {
            problems.add(describe(relativePath, e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            problems.add(describe(relativePath, e));
            throw e;
        }
    }
}
