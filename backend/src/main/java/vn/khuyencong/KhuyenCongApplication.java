package vn.khuyencong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Khuyến công Online: the online public service for industrial-promotion support dossiers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KhuyenCongApplication {

    public static void main(String[] args) {
        SpringApplication.run(KhuyenCongApplication.class, args);
    }
}
