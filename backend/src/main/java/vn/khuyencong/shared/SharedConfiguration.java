package vn.khuyencong.shared;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    static BeanPostProcessor databaseBootstrap(Environment environment) {
        return new DatabaseBootstrap(environment);
    }

    @Bean
    static BeanPostProcessor readReplica(Environment environment) {
        return new ReadReplica(environment);
    }

    @Bean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }
}
