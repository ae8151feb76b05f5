package vn.khuyencong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class DatabaseGaugesTests {

    @Test
    void aFigureTheDatabaseAnswersIsReadAsIs() {
        assertThat(DatabaseGauges.read(() -> 42L)).isEqualTo(42.0);
    }

    @Test
    void aDatabaseThatCannotAnswerGivesAnUnknownFigureNotZero() {
        assertThat(DatabaseGauges.read(() -> {
                    throw new DataAccessResourceFailureException("connection refused");
                }))
                .isNaN();
    }
}
