package dev.genguard.spotbugs.dataflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * A {@link ClassSource} over the test classpath: the sample classes (one package) are the application, everything
 * else (the JDK) a library; resources come from {@code src/test/resources}. Detector tests use it too.
 */
public final class TestClassSource implements ClassSource {

    static final String SAMPLES = "dev/genguard/spotbugs/dataflow/samples/";

    private final String applicationPrefix;

    /** The value analysis' own samples as the application. */
    TestClassSource() {
        this(SAMPLES);
    }

    /** The classes under {@code applicationPrefix} (an internal name prefix, e.g. {@code com/example/}) as the application. */
    public TestClassSource(String applicationPrefix) {
        this.applicationPrefix = applicationPrefix;
    }

    @Override
    public ClassNode lookupClass(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, 0);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isApplicationClass(String internalName) {
        return internalName.startsWith(applicationPrefix);
    }

    @Override
    public InputStream openResource(String name) {
        return ClassLoader.getSystemResourceAsStream(name);
    }
}
