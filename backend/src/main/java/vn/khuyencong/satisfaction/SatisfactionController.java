package vn.khuyencong.satisfaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;

@RestController
@Tag(name = "Đánh giá", description = "Đánh giá mức độ hài lòng về việc giải quyết hồ sơ")
class SatisfactionController {

    private final Ratings ratings;

    SatisfactionController(Ratings ratings) {
        this.ratings = ratings;
    }

    record RatingRequest(
            @NotNull(message = "Chọn một mức đánh giá.") Integer processingTime,
            @NotNull(message = "Chọn một mức đánh giá.") Integer contacts,
            @NotNull(message = "Chọn một mức đánh giá.") Integer attitude,
            @NotNull(message = "Chọn một mức đánh giá.") Integer onlineService,

            @Size(max = 2000, message = "Ý kiến không quá 2000 ký tự.") String comment) {}

    @GetMapping("/api/v1/dossiers/{dossierId}/satisfaction")
    @Operation(summary = "Đánh giá của hồ sơ, và tôi có được đánh giá không")
    Ratings.RatingStatus status(@PathVariable UUID dossierId, CurrentUser user) {
        return ratings.status(dossierId, user);
    }

    @PostMapping("/api/v1/dossiers/{dossierId}/satisfaction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đánh giá việc giải quyết hồ sơ (một lần, khi hồ sơ đã có kết quả)")
    Ratings.Rating rate(@PathVariable UUID dossierId, @Valid @RequestBody RatingRequest request, CurrentUser user) {
        return ratings.rate(
                dossierId,
                new Ratings.Rating(
                        request.processingTime(),
                        request.contacts(),
                        request.attitude(),
                        request.onlineService(),
                        request.comment(),
                        null),
                user);
    }

    @GetMapping("/api/v1/public/satisfaction")
    @Operation(summary = "Điểm hài lòng trung bình theo chỉ số và theo kỳ (công khai)")
    List<Ratings.Period> averages(
            @RequestParam(defaultValue = "QUARTER") Ratings.Grouping groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agency) {
        return ratings.averages(groupBy, from, to, agency);
    }
}
