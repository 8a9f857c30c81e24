package com.example;

public class AlphaClient {
    private final String clientSecret = "supersecret";

    public String secret() {
        return clientSecret;
    }
}
