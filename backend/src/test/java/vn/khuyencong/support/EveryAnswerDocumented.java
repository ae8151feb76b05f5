package vn.khuyencong.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On a test class: every status its requests got is one the OpenAPI document lists for its endpoint, checked once
 * the class has run ({@link DocumentedAnswers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EveryAnswerDocumented.Check.class)
public @interface EveryAnswerDocumented {

    final class Check implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            DocumentedAnswers.forget();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            DocumentedAnswers.assertEveryAnswerIsDocumented(IntegrationTest.api());
        }
    }
}
