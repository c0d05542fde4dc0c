package ru.otklik.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies bound to records cannot carry a NUL character in a string: PostgreSQL cannot store it, and
 * the database's refusal came back as a 500. The refusal names the field ({@link InputProblems}).
 * Bodies read as a tree ({@code POST /api/posts}) check their values themselves, item by item.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "NUL (\\u0000) in a string", value, String.class);
            }
            return value;
        }
    }
}
