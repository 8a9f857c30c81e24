package dev.genguard.spotbugs.dataflow.samples;

import java.util.Locale;

/** Constants through locals, other classes, concatenation, format, case, conversions; and unknowns. */
public class ConstantSamples {

    private static String mutable = "AES";

    void local() {
        String algorithm = "DES";
        Sink.sink(algorithm);
    }

    void otherClass() {
        Sink.sink(OtherConstants.COMPUTED);
        Sink.sink(OtherConstants.ITERATIONS);
        Sink.sink(OtherConstants.FROM_HELPER);
        Sink.sink(OtherConstants.BRANCHED);
        Sink.sink(OtherConstants.UNKNOWN);
    }

    void concat() {
        String mode = "ECB";
        int bits = 128;
        char separator = '/';
        Sink.sink("AES_" + bits + separator + mode + "/NoPadding" + true);
    }

    void format() {
        Sink.sink(String.format("%s/%s/%s", "AES", "CBC", "PKCS5Padding"));
        Sink.sink(String.format(Locale.ROOT, "PBKDF2With%s", "HmacSHA1"));
        Sink.sink("%d rounds, %b".formatted(600000, false));
        Sink.sink(String.format("%5000000d", 1));
    }

    void caseAndTrim() {
        Sink.sink(" des ".trim().toUpperCase(Locale.ROOT));
        Sink.sink("SHA-1".toLowerCase().strip());
    }

    void conversions() {
        Sink.sink(String.valueOf(42));
        Sink.sink(Integer.valueOf(7));
        Sink.sink(Integer.parseInt("600000"));
        Sink.sink(Integer.parseInt("not a number"));
        Sink.sink(Long.valueOf(5L).longValue());
    }

    void builders() {
        StringBuilder chained = new StringBuilder("AES").append('/').append("GCM").append("/NoPadding");
        Sink.sink(chained.toString());
        StringBuilder statements = new StringBuilder();
        statements.append("DES");
        statements.append("/ECB");
        Sink.sink(statements.toString());
    }

    void builderEscapes() {
        StringBuilder sb = new StringBuilder("AES");
        Sink.keep(sb);
        Sink.sink(sb.toString());
    }

    void arithmetic() {
        int count = 1000;
        Sink.sink(count * 600);
        Sink.sink(1L << 20);
        Sink.sink(count / (count - 1000));
    }

    void join(boolean flag) {
        String same = flag ? "AES" : "AES";
        String differ;
        if (flag) {
            differ = "AES";
        } else {
            differ = "DES";
        }
        Sink.sink(same);
        Sink.sink(differ);
    }

    void loop(int n) {
        String grown = "A";
        String invariant = "SHA-256";
        for (int i = 0; i < n; i++) {
            grown = grown + "A";
            Sink.sink(invariant);
        }
        Sink.sink(grown);
    }

    void unknowns(String parameter) {
        Sink.sink(parameter);
        Sink.sink(parameter.toUpperCase(Locale.ROOT));
        Sink.sink("AES/" + parameter);
        Sink.sink(mutable);
    }

    void systemProperties() {
        Sink.sink(System.getProperty("sample.cipher", "DES"));
        Sink.sink(System.getProperty("sample.cipher"));
        Sink.sink(OtherConstants.CONFIGURED);
        Sink.sink(OtherConstants.CONFIGURED + "/CBC");
    }
}
