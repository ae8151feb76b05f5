package vn.khuyencong.dossier;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A dossier's form fields as stored (JSON), read only when something asks for them: most reads of a dossier (a
 * transition, a queue, a look-up) never look at its form, so the JSON is not parsed for them. Sent in a response as
 * stored, without being parsed at all. Unmodifiable.
 */
@JsonSerialize(using = FormData.AsStored.class)
final class FormData extends AbstractMap<String, Object> {

    private final String json;
    private final ObjectReader reader;
    private volatile Map<String, Object> fields;

    FormData(String json, ObjectReader reader) {
        this.json = json;
        this.reader = reader;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return fields().entrySet();
    }

    @Override
    public Object get(Object key) {
        return fields().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields().containsKey(key);
    }

    private Map<String, Object> fields() {
        Map<String, Object> read = fields;
        if (read == null) {
            // two threads may both parse the same text: the results are equal and either may stay
            Map<String, Object> parsed = json == null ? Map.of() : reader.readValue(json);
            read = Collections.unmodifiableMap(parsed);
            fields = read;
        }
        return read;
    }

    /**
     * Writes the form as PostgreSQL gave it: the text of a {@code jsonb} value is JSON already (keys unique, strings
     * escaped), so a response carries it without parsing it into maps and writing them out again.
     */
    static final class AsStored extends StdSerializer<FormData> {

        AsStored() {
            super(FormData.class);
        }

        @Override
        public void serialize(FormData form, JsonGenerator generator, SerializationContext context) {
            if (form.json == null) {
                generator.writeStartObject();
                generator.writeEndObject();
            } else {
                generator.writeRawValue(form.json);
            }
        }
    }
}
