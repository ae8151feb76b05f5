package vn.khuyencong.shared;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer Tomcat gives itself, before any filter or controller runs (a request header larger than allowed, a
 * request line that is not HTTP): a problem detail in Vietnamese like every other error, instead of Tomcat's HTML
 * page. It replaces the host's error report valve.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = switch (known == null ? HttpStatus.BAD_REQUEST : known) {
            case BAD_REQUEST ->
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "bad-request",
                        "Yêu cầu không hợp lệ",
                        "Yêu cầu không đúng định dạng HTTP: phần đầu (header) quá lớn (tối đa 8 KB) hoặc chứa ký tự không hợp lệ.");
            case CONTENT_TOO_LARGE ->
                Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "Dữ liệu quá lớn",
                        "Tệp hoặc yêu cầu vượt quá dung lượng cho phép.");
            default ->
                known != null && known.is4xxClientError()
                        ? Problems.of(
                                known, "client-error", "Yêu cầu không được chấp nhận", "Yêu cầu không được chấp nhận.")
                        : Problems.of(
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                "internal",
                                "Lỗi hệ thống",
                                "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.");
        };
        problem.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell
        }
    }

    /** Puts the valve in place of the host's own once Spring Boot has configured the server. */
    @Component
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
