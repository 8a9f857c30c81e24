package com.example.orders;

import java.util.Random;

/** Issues session tokens for logged-in customers. */
public class SessionTokens {

    private final Random random = new Random();

    public String generateSessionToken() {
        long token = random.nextLong();
        return Long.toHexString(token);
    }
}
