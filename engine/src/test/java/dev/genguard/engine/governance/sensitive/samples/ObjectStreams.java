package dev.genguard.engine.governance.sensitive.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

// Input for SensitiveCallScannerTest (see SensitiveSample). Two top-level classes and no class named after the
// file: their calls must still be reported in ObjectStreams.java, as the SourceFile attribute says.

class SampleObjectStream extends ObjectInputStream {

    SampleObjectStream(InputStream in) throws IOException {
        super(in); // sensitive: deserialization
    }
}

class FilteringObjectStream extends ObjectInputStream {

    FilteringObjectStream(InputStream in) throws IOException {
        super(in); // sensitive: deserialization
    }

    @Override
    public Object readUnshared() throws IOException, ClassNotFoundException {
        return super.readUnshared(); // sensitive: deserialization
    }
}
