package io.meritocrab.admin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reads the small JSON bodies of the admin API's changes, answering 400 with a clear message. */
final class RequestBodies {

    private RequestBodies() {
    }

    static JsonObject require(JsonObject body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object body is required");
        }
        return body;
    }

    static int integer(JsonObject body, String name) {
        JsonValue value = require(body).get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiError.badRequest(name + " must be a whole number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ApiError.badRequest(name + " is out of range");
        }
    }

    static boolean bool(JsonObject body, String name) {
        JsonValue value = require(body).get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw ApiError.badRequest(name + " must be true or false");
    }

    static String text(JsonObject body, String name, boolean required) {
        JsonValue value = require(body).get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw ApiError.badRequest(name + " is required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiError.badRequest(name + " must be a string");
        }
        return ((jakarta.json.JsonString) value).getString();
    }
}
