package vn.khuyencong.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.OrganisationController.OrganisationView;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.shared.ProblemException;

/**
 * The steps after a first sign-in through an external issuer: an enterprise person registers their organisation
 * (becoming its owner) or joins one with a colleague's invitation. The same steps serve an account of the embedded
 * server that has no organisation.
 */
@RestController
@Tag(name = "Định danh", description = "Người dùng hiện tại và cấu hình đăng nhập")
class OnboardingController {

    private final Registrations registrations;
    private final Invitations invitations;
    private final UserAccounts accounts;

    OnboardingController(Registrations registrations, Invitations invitations, UserAccounts accounts) {
        this.registrations = registrations;
        this.invitations = invitations;
        this.accounts = accounts;
    }

    record OrganisationRequest(
            @Size(max = 20, message = "Mã số thuế không quá 20 ký tự.") String taxCode,

            @Size(max = 300, message = "Tên tổ chức không quá 300 ký tự.") String name,

            @Size(max = 40, message = "Loại hình tổ chức không hợp lệ.") String type,

            @Size(max = 500, message = "Địa chỉ không quá 500 ký tự.") String address,

            @Size(max = 10, message = "Mã xã, phường không hợp lệ.") String communeCode) {}

    record InvitationAcceptance(
            @Size(max = 200, message = "Mã lời mời không hợp lệ.") String token) {}

    /** What the person invited sees before signing in: whose invitation it is, for whom, until when. */
    record InvitationView(String organisationName, String email, Instant expiresAt) {}

    @PostMapping("/api/v1/me/organisation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đăng ký tổ chức của người dùng doanh nghiệp chưa gắn với tổ chức nào")
    OrganisationView register(
            CurrentUser user, @Valid @RequestBody OrganisationRequest request, HttpServletRequest http) {
        Account person = enterprisePerson(user);
        String asserted = SecurityConfiguration.UserAuthentication.currentExternal()
                .map(ExternalAccounts.SignedIn::prefill)
                .map(ExternalAccounts.Prefill::taxCode)
                .orElse(null);
        return OrganisationView.of(registrations.registerFor(
                person,
                new Registrations.OrganisationForm(
                        request.taxCode(), request.name(), request.type(), request.address(), request.communeCode()),
                asserted,
                http.getRemoteAddr()));
    }

    @GetMapping("/api/v1/public/invitations/{token}")
    @Operation(summary = "Lời mời tham gia tổ chức (trước khi đăng nhập)")
    InvitationView invitation(@PathVariable String token) {
        return invitations
                .pending(token)
                .filter(pending -> pending.organisationName() != null)
                .map(pending -> new InvitationView(pending.organisationName(), pending.email(), pending.expiresAt()))
                .orElseThrow(() -> ProblemException.notFound("Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn."));
    }

    @PostMapping("/api/v1/me/invitation")
    @Operation(summary = "Nhận lời mời tham gia tổ chức")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "404",
            description = "Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/problem+json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    OrganisationView accept(
            CurrentUser user, @Valid @RequestBody InvitationAcceptance request, HttpServletRequest http) {
        Account person = enterprisePerson(user);
        if (request.token() == null || request.token().isBlank()) {
            throw ProblemException.invalidField("token", "Thiếu mã lời mời.");
        }
        return OrganisationView.of(invitations.acceptAs(person, request.token().strip(), http.getRemoteAddr()));
    }

    private Account enterprisePerson(CurrentUser user) {
        user.requireAny(Role.ENTERPRISE);
        return accounts.find(user.username())
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy tài khoản của bạn."));
    }
}
