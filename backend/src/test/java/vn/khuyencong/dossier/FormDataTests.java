package vn.khuyencong.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

class FormDataTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ObjectReader READER = JSON.readerFor(new TypeReference<Map<String, Object>>() {});

    /** As a view declares it: a map of fields. */
    record View(Map<String, Object> formData) {}

    /** The text of a jsonb value as PostgreSQL writes it: a space after each colon and comma. */
    static final String STORED = "{\"may\": [{\"ten\": \"Máy sấy \\\"tầng sôi\\\"\", \"gia\": 125000000}],"
            + " \"congSuat\": 2.5, \"ghiChu\": null, \"dong\\nmoi\": true}";

    @Test
    void aResponseCarriesTheFormAsStoredWithoutRewritingIt() {
        FormData form = new FormData(STORED, READER);

        String written = JSON.writeValueAsString(new View(form));

        // a map serializer would have written the fields again, without PostgreSQL's spaces
        assertThat(written).isEqualTo("{\"formData\":" + STORED + "}");
        assertThat(JSON.readValue(written, View.class).formData()).isEqualTo(form);
    }

    @Test
    void theFieldsReadBackAreTheStoredOnes() {
        FormData form = new FormData(STORED, READER);

        assertThat(form)
                .containsEntry("congSuat", 2.5)
                .containsEntry("dong\nmoi", true)
                .containsKey("ghiChu");
        assertThat(form.get("may"))
                .isEqualTo(java.util.List.of(Map.of("ten", "Máy sấy \"tầng sôi\"", "gia", 125000000)));
    }

    @Test
    void aDossierWithoutAFormSendsAnEmptyObject() {
        FormData form = new FormData(null, READER);

        assertThat(JSON.writeValueAsString(new View(form))).isEqualTo("{\"formData\":{}}");
        assertThat(form).isEmpty();
    }
}
