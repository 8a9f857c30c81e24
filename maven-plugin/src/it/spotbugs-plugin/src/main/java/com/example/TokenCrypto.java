package com.example;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class TokenCrypto {

    private static final String CIPHER = "AES/ECB/PKCS5Padding";
    private final Random random = new Random();

    public byte[] encrypt(byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return cipher.doFinal(data);
    }

    public byte[] encryptCbc(byte[] key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec("0000000000000000".getBytes(StandardCharsets.UTF_8)));
        return cipher.doFinal(data);
    }

    public String generateResetToken() {
        int resetToken = random.nextInt(1_000_000);
        return String.format("%06d", resetToken);
    }
}
