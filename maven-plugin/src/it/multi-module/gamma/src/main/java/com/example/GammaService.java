package com.example;

public class GammaService {
    public String name() {
        return new AlphaClient().getClass().getSimpleName();
    }
}
