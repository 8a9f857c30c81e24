package dev.genguard.engine.governance.sensitive.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Input for SensitiveCallScannerTest: compiled with the tests and scanned, never run. Every line that calls a
 * sensitive API ends with a "sensitive:" comment naming its area; the test reads them from this file, so lines may
 * move freely. A line without the comment must yield no call.
 */
public class SensitiveSample {

    byte[] encrypt(byte[] data, SecretKey key) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); // sensitive: crypto
        cipher.init(Cipher.ENCRYPT_MODE, key); // sensitive: crypto
        return cipher.doFinal(data); // sensitive: crypto
    }

    String lookup(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select name from users where id = ?")) { // sensitive: sql
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) { // sensitive: sql
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    Process run(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command); // sensitive: process
        builder.redirectErrorStream(true);
        return builder.start(); // sensitive: process
    }

    Object read(InputStream in) throws IOException, ClassNotFoundException {
        ObjectInputStream objects = new ObjectInputStream(in); // sensitive: deserialization
        return objects.readObject(); // sensitive: deserialization
    }

    Supplier<Process> inLambda(String command) {
        return () -> {
            try {
                return Runtime.getRuntime().exec(command); // sensitive: process
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    ObjectReader methodReference() {
        return ObjectInputStream::readObject; // sensitive: deserialization
    }

    Function<String[], ProcessBuilder> constructorReference() {
        return ProcessBuilder::new; // sensitive: process
    }

    Runnable anonymous() {
        return new Runnable() {
            @Override
            public void run() {
                try {
                    MessageDigest.getInstance("SHA-256"); // sensitive: crypto
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    final class Inner {
        KeyStore keys() throws KeyStoreException {
            return KeyStore.getInstance("PKCS12"); // sensitive: crypto
        }
    }

    /** Reading a row is not a sensitive act. */
    String plain(ResultSet rows) throws SQLException {
        return rows.getString("name").trim();
    }

    /** readObject is ObjectInputStream's, inherited: found through the project class's superclass. */
    Object viaSubclass(InputStream in) throws Exception {
        SampleObjectStream stream = new SampleObjectStream(in);
        return stream.readObject(); // sensitive: deserialization
    }

    /** The project's own readUnshared runs here; its super call is the sensitive one, in ObjectStreams.java. */
    Object overridden(FilteringObjectStream stream) throws Exception {
        return stream.readUnshared();
    }

    @FunctionalInterface
    interface ObjectReader {
        Object read(ObjectInputStream in) throws IOException, ClassNotFoundException;
    }
}
