package vn.khuyencong.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/** Gives a controller the {@link CurrentUser} the authentication of the request established. */
@Component
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return current();
    }

    static CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof SecurityConfiguration.UserAuthentication token)) {
            throw new AuthenticationCredentialsNotFoundException("No token");
        }
        CurrentUser user = token.user();
        if (user.roles().isEmpty()) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Không có quyền",
                    "Tài khoản chưa được cấp vai trò nào trong hệ thống.",
                    List.of(),
                    Map.of());
        }
        return user;
    }
}
