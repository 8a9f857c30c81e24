package dev.genguard.spotbugs.dataflow.samples;

import java.util.Locale;

/** Constants of another class that javac cannot inline: their values are set by the static initializer. */
public final class OtherConstants {

    public static final String COMPUTED = "rc4".toUpperCase(Locale.ROOT);
    public static final int ITERATIONS = Integer.parseInt("1000");
    public static final String FROM_HELPER = helper();
    public static final String CONFIGURED = System.getProperty("sample.cipher", "Blowfish");
    public static final String UNKNOWN = System.getenv("SAMPLE_CIPHER");
    public static final String BRANCHED;

    static {
        if (System.nanoTime() > 0) {
            BRANCHED = "AES";
        } else {
            BRANCHED = "DES";
        }
    }

    private OtherConstants() {
    }

    private static String helper() {
        return "DESede";
    }
}
