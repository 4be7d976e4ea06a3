package io.tutoring.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;

/**
 * Request bodies are read strictly (issue 11 items 2 and 5), in one place for every body:
 * <ul>
 * <li>no coercion between JSON types: a string where a number, boolean or enum is expected, a number or boolean
 * where a string (or a time) is, a fraction where an integer is, an enum's index for its name — each is a
 * {@link MismatchedInputException} that {@link ProblemMappers} answers with a 400 naming the field;</li>
 * <li>text that PostgreSQL cannot store as sent is refused the same way ({@link UnstorableText}): an unpaired
 * UTF-16 surrogate (the driver would store {@code ?} instead) or NUL (PostgreSQL refuses it in text). What a 201
 * echoes is then what every later read returns.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus's own customizers (the Java time module among them), so these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // configure(MapperFeature) is the way to change a built mapper in Jackson 2.
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.Textual, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            || type == LogicalType.DateTime ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-json")
                .addDeserializer(String.class, new StrictString())
                .addDeserializer(Instant.class, new StrictInstant()));
    }

    /** A text that cannot be stored as sent; its message says why. */
    public static class UnstorableText extends MismatchedInputException {
        UnstorableText(JsonParser p, String message) {
            super(p, message, String.class);
        }
    }

    /** Where {@code text} cannot be stored as sent, why; else null. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain the NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    /** Strings from JSON strings only, and only text that can be stored. */
    static final class StrictString extends StdScalarDeserializer<String> {

        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String why = unstorable(text);
            if (why != null) {
                throw new UnstorableText(p, why);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Times from ISO-8601 strings only: a bare number would be read as epoch seconds. */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {

        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
