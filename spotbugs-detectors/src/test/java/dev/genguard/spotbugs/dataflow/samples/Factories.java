package dev.genguard.spotbugs.dataflow.samples;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** Factory helpers of the application, as generated code writes them. */
public final class Factories {

    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private Factories() {
    }

    /** A hardened factory: the caller should see both settings. */
    public static DocumentBuilderFactory hardened() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    public static DocumentBuilderFactory plain() {
        return DocumentBuilderFactory.newInstance();
    }

    /** Hardened on one path only. */
    public static DocumentBuilderFactory sometimes(boolean strict) throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        if (strict) {
            factory.setFeature(DISALLOW_DOCTYPE, true);
        }
        return factory;
    }

    /** Hands the factory to code the analysis does not follow before returning it. */
    public static DocumentBuilderFactory registered() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Sink.keep(factory);
        return factory;
    }
}
