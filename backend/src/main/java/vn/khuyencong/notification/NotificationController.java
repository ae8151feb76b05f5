package vn.khuyencong.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Thông báo", description = "Thông báo trong ứng dụng của người đang đăng nhập")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Thông báo của tôi, mới nhất trước")
    List<Notifications.Item> list(
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit,
            CurrentUser user) {
        return notifications.of(user, unreadOnly, limit);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "Số thông báo chưa đọc")
    Map<String, Integer> unreadCount(CurrentUser user) {
        return Map.of("unread", notifications.unread(user));
    }

    @PostMapping("/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Đánh dấu một thông báo đã đọc")
    void markRead(@PathVariable UUID notificationId, CurrentUser user) {
        notifications.markRead(user, notificationId);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Đánh dấu tất cả thông báo đã đọc")
    void markAllRead(CurrentUser user) {
        notifications.markAllRead(user);
    }
}
