package org.carehub.channels;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses a JSON string holding half a character: an escaped lone UTF-16 surrogate ({@code "\ud800"}) is valid JSON,
 * but no XML (finance's SOAP import) or UTF-8 file can carry it, so it would fail far from the sender. Registered
 * in the hub's ObjectMapper (Spring Boot picks up Jackson modules), so every JSON door refuses it with the field.
 */
@Component
public class WholeCharacters extends SimpleModule {

    public WholeCharacters() {
        super("WholeCharacters");
        addDeserializer(String.class, new Strings());
    }

    private static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            int at = loneSurrogate(value);
            if (at >= 0) {
                throw InvalidFormatException.from(parser, String.format("character %d is half a character (a lone "
                        + "surrogate \\u%04x); send the whole character in UTF-8", at + 1, (int) value.charAt(at)), value, String.class);
            }
            return value;
        }
    }

    /** Where the first surrogate without its other half is, or -1. */
    static int loneSurrogate(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
