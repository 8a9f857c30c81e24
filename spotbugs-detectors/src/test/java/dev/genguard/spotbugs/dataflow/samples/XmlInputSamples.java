package dev.genguard.spotbugs.dataflow.samples;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;

/** Values the XXE detector reads: boxed boolean settings and the classpath resource a stream reads. */
public class XmlInputSamples {

    void booleans() {
        Sink.sink(Boolean.FALSE);
        Sink.sink(Boolean.TRUE);
        Sink.sink(Boolean.valueOf(false));
        Sink.sink(Boolean.FALSE.booleanValue());
    }

    void booleanSetting() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        Sink.sink(factory);
    }

    void resourceStream(InputStream other) {
        Sink.sink(XmlInputSamples.class.getResourceAsStream("/schemas/order.xsd"));
        Sink.sink(XmlInputSamples.class.getClassLoader().getResourceAsStream("schemas/order.xsd"));
        Sink.sink(other);
    }
}
