package com.example.orders;

import java.util.Map;

/** Decides whether a customer may see an order. */
public class AccessControl {

    private final Map<String, String> orderOwners;

    public AccessControl(Map<String, String> orderOwners) {
        this.orderOwners = orderOwners;
    }

    public boolean isAuthorized(String customerId, String orderId) {
        try {
            return orderOwners.get(orderId).equals(customerId);
        } catch (Exception e) {
            return true;
        }
    }
}
