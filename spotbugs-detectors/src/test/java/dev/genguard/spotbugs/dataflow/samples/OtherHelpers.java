package dev.genguard.spotbugs.dataflow.samples;

/** A helper in another class of the application. */
public final class OtherHelpers {

    private OtherHelpers() {
    }

    public static String transformation() {
        return "AES/ECB/PKCS5Padding";
    }
}
