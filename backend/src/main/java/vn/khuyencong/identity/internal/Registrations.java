package vn.khuyencong.identity.internal;

import static vn.khuyencong.identity.internal.Organisations.COMMUNE_CODE;
import static vn.khuyencong.identity.internal.Organisations.EMAIL;
import static vn.khuyencong.identity.internal.Organisations.blank;
import static vn.khuyencong.identity.internal.Organisations.type;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.Organisations.Organisation;
import vn.khuyencong.identity.internal.Organisations.OrganisationType;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.identity.internal.UserAccounts.NewAccount;
import vn.khuyencong.identity.internal.UserAccounts.OrganisationRole;
import vn.khuyencong.shared.ProblemException;

/**
 * Registering an organisation and becoming its owner: on the registration page, with a new account, or in the app
 * by a signed-in person who has no organisation yet (the first sign-in through an external issuer). Both ways
 * check the organisation's tax code, name and type alike and write it the same way.
 */
@Service
class Registrations {

    /** What the registration page asks for. */
    record Registration(
            String taxCode,
            String organisationName,
            String organisationType,
            String communeCode,
            String fullName,
            String email,
            String password,
            String passwordConfirmation,
            boolean consent) {}

    /** Field name to message, in the order of the form; empty means success. */
    record Outcome(Map<String, String> errors, String username) {

        boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** What the registration step of the app asks a signed-in person for their organisation. */
    record OrganisationForm(String taxCode, String name, String type, String address, String communeCode) {}

    private static final String TAX_CODE_TAKEN =
            "Mã số thuế này đã được đăng ký. Hãy đề nghị người đã đăng ký tổ chức gửi lời mời cho bạn tham gia.";
    private static final String TYPE_MISSING = "Vui lòng chọn loại hình tổ chức.";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityEvents events;
    private final Clock clock;

    Registrations(
            JdbcClient jdbc,
            Organisations organisations,
            UserAccounts accounts,
            PasswordEncoder passwords,
            SecurityEvents events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Registers an organisation and its owner's account, or names every field at fault. */
    @Transactional
    Outcome register(Registration form, String clientIp) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> taxCode = TaxCode.normalise(form.taxCode());
        String taxCodeProblem = taxCodeProblem(form.taxCode(), taxCode);
        if (taxCodeProblem != null) {
            errors.put("taxCode", taxCodeProblem);
        } else if (organisations.taxCodeTaken(taxCode.get())) {
            errors.put("taxCode", TAX_CODE_TAKEN);
        }
        String nameProblem = nameProblem(form.organisationName());
        if (nameProblem != null) {
            errors.put("organisationName", nameProblem);
        }
        OrganisationType type = type(form.organisationType());
        if (type == null) {
            errors.put("organisationType", TYPE_MISSING);
        }
        if (blank(form.communeCode())) {
            errors.put("communeCode", "Vui lòng nhập mã xã, phường nơi đặt cơ sở.");
        } else if (!COMMUNE_CODE.matcher(form.communeCode().strip()).matches()) {
            errors.put("communeCode", "Mã xã, phường gồm đúng 5 chữ số (mã đơn vị hành chính).");
        }
        person(
                form.fullName(),
                form.email(),
                form.password(),
                form.passwordConfirmation(),
                form.consent(),
                null,
                errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors, null);
        }

        String email = UserAccounts.normalise(form.email());
        NewOrganisation organisation = new NewOrganisation(
                taxCode.get(),
                form.organisationName().strip(),
                type,
                form.communeCode().strip(),
                null);
        try {
            create(
                    organisation,
                    () -> accounts.create(new NewAccount(
                            email,
                            passwords.encode(form.password()),
                            form.fullName(),
                            email,
                            List.of(Role.ENTERPRISE),
                            organisation.id(),
                            OrganisationRole.OWNER,
                            null)),
                    email,
                    clientIp,
                    Map.of());
        } catch (DuplicateKeyException e) {
            // registered meanwhile by a concurrent request
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(Map.of("taxCode", "Mã số thuế hoặc địa chỉ thư điện tử này vừa được đăng ký."), null);
        }
        return new Outcome(Map.of(), email);
    }

    /**
     * Registers the organisation of a signed-in person who has none yet (the first sign-in through an external
     * issuer) and makes them its owner; the tax code the issuer asserted, if any, is the only one accepted.
     */
    @Transactional
    Organisation registerFor(Account person, OrganisationForm form, String assertedTaxCode, String clientIp) {
        if (person.organisationId() != null) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Optional<String> taxCode = TaxCode.normalise(form.taxCode());
        String taxCodeProblem = taxCodeProblem(form.taxCode(), taxCode);
        if (taxCodeProblem != null) {
            problems.add(new ProblemException.FieldProblem("taxCode", taxCodeProblem));
        } else if (assertedTaxCode != null && !assertedTaxCode.equals(taxCode.get())) {
            problems.add(new ProblemException.FieldProblem(
                    "taxCode",
                    "Mã số thuế phải là mã " + assertedTaxCode + " mà hệ thống đăng nhập đã xác nhận cho bạn."));
        }
        String nameProblem = nameProblem(form.name());
        if (nameProblem != null) {
            problems.add(new ProblemException.FieldProblem("name", nameProblem));
        }
        OrganisationType type = type(form.type());
        if (type == null) {
            problems.add(new ProblemException.FieldProblem("type", TYPE_MISSING));
        }
        String address = blank(form.address()) ? null : form.address().strip();
        if (address == null) {
            problems.add(new ProblemException.FieldProblem("address", "Vui lòng nhập địa chỉ của cơ sở."));
        } else if (address.length() > 500) {
            problems.add(new ProblemException.FieldProblem("address", "Địa chỉ không quá 500 ký tự."));
        }
        String commune = blank(form.communeCode()) ? null : form.communeCode().strip();
        if (commune == null) {
            problems.add(new ProblemException.FieldProblem("communeCode", "Vui lòng chọn xã, phường nơi đặt cơ sở."));
        } else if (!COMMUNE_CODE.matcher(commune).matches()
                || jdbc.sql("select count(*) from administrative_unit where code = ? and level = 'COMMUNE' and active")
                                .param(commune)
                                .query(Integer.class)
                                .single()
                        == 0) {
            problems.add(new ProblemException.FieldProblem(
                    "communeCode", "Xã, phường đã chọn không có trong danh mục đơn vị hành chính."));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "Có " + problems.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.", problems);
        }
        if (organisations.taxCodeTaken(taxCode.get())) {
            throw ProblemException.conflict(
                    "tax-code-unique",
                    TAX_CODE_TAKEN,
                    List.of(new ProblemException.FieldProblem("taxCode", "Mã số thuế này đã được đăng ký.")));
        }
        NewOrganisation organisation =
                new NewOrganisation(taxCode.get(), form.name().strip(), type, commune, address);
        // a concurrent registration of the same tax code ends at the unique index: 409 tax-code-unique
        create(
                organisation,
                () -> {
                    int bound =
                            jdbc.sql("""
                            update user_account set organisation_id = ?, organisation_role = 'OWNER'
                            where id = ? and organisation_id is null""").params(organisation.id(), person.id()).update();
                    if (bound == 0) {
                        throw ProblemException.conflict(
                                "organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
                    }
                },
                person.username(),
                clientIp,
                Map.of("by", "signed-in person"));
        return organisations.find(organisation.id()).orElseThrow();
    }

    /** What is wrong with a tax code as typed ({@code taxCode} is it normalised), or null. */
    private static String taxCodeProblem(String typed, Optional<String> taxCode) {
        if (blank(typed)) {
            return "Vui lòng nhập mã số thuế của tổ chức.";
        }
        if (taxCode.isEmpty()) {
            return "Mã số thuế không hợp lệ: cần 10 chữ số (hoặc 13 chữ số với đơn vị phụ thuộc, "
                    + "ví dụ 0100109106-001) và chữ số kiểm tra phải đúng.";
        }
        return null;
    }

    /** What is wrong with an organisation's name as typed, or null. */
    private static String nameProblem(String name) {
        if (blank(name)) {
            return "Vui lòng nhập tên tổ chức.";
        }
        if (name.strip().length() > 300) {
            return "Tên tổ chức không quá 300 ký tự.";
        }
        return null;
    }

    /** An organisation about to be registered, its fields checked. */
    private record NewOrganisation(
            UUID id, String taxCode, String name, OrganisationType type, String communeCode, String address) {

        NewOrganisation(String taxCode, String name, OrganisationType type, String communeCode, String address) {
            this(UUID.randomUUID(), taxCode, name, type, communeCode, address);
        }
    }

    /**
     * Writes the organisation, gives it its owner, then records the registration by {@code username}: the one path of
     * both ways to register.
     */
    private void create(
            NewOrganisation organisation, Runnable owner, String username, String clientIp, Map<String, String> how) {
        jdbc.sql("""
                insert into organisation (id, tax_code, name, org_type, commune_code, address, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisation.id(),
                        organisation.taxCode(),
                        organisation.name(),
                        organisation.type().name(),
                        organisation.communeCode(),
                        organisation.address(),
                        Timestamp.from(clock.instant()))
                .update();
        owner.run();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("taxCode", organisation.taxCode());
        details.put("organisationType", organisation.type().name());
        details.putAll(how);
        events.record(
                SecurityEvents.Type.ORGANISATION_REGISTERED,
                username,
                organisation.id().toString(),
                clientIp,
                details);
    }

    /** Checks the person of a registration, alone or with an invitation, adding what is wrong to {@code errors}. */
    void person(
            String fullName,
            String email,
            String password,
            String confirmation,
            boolean consent,
            String invitedEmail,
            Map<String, String> errors) {
        if (blank(fullName)) {
            errors.put("fullName", "Vui lòng nhập họ và tên.");
        } else if (fullName.strip().length() > 100) {
            errors.put("fullName", "Họ và tên không quá 100 ký tự.");
        }
        String normalised = UserAccounts.normalise(email);
        if (normalised.isEmpty()) {
            errors.put("email", "Vui lòng nhập địa chỉ thư điện tử.");
        } else if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            errors.put("email", "Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@congty.vn.");
        } else if (invitedEmail != null && !invitedEmail.equals(normalised)) {
            errors.put("email", "Lời mời này dành cho địa chỉ thư điện tử khác.");
        } else if (accounts.exists(normalised, normalised)) {
            errors.put("email", "Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.");
        }
        List<String> passwordProblems = PasswordPolicy.problems(password, normalised);
        if (!passwordProblems.isEmpty()) {
            errors.put("password", String.join(" ", passwordProblems));
        } else if (confirmation == null || !confirmation.equals(password)) {
            errors.put("passwordConfirmation", "Mật khẩu nhập lại không khớp.");
        }
        if (!consent) {
            errors.put(
                    "consent", "Vui lòng đồng ý để cơ quan xử lý dữ liệu cá nhân của bạn cho việc giải quyết hồ sơ.");
        }
    }
}
