package dev.genguard.spotbugs.dataflow;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.tree.ClassNode;

/**
 * The classpath the analysis reads (never loads or runs): classes, for {@code static final} fields and helper
 * methods of other classes, and resources, for {@code .properties} files of the analysed code. Inside SpotBugs
 * this is {@link SpotBugsClassSource}; unit tests supply their own.
 */
public interface ClassSource {

    /** The class with the given internal name ({@code com/example/Config}), or {@code null} if not on the classpath. */
    ClassNode lookupClass(String internalName);

    /**
     * Whether the class belongs to the analysed code, whose helpers are summarised; library and JDK methods
     * are not (their behaviour is the detectors' knowledge, not the analysis').
     */
    boolean isApplicationClass(String internalName);

    /**
     * Opens a classpath resource by its absolute name without a leading slash ({@code config/app.properties}),
     * or returns {@code null} if there is none.
     */
    InputStream openResource(String name) throws IOException;

    /**
     * The known subtypes of a class or interface among the analysed code (internal names, sorted), for calls
     * through an interface; empty when unknown.
     */
    default java.util.List<String> applicationSubtypes(String internalName) {
        return java.util.List.of();
    }
}
