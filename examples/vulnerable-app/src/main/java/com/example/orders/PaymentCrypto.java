package com.example.orders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts card numbers before they are stored. */
public class PaymentCrypto {

    private static final String ALGORITHM = "DES";
    private static final String MODE = "/CBC/PKCS5Padding";

    public byte[] encryptCardNumber(byte[] key, String cardNumber) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(ALGORITHM + MODE);
        IvParameterSpec iv = new IvParameterSpec("12345678".getBytes(StandardCharsets.UTF_8));
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, ALGORITHM), iv);
        return cipher.doFinal(cardNumber.getBytes(StandardCharsets.UTF_8));
    }
}
