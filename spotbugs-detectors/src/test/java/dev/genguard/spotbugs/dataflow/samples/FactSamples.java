package dev.genguard.spotbugs.dataflow.samples;

import java.net.HttpCookie;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** Calls made on tracked objects: straight-line, across branches and loops, aliases, escapes, factories. */
public class FactSamples {

    private HttpCookie last;

    void straightLine(String value) {
        HttpCookie cookie = new HttpCookie("session", value);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        Sink.sink(cookie);
    }

    void bothBranches(boolean flag) {
        HttpCookie cookie = new HttpCookie("session", "v");
        if (flag) {
            cookie.setMaxAge(60);
            cookie.setSecure(true);
        } else {
            cookie.setSecure(true);
        }
        Sink.sink(cookie);
    }

    void oneBranch(boolean flag) {
        HttpCookie cookie = new HttpCookie("session", "v");
        if (flag) {
            cookie.setSecure(true);
        }
        Sink.sink(cookie);
    }

    void differentArguments(boolean flag) {
        HttpCookie cookie = new HttpCookie("session", "v");
        if (flag) {
            cookie.setSecure(true);
        } else {
            cookie.setSecure(false);
        }
        Sink.sink(cookie);
    }

    void loop(int n) {
        HttpCookie cookie = new HttpCookie("session", "v");
        cookie.setHttpOnly(true);
        for (int i = 0; i < n; i++) {
            cookie.setVersion(i);
        }
        Sink.sink(cookie);
    }

    void allocatedInLoop(int n) {
        for (int i = 0; i < n; i++) {
            HttpCookie cookie = new HttpCookie("c" + i, "v");
            cookie.setSecure(true);
            Sink.sink(cookie);
        }
    }

    void alias() {
        HttpCookie cookie = new HttpCookie("session", "v");
        HttpCookie same = cookie;
        same.setSecure(true);
        Sink.sink(cookie);
    }

    void escapesToMethod() {
        HttpCookie cookie = new HttpCookie("session", "v");
        Sink.keep(cookie);
        cookie.setSecure(true);
        Sink.sink(cookie);
    }

    void escapesToField() {
        HttpCookie cookie = new HttpCookie("session", "v");
        last = cookie;
        Sink.sink(cookie);
    }

    void escapesToLambda() {
        HttpCookie cookie = new HttpCookie("session", "v");
        Runnable later = () -> cookie.setSecure(false);
        Sink.sink(cookie);
        later.run();
    }

    void notEscapedBeforeTheCall() {
        HttpCookie cookie = new HttpCookie("session", "v");
        Sink.sink(cookie);
        Sink.keep(cookie);
    }

    void factoryChain() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(Factories.DISALLOW_DOCTYPE, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Sink.sink(builder);
    }

    void hardenedByHelper() throws ParserConfigurationException {
        Sink.sink(Factories.hardened());
    }

    void plainFromHelper() {
        Sink.sink(Factories.plain());
    }

    void hardenedOnOnePathOfHelper() throws ParserConfigurationException {
        Sink.sink(Factories.sometimes(true));
    }

    void registeredByHelper() {
        Sink.sink(Factories.registered());
    }

    void hardenedByPrivateHelper() throws ParserConfigurationException {
        Sink.sink(hardenedHere());
    }

    private DocumentBuilderFactory hardenedHere() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        return factory;
    }

    void fromParameter(HttpCookie cookie) {
        Sink.sink(cookie);
    }
}
