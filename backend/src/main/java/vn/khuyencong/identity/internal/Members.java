package vn.khuyencong.identity.internal;

import static vn.khuyencong.identity.internal.Organisations.forbidden;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.identity.internal.UserAccounts.OrganisationRole;
import vn.khuyencong.shared.ProblemException;

/** The members of an organisation, as its owner manages them. */
@Service
class Members {

    private final UserAccounts accounts;
    private final SecurityEvents events;

    Members(UserAccounts accounts, SecurityEvents events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** The owner removes a member; the member's account is disabled at once. */
    @Transactional
    void removeMember(Account owner, UUID memberId, String clientIp) {
        if (owner.organisationRole() != OrganisationRole.OWNER) {
            throw forbidden("Chỉ người quản lý tài khoản của tổ chức mới được xoá thành viên.");
        }
        Account member = accounts.find(memberId)
                .filter(m -> owner.organisationId().equals(m.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy thành viên."));
        if (member.id().equals(owner.id())) {
            throw ProblemException.ruleViolated("not-yourself", "Bạn không thể tự xoá mình khỏi tổ chức.");
        }
        accounts.removeFromOrganisation(member.id(), owner.organisationId());
        events.record(
                SecurityEvents.Type.MEMBER_REMOVED,
                owner.username(),
                member.username(),
                clientIp,
                Map.of("organisation", owner.organisationId().toString()));
    }
}
