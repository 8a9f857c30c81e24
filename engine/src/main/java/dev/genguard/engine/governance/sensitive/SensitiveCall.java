package dev.genguard.engine.governance.sensitive;

import java.util.Comparator;

/**
 * A call from compiled code to a sensitive API, located in the source file it was compiled from.
 *
 * @param sourcePath the source file as its package path, '/'-separated: {@code com/acme/Foo.java}; lambdas and
 *                   nested classes report the file they were written in
 * @param line       1-based source line of the call
 * @param area       the area id, e.g. {@code crypto}
 * @param api        the API called, readable: {@code javax.crypto.Cipher.getInstance},
 *                   {@code java.io.ObjectInputStream.<init>} for a constructor, nested classes with '.'
 * @param className  the calling class, binary name with '.': {@code com.acme.Foo$Inner}
 * @param methodName the calling method as compiled: {@code <init>}, {@code lambda$run$0}
 */
public record SensitiveCall(String sourcePath, int line, String area, String api, String className,
                            String methodName) {

    /** The report order: by file, line and API; the rest only makes the order total. */
    public static final Comparator<SensitiveCall> ORDER = Comparator.comparing(SensitiveCall::sourcePath)
            .thenComparingInt(SensitiveCall::line)
            .thenComparing(SensitiveCall::api)
            .thenComparing(SensitiveCall::area)
            .thenComparing(SensitiveCall::className)
            .thenComparing(SensitiveCall::methodName);
}
