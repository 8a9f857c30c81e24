package dev.genguard.spotbugs.injection.samples;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Parses whose verdicts the detector test checks, named for the verdict they should get. */
public class XxeSamples {

    private static final String DISALLOW = "http://apache.org/xml/features/disallow-doctype-decl";

    public Document unconfigured(InputStream in) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    public Document configuredNotEnough(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document disallowed(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW, true);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document disallowedThenAllowed(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW, true);
        factory.setFeature(DISALLOW, false);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document disallowedAfterTheBuilder(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        DocumentBuilder builder = factory.newDocumentBuilder();
        factory.setFeature(DISALLOW, true);
        return builder.parse(in);
    }

    public Document disallowedOnOnePath(InputStream in, boolean strict) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        if (strict) {
            factory.setFeature(DISALLOW, true);
        }
        return factory.newDocumentBuilder().parse(in);
    }

    public Document unknownValue(InputStream in, boolean strict) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW, strict);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document escaped(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Holder.configure(factory);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document fromHelper(InputStream in) throws Exception {
        return Holder.hardened().newDocumentBuilder().parse(in);
    }

    public Document resource() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(XxeSamples.class.getResourceAsStream("/data.xml"));
    }

    public void readerThroughParser(InputStream in, DefaultHandler handler) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature(DISALLOW, true);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
    }

    public void readerThroughPlainParser(InputStream in) throws Exception {
        XMLReader reader = SAXParserFactory.newInstance().newSAXParser().getXMLReader();
        reader.parse(new InputSource(in));
    }

    public void staxBoxed(InputStream in) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.createXMLStreamReader(in);
    }

    public void staxBoxedTrue(InputStream in) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.TRUE);
        factory.createXMLStreamReader(in);
    }

    /** Two factories made alike: the protection of one may be the other's, as far as the detector can tell. */
    public void twoFactories(InputStream in) throws Exception {
        XMLInputFactory safe = XMLInputFactory.newInstance();
        safe.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        safe.createXMLStreamReader(in);
        XMLInputFactory.newInstance().createXMLStreamReader(in);
    }

    public void transforms(InputStream xml, Document document) throws Exception {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.newTransformer().transform(new StreamSource(xml), new StreamResult(System.out));
        factory.newTransformer().transform(new DOMSource(document), new StreamResult(System.out));
        factory.newTransformer(new StreamSource(xml));
    }

    public void validatorThroughSchema(InputStream xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Schema schema = factory.newSchema(new StreamSource(xml));
        schema.newValidator().validate(new StreamSource(xml));
    }

    public void validatorFromFieldSchema(InputStream xml) throws Exception {
        Holder.SCHEMA.newValidator().validate(new StreamSource(xml));
    }

    static final class Holder {

        static Schema SCHEMA;

        static void configure(DocumentBuilderFactory factory) {
            factory.setNamespaceAware(true);
        }

        static DocumentBuilderFactory hardened() throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory;
        }
    }
}
