package vn.khuyencong.shared;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The OpenAPI document: its header (a relative server keeps the checked-in copy the same on every machine), a
 * schema name per Java type (a nested record is named with its enclosing type, so two {@code Acceptance} records
 * never share one schema), and on every operation the problem details it can answer besides its success.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI khuyenCongApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Khuyến công Online API")
                        .version("v1")
                        .description("Dịch vụ công trực tuyến hỗ trợ hoạt động khuyến công: nộp hồ sơ, xử lý, "
                                + "giám sát và tra cứu. Lỗi được trả về theo RFC 9457 (problem details).")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("Máy chủ hiện tại")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Schema names: a nested type's name is prefixed with its enclosing type's ({@code MonitoringFormsPlan}). */
    @Bean
    ModelConverter nestedTypeNames() {
        return new ModelResolver(Json.mapper(), new TypeNameResolver() {
            @Override
            protected String nameForClass(Class<?> cls, Set<Options> options) {
                String name = super.nameForClass(cls, options);
                Class<?> outer = cls.getEnclosingClass();
                return outer != null && name.equals(cls.getSimpleName()) ? outer.getSimpleName() + name : name;
            }
        });
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            // added here, with the references to it: springdoc drops schemas nothing referred to before
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(
                                    operation,
                                    method.name(),
                                    path,
                                    operation.getRequestBody() != null
                                            && operation.getRequestBody().getContent() != null
                                            && operation
                                                    .getRequestBody()
                                                    .getContent()
                                                    .containsKey(MediaType.MULTIPART_FORM_DATA_VALUE))));
        };
    }

    /** The answers an operation can give besides its success, each an RFC 9457 problem. */
    static void describe(Operation operation, String method, String path, boolean multipart) {
        boolean mutating = !"GET".equals(method);
        boolean open =
                path.startsWith("/api/v1/public/") || "GET".equals(method) && path.startsWith("/api/v1/catalog/");
        Map<String, String> errors = new TreeMap<>();
        errors.put("400", "Dữ liệu không hợp lệ: các trường sai nằm trong errors");
        if (!open) {
            errors.put("401", "Chưa đăng nhập, hoặc mã truy cập không hợp lệ");
            errors.put("403", "Vai trò không được thực hiện thao tác này");
        }
        if (path.contains("{")) {
            errors.put("404", "Không tìm thấy (hoặc không thuộc quyền xem của người gọi)");
        }
        if (mutating) {
            errors.put("409", "Một quy tắc nghiệp vụ không cho phép (rule), hoặc người khác vừa xử lý trước");
            errors.put("422", "Khoá Idempotency-Key đã dùng cho một yêu cầu khác");
        }
        if (multipart || path.contains("/parts/")) {
            errors.put("413", "Tệp quá lớn");
            errors.put("415", "Loại tệp không được chấp nhận");
        }
        errors.put("429", "Quá nhiều yêu cầu: thử lại sau thời gian trong Retry-After");
        errors.put("500", "Lỗi hệ thống");
        errors.put("503", "Dịch vụ tạm thời gián đoạn");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        errors.forEach((code, description) -> responses.putIfAbsent(
                code,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        new io.swagger.v3.oas.models.media.MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        operation.setResponses(responses);
        if (mutating && !multipart && path.startsWith("/api/")) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .required(false)
                    .description("Khoá do ứng dụng đặt cho một thao tác (1–200 ký tự): gửi lại cùng khoá thì nhận lại "
                            + "đúng kết quả lần đầu, không thực hiện hai lần")
                    .schema(new StringSchema().maxLength(200)));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details, tiếng Việt")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("Quy tắc nghiệp vụ đã từ chối yêu cầu"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
    }
}
