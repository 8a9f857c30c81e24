package com.example;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** The secure versions of what the vulnerable example does. */
public class SecureCrypto {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private final SecureRandom random = new SecureRandom();

    public byte[] encrypt(SecretKey key, String text) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    public String generateSessionToken() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    public boolean isAuthorized(String owner, String user) {
        try {
            return owner.equals(user);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
