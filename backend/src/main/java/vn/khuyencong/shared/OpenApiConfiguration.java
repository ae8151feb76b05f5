package vn.khuyencong.shared;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The OpenAPI document's header; a relative server keeps the checked-in copy the same on every machine. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI khuyenCongApi() {
        return new OpenAPI()
                .info(new Info().title("Khuyến công Online API").version("v1")
                        .description("Dịch vụ công trực tuyến hỗ trợ hoạt động khuyến công: nộp hồ sơ, xử lý, "
                                + "giám sát và tra cứu. Lỗi được trả về theo RFC 9457 (problem details).")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("Máy chủ hiện tại")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
