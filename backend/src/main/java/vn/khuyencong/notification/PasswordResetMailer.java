package vn.khuyencong.notification;

import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.khuyencong.identity.PasswordResetRequested;
import vn.khuyencong.shared.VietnamTime;

/**
 * Mails the password reset link, inside the transaction that stores it (a plain, synchronous listener): the link is
 * mailed if and only if it exists. Mail only: a link that resets a password has no place among the notices shown in
 * the application.
 */
@Component
class PasswordResetMailer {

    static final String KIND = "PASSWORD_RESET";
    static final String SUBJECT = "[Khuyến công] Đặt lại mật khẩu";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Outbox outbox;

    PasswordResetMailer(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PasswordResetRequested request) {
        outbox.mail(
                "password-reset:" + request.resetId(),
                request.email(),
                request.displayName(),
                SUBJECT,
                body(request),
                KIND,
                null);
    }

    static String body(PasswordResetRequested request) {
        long minutes = Math.max(1, request.validFor().toMinutes());
        return "Kính gửi " + request.displayName() + ",\n\n"
                + "Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản " + request.username()
                + " trên Khuyến công Online. Để đặt mật khẩu mới, hãy mở liên kết sau:\n\n"
                + request.link() + "\n\n"
                + "Liên kết chỉ dùng được một lần và có hiệu lực trong " + minutes + " phút (đến "
                + TIME.format(request.expiresAt().atZone(VietnamTime.ZONE)) + "). Sau khi đặt mật khẩu mới, các "
                + "phiên đăng nhập trước đó của tài khoản sẽ kết thúc.\n\n"
                + "Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n"
                + "Trân trọng,\nKhuyến công Online\n\n"
                + "Thư này được gửi tự động, vui lòng không trả lời.\n";
    }
}
